import type { EntityManager } from 'typeorm';

/**
 * Transaction-level advisory locks: serialise the transactions that touch one logical thing (a tenant's
 * cadence sweep, one petitioner, one unit's report on one item) without a row to lock. Held until commit
 * or rollback. Several keys are taken in sorted order, so two transactions wanting overlapping sets never
 * deadlock on each other. Keys are namespaced strings (`sweep:<tenant>`), hashed to PostgreSQL's bigint.
 */
export async function lockKeys(em: EntityManager, keys: readonly string[]): Promise<void> {
  const sorted = [...new Set(keys)].sort();
  if (!sorted.length) return;
  await em.query(
    `SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest($1::text[]) WITH ORDINALITY AS u(k, n) ORDER BY n`,
    [sorted],
  );
}
