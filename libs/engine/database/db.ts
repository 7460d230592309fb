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
      // BEGIN and the scope in one round trip (the simple-query protocol takes several statements).
      await runner.query(`START TRANSACTION; ${scopeStatements(scope)}`);
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
    if (!UUID.test(tenantId)) throw new Error('Db.extendScope: a tenant id is a uuid');
    noteScopeExtended(tx);
    // Kept here rather than appended in SQL: a SET statement takes a literal, not an expression.
    const extra = [...(extraTenants.get(tx) ?? []), tenantId];
    extraTenants.set(tx, extra);
    await tx.em.query(`SET LOCAL app.extra_tenants = ${literal(`{${extra.join(',')}}`)}`);
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
  await runner.query(scopeStatements(scope));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The tenants a transaction's scope was widened to (Db.extendScope), by the Tx that widened it. */
const extraTenants = new WeakMap<Tx, string[]>();

/** A string literal (standard_conforming_strings is on: only the quote needs doubling). */
function literal(value: string): string {
  if (value.includes('\0')) throw new Error('a setting never holds a NUL character');
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * The scope as `SET LOCAL` statements, sent as one simple query (one round trip). SET statements, not
 * `set_config(…, true)` in a SELECT: Citus forwards transaction-local SET commands to the connections it
 * opens to the shards (`citus.propagate_set_commands = 'local'`), but a function call is evaluated on the
 * coordinator only — the shards' row-level security would read empty settings (docs/scale.md).
 */
export function scopeStatements(scope: DataScope): string {
  return [
    `SET LOCAL ROLE ${APP_DB_ROLE}`,
    `SET LOCAL app.tenant_id = ${literal(scope.tenantId ?? '')}`,
    `SET LOCAL app.tree = '${scope.tree ? 'on' : 'off'}'`,
    `SET LOCAL app.platform = '${scope.kind === 'platform' ? 'on' : 'off'}'`,
    `SET LOCAL app.user_id = ${literal(scope.userId ?? '')}`,
    `SET LOCAL app.extra_tenants = ''`,
  ].join('; ');
}

function sameScope(a: RequestContext, b: RequestContext): boolean {
  return (
    a.scope.kind === b.scope.kind &&
    a.scope.tenantId === b.scope.tenantId &&
    a.scope.tree === b.scope.tree &&
    a.scope.userId === b.scope.userId
  );
}
