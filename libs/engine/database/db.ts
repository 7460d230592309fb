import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import type { DataScope, RequestContext } from '@engine/context';
import { isRetryableTransactionError, retryPause, TRANSACTION_RETRIES } from './retryable';
import { noteScopeExtended, SharedReads, type SharedReadsHooks } from './shared-reads';

/** The restricted database role every transaction runs as: owns no table, has no BYPASSRLS. */
export const APP_DB_ROLE = 'jm_app';

/** A transaction bound to a request context's data scope. */
export interface Tx {
  readonly em: EntityManager;
  readonly ctx: RequestContext;
}

const current = new AsyncLocalStorage<Tx>();

/**
 * The only door to the database. `run(ctx, work)` opens a transaction, switches to the restricted
 * role (`SET LOCAL ROLE`) and sets the scope as transaction-local settings that the row-level security
 * policies read. A nested `run` with the same context joins the open transaction (a pool of one, as on
 * the embedded database, would otherwise wait for itself). A serialization failure or deadlock
 * (40001, 40P01) runs the outermost transaction once more: `work` must not have effects outside it
 * that a second run would repeat (enqueue jobs idempotently, by job id).
 *
 * The reads of one GraphQL query operation share one transaction (`ctx.operation.shareReads`, set by
 * the guard; see shared-reads.ts), on PostgreSQL: the embedded database has a single connection, which
 * a transaction held across the operation would keep from the guard's own lookups.
 */
@Injectable()
export class Db {
  private readonly shareable: boolean;
  private readonly hooks: SharedReadsHooks;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {
    this.shareable = Number((dataSource.options as { poolSize?: number } | undefined)?.poolSize ?? 10) > 1;
    this.hooks = {
      begin: (ctx) => this.begin(ctx.scope),
      applyScope: (runner, scope) => applyScope(runner, scope),
      runIn: (tx, work) => current.run(tx, work),
      alone: (ctx, work) => this.alone(ctx, work),
    };
  }

  async run<T>(ctx: RequestContext, work: (tx: Tx) => Promise<T>): Promise<T> {
    const open = current.getStore();
    if (open) {
      if (open.ctx !== ctx && !sameScope(open.ctx, ctx)) {
        throw new Error('Db.run: a nested transaction with a different data scope is not allowed');
      }
      return work(open);
    }
    const slot = ctx.operation;
    if (slot?.shareReads && this.shareable) {
      slot.shared ??= new SharedReads(this.hooks);
      return (slot.shared as SharedReads).join(ctx, work);
    }
    return this.alone(ctx, work);
  }

  private async alone<T>(ctx: RequestContext, work: (tx: Tx) => Promise<T>): Promise<T> {
    // Serialization failures and deadlocks abort the whole transaction and commit nothing: it is run
    // again (once), here at its boundary, instead of reaching the client as an internal error.
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.transaction(ctx, work);
      } catch (err) {
        if (attempt >= TRANSACTION_RETRIES || !isRetryableTransactionError(err)) throw err;
        await retryPause();
      }
    }
  }

  /** A new transaction in `scope`, on a connection of its own (released by the caller). */
  private async begin(scope: DataScope): Promise<QueryRunner> {
    const runner = this.dataSource.createQueryRunner();
    // Marked active before the first statement, so a failure anywhere below rolls back.
    Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
    try {
      const inline = scopeStatement(scope);
      if (inline) {
        // BEGIN and the scope in one round trip (the simple-query protocol takes several statements
        // but no parameters: every value was checked to be a uuid, 'on'/'off' or the role name).
        await runner.query(`START TRANSACTION; ${inline}`);
      } else {
        await runner.query('START TRANSACTION');
        await applyScope(runner, scope);
      }
      return runner;
    } catch (err) {
      await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
      throw err;
    }
  }

  private async transaction<T>(ctx: RequestContext, work: (tx: Tx) => Promise<T>): Promise<T> {
    const runner = await this.begin(ctx.scope);
    try {
      const tx: Tx = { em: runner.manager, ctx };
      const result = await current.run(tx, () => work(tx));
      await runner.commitTransaction();
      return result;
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await runner.release();
    }
  }

  /**
   * Lets the open transaction also read and write `tenantId` — used where a rule grants a write into
   * another tenant (a county onboarding a township creates the township's units). Call it only after
   * the authorization check for that rule.
   */
  async extendScope(tx: Tx, tenantId: string): Promise<void> {
    noteScopeExtended(tx);
    await tx.em.query(
      `SELECT set_config('app.extra_tenants', CASE WHEN current_setting('app.extra_tenants', true) IN ('', '{}') OR current_setting('app.extra_tenants', true) IS NULL
         THEN '{' || $1 || '}' ELSE rtrim(current_setting('app.extra_tenants', true), '}') || ',' || $1 || '}' END, true)`,
      [tenantId],
    );
  }

  /** Liveness of the database for /health: never throws, answers within `timeoutMs`. */
  async ping(timeoutMs = 2000): Promise<boolean> {
    if (!this.dataSource.isInitialized) return false;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      return await Promise.race([this.dataSource.query('SELECT 1').then(() => true), timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Sets the scope in the open transaction (every setting, so a widening by extendScope is undone). */
async function applyScope(runner: QueryRunner, scope: DataScope): Promise<void> {
  await runner.query(
    `SELECT set_config('role', $1, true), set_config('app.tenant_id', $2, true), set_config('app.tree', $3, true),
            set_config('app.platform', $4, true), set_config('app.user_id', $5, true), set_config('app.extra_tenants', '', true)`,
    [
      APP_DB_ROLE,
      scope.tenantId ?? '',
      scope.tree ? 'on' : 'off',
      scope.kind === 'platform' ? 'on' : 'off',
      scope.userId ?? '',
    ],
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The scope as one literal statement, or null when a value is not of the expected shape. */
function scopeStatement(scope: RequestContext['scope']): string | null {
  const tenant = scope.tenantId ?? '';
  const user = scope.userId ?? '';
  if ((tenant && !UUID.test(tenant)) || (user && !UUID.test(user))) return null;
  return (
    `SELECT set_config('role', '${APP_DB_ROLE}', true), set_config('app.tenant_id', '${tenant}', true), set_config('app.tree', '${scope.tree ? 'on' : 'off'}', true), ` +
    `set_config('app.platform', '${scope.kind === 'platform' ? 'on' : 'off'}', true), set_config('app.user_id', '${user}', true), set_config('app.extra_tenants', '', true)`
  );
}

function sameScope(a: RequestContext, b: RequestContext): boolean {
  return (
    a.scope.kind === b.scope.kind &&
    a.scope.tenantId === b.scope.tenantId &&
    a.scope.tree === b.scope.tree &&
    a.scope.userId === b.scope.userId
  );
}
