import { QueryFailedError, type DataSource } from 'typeorm';
import { RequestContext } from '@engine/context';
import { Db } from './db';
import { isRetryableTransactionError, sqlState } from './retryable';

const pgError = (code: string): Error => Object.assign(new Error(`pg ${code}`), { code });
const typeormError = (code: string): QueryFailedError => new QueryFailedError('SELECT 1', [], pgError(code));

describe('retryable transaction errors', () => {
  it("finds the SQLSTATE on the driver error, on TypeORM's wrapper and under a cause", () => {
    expect(sqlState(pgError('40P01'))).toBe('40P01');
    expect(sqlState(typeormError('40001'))).toBe('40001');
    expect(sqlState(new Error('wrapped', { cause: typeormError('40P01') }))).toBe('40P01');
    expect(sqlState(new Error('plain'))).toBeUndefined();
  });

  it('retries serialization failures and deadlocks only', () => {
    expect(isRetryableTransactionError(typeormError('40001'))).toBe(true);
    expect(isRetryableTransactionError(typeormError('40P01'))).toBe(true);
    for (const code of ['23505', '23503', '22007', '42501', '57014'])
      expect(isRetryableTransactionError(typeormError(code))).toBe(false);
    expect(isRetryableTransactionError(Object.assign(new Error('app'), { code: 'CONFLICT' }))).toBe(false);
    expect(isRetryableTransactionError(undefined)).toBe(false);
  });
});

/** A data source whose transactions record their statements; the work itself decides how it fails. */
function fakeDataSource(): { ds: DataSource; log: string[] } {
  const log: string[] = [];
  const ds = {
    createQueryRunner: () => {
      const runner = {
        isTransactionActive: false,
        manager: {},
        query: async (sql: string) => {
          log.push(sql.startsWith('START TRANSACTION') ? 'BEGIN' : sql);
          return [];
        },
        commitTransaction: async () => {
          log.push('COMMIT');
          runner.isTransactionActive = false;
        },
        rollbackTransaction: async () => {
          log.push('ROLLBACK');
          runner.isTransactionActive = false;
        },
        release: async () => undefined,
      };
      return runner;
    },
  } as unknown as DataSource;
  return { ds, log };
}

describe('Db.run at the transaction boundary', () => {
  const ctx = RequestContext.platform();

  it('runs a transaction that met a deadlock once more, in a new transaction', async () => {
    const { ds, log } = fakeDataSource();
    let attempts = 0;
    const result = await new Db(ds).run(ctx, async () => {
      attempts++;
      if (attempts === 1) throw typeormError('40P01');
      return 'done';
    });
    expect(result).toBe('done');
    expect(attempts).toBe(2);
    expect(log).toEqual(['BEGIN', 'ROLLBACK', 'BEGIN', 'COMMIT']);
  });

  it('retries once only: a second serialization failure reaches the caller', async () => {
    const { ds, log } = fakeDataSource();
    let attempts = 0;
    await expect(
      new Db(ds).run(ctx, async () => {
        attempts++;
        throw typeormError('40001');
      }),
    ).rejects.toThrow(QueryFailedError);
    expect(attempts).toBe(2);
    expect(log).toEqual(['BEGIN', 'ROLLBACK', 'BEGIN', 'ROLLBACK']);
  });

  it('does not retry other failures, nor a nested run (the outer transaction retries the whole)', async () => {
    const { ds } = fakeDataSource();
    const db = new Db(ds);
    let attempts = 0;
    await expect(
      db.run(ctx, async () => {
        attempts++;
        throw typeormError('23505');
      }),
    ).rejects.toThrow(QueryFailedError);
    expect(attempts).toBe(1);

    let outer = 0;
    let inner = 0;
    await db.run(ctx, async () => {
      outer++;
      await db.run(ctx, async () => {
        inner++;
        if (inner === 1) throw typeormError('40P01');
      });
    });
    expect({ outer, inner }).toEqual({ outer: 2, inner: 2 });
  });
});
