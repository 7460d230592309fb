/**
 * SQLSTATEs after which the whole transaction may simply be run again: PostgreSQL aborted it to
 * resolve a conflict with a concurrent one, and nothing of it was committed.
 * - 40001 serialization_failure (REPEATABLE READ / SERIALIZABLE, or a concurrent update under them)
 * - 40P01 deadlock_detected (the deadlock detector chose this transaction as the victim)
 */
export const RETRYABLE_SQLSTATES: ReadonlySet<string> = new Set(['40001', '40P01']);

/** How many times `Db.run` runs a transaction again after a retryable failure. */
export const TRANSACTION_RETRIES = 1;

/**
 * The SQLSTATE of a database error, looked for where TypeORM (`QueryFailedError.driverError`), the
 * `pg` driver (`code`) and wrappers (`cause`, GraphQL's `originalError`) put it.
 */
export function sqlState(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const o = e as { code?: unknown; driverError?: unknown; cause?: unknown; originalError?: unknown };
    if (typeof o.code === 'string' && /^[0-9A-Z]{5}$/.test(o.code)) return o.code;
    const driverCode = (o.driverError as { code?: unknown } | undefined)?.code;
    if (typeof driverCode === 'string') return driverCode;
    e = o.driverError ?? o.cause ?? o.originalError;
  }
  return undefined;
}

/** True for a serialization failure or a deadlock: running the transaction again may succeed. */
export function isRetryableTransactionError(err: unknown): boolean {
  const code = sqlState(err);
  return code !== undefined && RETRYABLE_SQLSTATES.has(code);
}

/** A short random pause before the retry, so the two colliding transactions do not meet again in step. */
export function retryPause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5 + Math.floor(Math.random() * 20)));
}
