import type { QueryRunner } from 'typeorm';
import type { DataScope, RequestContext } from '@engine/context';
import type { Tx } from './db';

/** What SharedReads needs from Db: open a scoped transaction, re-scope it, run work in it. */
export interface SharedReadsHooks {
  begin(ctx: RequestContext): Promise<QueryRunner>;
  applyScope(runner: QueryRunner, scope: DataScope): Promise<void>;
  runIn<T>(tx: Tx, work: () => Promise<T>): Promise<T>;
  /** The ordinary path: a transaction of its own. */
  alone<T>(ctx: RequestContext, work: (tx: Tx) => Promise<T>): Promise<T>;
}

const sharedOf = new WeakMap<Tx, SharedReads>();

/** Called by Db.extendScope: the next work in the shared transaction gets its own scope back first. */
export function noteScopeExtended(tx: Tx): void {
  sharedOf.get(tx)?.markExtended();
}

function scopeKey(s: DataScope): string {
  return `${s.kind}|${s.tenantId ?? ''}|${s.tree ? 1 : 0}|${s.userId ?? ''}`;
}

/**
 * One transaction for every read of a GraphQL query operation: its root fields and DataLoader batches
 * (and contexts derived from the request's) join it instead of each taking a pool connection and a
 * BEGIN/COMMIT of its own. Works run one at a time (they share one connection anyway), each in its own
 * data scope: the scope is re-set only when it differs from the last work's, or when a work widened it
 * with `Db.extendScope` — so a widening never outlives the work that made it. After any error the
 * transaction is given up and later works run alone, as without sharing. `finish()` (the operation's
 * end) commits and returns the connection.
 */
export class SharedReads {
  private runner: QueryRunner | null = null;
  private applied: string | null = null;
  private extended = false;
  private broken = false;
  private finished = false;
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly hooks: SharedReadsHooks) {}

  markExtended(): void {
    this.extended = true;
  }

  async join<T>(ctx: RequestContext, work: (tx: Tx) => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      if (this.broken || this.finished) return await this.hooks.alone(ctx, work);
      const key = scopeKey(ctx.scope);
      try {
        if (!this.runner) {
          this.runner = await this.hooks.begin(ctx);
        } else if (this.extended || this.applied !== key) {
          await this.hooks.applyScope(this.runner, ctx.scope);
        }
        this.applied = key;
        this.extended = false;
        const tx: Tx = { em: this.runner.manager, ctx };
        sharedOf.set(tx, this);
        return await this.hooks.runIn(tx, () => work(tx));
      } catch (err) {
        await this.giveUp();
        throw err;
      }
    } finally {
      release();
    }
  }

  /** The operation is over: commit (it only read) and return the connection. Idempotent. */
  async finish(): Promise<void> {
    const release = await this.acquire();
    try {
      if (this.finished) return;
      this.finished = true;
      const runner = this.runner;
      this.runner = null;
      if (!runner) return;
      try {
        await runner.commitTransaction();
      } catch {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      } finally {
        await runner.release();
      }
    } finally {
      release();
    }
  }

  private async giveUp(): Promise<void> {
    this.broken = true;
    const runner = this.runner;
    this.runner = null;
    if (!runner) return;
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    await runner.release();
  }

  /** A promise-chain mutex: each caller waits for the previous work to finish. */
  private async acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => next);
    await previous;
    return release;
  }
}
