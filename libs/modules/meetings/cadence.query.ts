import type { EntityManager } from 'typeorm';
import type { Period } from '@engine/calendar';
import { keysetPage, type Page } from '@engine/graphql';
import { Finding } from '@core/findings';
import type { Tenant } from '@core/tenancy/entities';
import { CadenceObligation, KeyPeriod } from './cadence.entity';

/** Records a key period unless the tenant declared the same dates already; whether it is new. */
export async function insertKeyPeriodOnce(
  em: EntityManager,
  period: Pick<KeyPeriod, 'tenantId' | 'startsOn' | 'endsOn' | 'reason' | 'declaredById'>,
): Promise<boolean> {
  const inserted = await em
    .createQueryBuilder()
    .insert()
    .into(KeyPeriod)
    .values(period)
    .orIgnore()
    .returning('id')
    .execute();
  return (inserted.raw as unknown[]).length > 0;
}

/**
 * The periods a tenant's cadence requires, as OPEN obligations (one per type and period: a unique key, so a
 * period already owed inserts nothing). One statement whatever the number of periods: the columns as arrays.
 */
export async function insertObligations(
  em: EntityManager,
  tenantId: string,
  wanted: readonly (Period & { typeCode: string; rrule: string; keyPeriod: boolean })[],
): Promise<void> {
  await em.query(
    `INSERT INTO cadence_obligation (tenant_id, type_code, period_start, period_end, key_period, rrule, status)
     SELECT $1, w.type_code, w.period_start, w.period_end, w.key_period, w.rrule, 'OPEN'
       FROM unnest($2::text[], $3::date[], $4::date[], $5::boolean[], $6::text[]) WITH ORDINALITY
            AS w (type_code, period_start, period_end, key_period, rrule, n)
      ORDER BY w.n
     ON CONFLICT DO NOTHING`,
    [
      tenantId,
      wanted.map((w) => w.typeCode),
      wanted.map((w) => w.start),
      wanted.map((w) => w.end),
      wanted.map((w) => w.keyPeriod),
      wanted.map((w) => w.rrule),
    ],
  );
}

/** What a tenant's cadence sweep reads first: the tenant's dates and rules, and its key periods (one round trip). */
export interface CadenceSweepTenant extends Pick<
  Tenant,
  'id' | 'name' | 'createdAt' | 'rulesChangedAt' | 'pluginConfig' | 'pluginSdkVersion'
> {
  keyPeriods: Pick<KeyPeriod, 'startsOn' | 'endsOn'>[];
}

export async function cadenceSweepTenant(em: EntityManager, tenantId: string): Promise<CadenceSweepTenant | null> {
  const [row]: CadenceSweepTenant[] = await em.query(
    `SELECT t.id, t.name, t.created_at AS "createdAt", t.rules_changed_at AS "rulesChangedAt", t.plugin_config AS "pluginConfig",
            t.plugin_sdk_version AS "pluginSdkVersion",
            coalesce((SELECT json_agg(json_build_object('startsOn', k.starts_on::text, 'endsOn', k.ends_on::text))
                        FROM key_period k WHERE k.tenant_id = t.id), '[]'::json) AS "keyPeriods"
       FROM tenant t WHERE t.id = $1`,
    [tenantId],
  );
  return row ?? null;
}

/** An OPEN obligation whose period ended: what a MISSED_CADENCE finding says of it. */
export type EndedObligation = Pick<
  CadenceObligation,
  'id' | 'typeCode' | 'rrule' | 'keyPeriod' | 'periodStart' | 'periodEnd'
>;

/**
 * Met: a meeting of the type held (Beijing date) within the period; the first such meeting is named. And, in
 * the same statement, the OPEN obligations whose period ended before `today` that no meeting met (the
 * statement's read sees the rows as they were before its update: those it marks MET are left out by id).
 */
export async function markMetAndEndedOpen(
  em: EntityManager,
  tenantId: string,
  today: string,
): Promise<EndedObligation[]> {
  return em.query(
    `WITH met AS (
       UPDATE cadence_obligation o SET status = 'MET', meeting_id = (
          SELECT m.id FROM meeting m WHERE m.tenant_id = o.tenant_id AND m.type_code = o.type_code AND m.status = 'HELD'
            AND (m.held_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN o.period_start AND o.period_end ORDER BY m.held_at LIMIT 1)
       WHERE o.tenant_id = $1 AND o.status = 'OPEN' AND EXISTS (
          SELECT 1 FROM meeting m WHERE m.tenant_id = o.tenant_id AND m.type_code = o.type_code AND m.status = 'HELD'
            AND (m.held_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN o.period_start AND o.period_end)
       RETURNING o.id
     )
     SELECT o.id, o.type_code AS "typeCode", o.rrule, o.key_period AS "keyPeriod",
            o.period_start::text AS "periodStart", o.period_end::text AS "periodEnd"
       FROM cadence_obligation o
      WHERE o.tenant_id = $1 AND o.status = 'OPEN' AND o.period_end < $2::date AND NOT EXISTS (SELECT 1 FROM met WHERE met.id = o.id)`,
    [tenantId, today],
  );
}

