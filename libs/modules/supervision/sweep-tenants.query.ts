import type { EntityManager } from 'typeorm';

/**
 * The tenants the supervision sweep has work in (sweep_tenants_supervision, migration 1764770000000):
 * one query across tenants, ids only, platform scope. `due` maps each regular notice period
 * (MONTHLY, QUARTERLY, HALF_YEARLY, ANNUAL) to the start of its last ended period.
 */
export async function tenantsWithSupervisionWork(
  em: EntityManager,
  today: string,
  due: Readonly<Record<string, string>>,
): Promise<string[]> {
  const rows: { id: string }[] = await em.query(`SELECT sweep_tenants_supervision($1::date, $2::jsonb) AS id`, [
    today,
    JSON.stringify(due),
  ]);
  return rows.map((r) => r.id);
}
