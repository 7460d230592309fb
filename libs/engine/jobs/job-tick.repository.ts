import { RequestContext } from '@engine/context';
import type { Db } from '@engine/database';

/**
 * Claims a scheduled tick (`<job name>.<period number>`) for this process: true for the first
 * claimant, false for every other process sharing the database. Claims older than a week are pruned.
 */
export function tickClaimer(db: Db): (tickId: string) => Promise<boolean> {
  return (tickId) =>
    db.run(RequestContext.platform(), async ({ em }) => {
      const won: unknown[] = await em.query(
        `INSERT INTO job_tick (id) VALUES ($1) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [tickId],
      );
      if (won.length) await em.query(`DELETE FROM job_tick WHERE claimed_at < now() - interval '7 days'`);
      return won.length === 1;
    });
}