/**
 * The overdue step of the cadence sweep in one statement: the tenant's OPEN agreed items due before `today`,
 * an AGREED_ITEM_OVERDUE finding (`rule`) for each that has none yet — a known one is not tried again (an
 * anti-join, not a re-insert that the unique key refuses) — and how many are overdue (for the digest).
 * The facts and the dedupe key `agreed-item-overdue:<id>` are what the sweep wrote item by item before
 * (sweep_tenants_cadence looks for that key).
 */
export async function recordOverdueAgreedItems(
  em: EntityManager,
  tenantId: string,
  today: string,
  rule: string,
): Promise<number> {
  const rows: { n: number }[] = await em.query(
    `WITH overdue AS (
       SELECT i.id, i.due_on, i.content FROM agreed_item i WHERE i.tenant_id = $1 AND i.status = 'OPEN' AND i.due_on < $2::date
     ), written AS (
       INSERT INTO finding (tenant_id, kind, rule, facts, dedupe_key)
       SELECT $1, 'AGREED_ITEM_OVERDUE', $3, jsonb_build_object('agreedItemId', o.id, 'dueOn', o.due_on::text, 'content', o.content),
              'agreed-item-overdue:' || o.id
         FROM overdue o
        WHERE NOT EXISTS (SELECT 1 FROM finding f WHERE f.tenant_id = $1 AND f.dedupe_key = 'agreed-item-overdue:' || o.id)
       ON CONFLICT DO NOTHING
     )
     SELECT count(*)::int AS n FROM overdue`,
    [tenantId, today, rule],
  );
  return rows[0]?.n ?? 0;
}

/**
 * The tenants the cadence sweep has work in (sweep_tenants_cadence, migration 1764770000000): one query
 * across tenants, ids only, platform scope — a period begun without its obligation, an obligation ended
 * open or met, an overdue agreed item without its finding or today's digest.
 */
export async function tenantsWithCadenceWork(em: EntityManager, today: string): Promise<string[]> {
  const rows: { id: string }[] = await em.query(`SELECT sweep_tenants_cadence($1::date) AS id`, [today]);
  return rows.map((r) => r.id);
}

/** OPEN or SUPERSEDED obligations whose period has not ended, oldest first (what a rules change may touch). */
export function unendedObligations(em: EntityManager, tenantId: string, today: string): Promise<CadenceObligation[]> {
  return em
    .createQueryBuilder(CadenceObligation, 'o')
    .where("o.tenant_id = :t AND o.status IN ('OPEN', 'SUPERSEDED') AND o.period_end >= :today", {
      t: tenantId,
      today,
    })
    .orderBy('o.period_start', 'ASC')
    .getMany();
}

/** One page of a tenant's key periods, latest start first (keyset on starts_on, id). */
export function keyPeriodsPage(
  em: EntityManager,
  tenantId: string,
  limit: number,
  after: string | null,
): Promise<Page<KeyPeriod>> {
  const qb = em.createQueryBuilder(KeyPeriod, 'k').where('k.tenant_id = :t', { t: tenantId });
  return keysetPage(qb, { alias: 'k', column: 'starts_on', keyOf: (k) => k.startsOn, after, limit });
}

/** One page of a tenant's findings (of one kind, `kind`), latest found first (keyset on found_at, id). */
export function findingsPage(
  em: EntityManager,
  tenantId: string,
  kind: string | undefined,
  limit: number,
  after: string | null,
): Promise<Page<Finding>> {
  const qb = em.createQueryBuilder(Finding, 'f').where('f.tenant_id = :t', { t: tenantId });
  if (kind) qb.andWhere('f.kind = :kind', { kind });
  return keysetPage(qb, { alias: 'f', column: 'found_at', keyOf: (f) => f.foundAt, after, limit });
}

/** One page of a tenant's cadence obligations, latest period first (keyset on period_start, id). */
export function obligationsPage(
  em: EntityManager,
  tenantId: string,
  limit: number,
  after: string | null,
): Promise<Page<CadenceObligation>> {
  const qb = em.createQueryBuilder(CadenceObligation, 'o').where('o.tenant_id = :t', { t: tenantId });
  return keysetPage(qb, { alias: 'o', column: 'period_start', keyOf: (o) => o.periodStart, after, limit });
}
