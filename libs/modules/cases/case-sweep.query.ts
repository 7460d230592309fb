import type { EntityManager } from 'typeorm';
import { OPEN_CASE_STATUSES } from './case.enums';
import { PetitionCase } from './case.entity';
import { ReviewStatus } from './case-review.entity';

/**
 * The sweep's steps as statements (issue 18 item 3 and "sweeps that scale"): each reads the work not yet
 * found by an anti-join against `finding` on the step's dedupe key, so an hourly repeat reads only what is
 * new and never re-tries inserting a finding it already wrote, and writes its findings, history steps and
 * notifications with multi-row INSERT … SELECT in the same statement. The keys must match the ones
 * sweep_tenants_cases (migration 1764770000000) anti-joins.
 */

/** Cases with an owner (包案) whose progress reports are watched: open, or closed within the last 400 days. */
export function ownedCasesToWatch(em: EntityManager, tenantId: string): Promise<PetitionCase[]> {
  return em
    .createQueryBuilder(PetitionCase, 'c')
    .where('c.tenant_id = :t AND c.owned_on IS NOT NULL', { t: tenantId })
    .andWhere(
      "(c.status IN ('ASSIGNED', 'RESOLVED') OR (c.status = 'CLOSED' AND c.closed_at > now() - interval '400 days'))",
    )
    .getMany();
}

/** The periods these cases reported progress for, as `<case id>:<period start>`. */
export async function reportedPeriods(
  em: EntityManager,
  tenantId: string,
  caseIds: readonly string[],
): Promise<Set<string>> {
  const rows = (await em.query(
    `SELECT case_id, period_start::text AS start FROM case_progress_report WHERE tenant_id = $1 AND case_id = ANY($2::uuid[])`,
    [tenantId, [...caseIds]],
  )) as { case_id: string; start: string }[];
  return new Set(rows.map((r) => `${r.case_id}:${r.start}`));
}

/**
 * The tenants the ledger's sweep has work in (sweep_tenants_cases, migration 1764770000000): one query
 * across tenants, ids only, platform scope — the anti-joins above, owned cases to watch, and a screening
 * period that may have ended since the latest one screened.
 */
export async function tenantsWithCaseWork(em: EntityManager, today: string): Promise<string[]> {
  const rows: { id: string }[] = await em.query(`SELECT sweep_tenants_cases($1::date) AS id`, [today]);
  return rows.map((r) => r.id);
}

/** What a set-based sweep step writes beside its findings: when, and who (a job: nobody). */
export interface SweepWrite {
  tenantId: string;
  today: string;
  /** The case-history steps' `at` (the app's clock). */
  at: Date;
  /** The case-history steps' `by_user_id` (null for a job). */
  byUserId: string | null;
}

/**
 * The overdue step in one statement (issue 18, "sweeps that scale"): the tenant's open cases past their
 * time limit without a CASE_OVERDUE finding for that date (`case-overdue:<id>:<due>`, the anti-join of
 * sweep_tenants_cases), their findings in one multi-row INSERT … ON CONFLICT DO NOTHING, and for each
 * finding the insert really wrote (RETURNING) one OVERDUE step in the case's history and one notification
 * to each active user of the responsible unit and of the office role (once per user: the notification's
 * own key). The same rows the per-case loop wrote, with case numbers and dates only. Returns how many
 * findings are new.
 */
export async function recordOverdueCases(em: EntityManager, w: SweepWrite & { officeRole: string }): Promise<number> {
  const rows: { found: number }[] = await em.query(
    `WITH due AS MATERIALIZED (
       SELECT c.id, c.tenant_id, c.number, c.due_on, c.due_provisional, c.responsible_unit_id,
              coalesce(c.due_rule, 'time limit set on the case') AS rule,
              'case-overdue:' || c.id || ':' || c.due_on::text AS key
         FROM petition_case c
        WHERE c.tenant_id = $1 AND c.status = ANY($2::text[]) AND c.due_on < $3::date
          AND NOT EXISTS (SELECT 1 FROM finding f WHERE f.tenant_id = c.tenant_id AND f.dedupe_key = 'case-overdue:' || c.id || ':' || c.due_on::text)
     ), found AS (
       INSERT INTO finding (tenant_id, kind, rule, facts, dedupe_key)
       SELECT d.tenant_id, 'CASE_OVERDUE', d.rule,
              jsonb_build_object('caseId', d.id, 'number', d.number, 'dueOn', d.due_on, 'dueProvisional', d.due_provisional,
                                 'responsibleUnitId', d.responsible_unit_id, 'rule', d.rule),
              d.key
         FROM due d
       ON CONFLICT (tenant_id, dedupe_key) DO NOTHING
       RETURNING dedupe_key
     ), fresh AS MATERIALIZED (
       SELECT d.* FROM due d JOIN found f ON f.dedupe_key = d.key
     ), steps AS (
       INSERT INTO case_event (tenant_id, case_id, kind, at, by_user_id, note, rule, data)
       SELECT n.tenant_id, n.id, 'OVERDUE', $4::timestamptz, $5::uuid, 'due ' || n.due_on::text, n.rule, '{}'::jsonb FROM fresh n
     ), told AS (
       INSERT INTO notification (tenant_id, user_id, kind, title, body, dedupe_key)
       SELECT n.tenant_id, u.id, 'CASE_OVERDUE', '信访事项超期：' || n.number,
              n.number || '已超过办理时限（' || n.due_on::text || '）未办结，请督促办理或申请延期。', n.key
         FROM fresh n
         JOIN app_user u ON u.tenant_id = n.tenant_id AND u.active
                        AND (u.member_unit_id = n.responsible_unit_id OR u.roles && ARRAY[$6::text])
       ON CONFLICT (tenant_id, user_id, dedupe_key) DO NOTHING
     )
     SELECT count(*)::int AS found FROM fresh`,
    [w.tenantId, [...OPEN_CASE_STATUSES], w.today, w.at, w.byUserId, w.officeRole],
  );
  return rows[0].found;
}

/**
 * The review-overdue step in one statement, like recordOverdueCases: open reviews past their date without
 * a REVIEW_OVERDUE finding for that date (`review-overdue:<id>:<due>`), their findings, a REVIEW_OVERDUE step
 * in the case's history and a notification to each active user of the office role. Returns how many
 * findings are new.
 */
export async function recordLateReviews(em: EntityManager, w: SweepWrite & { officeRole: string }): Promise<number> {
  const rows: { found: number }[] = await em.query(
    `WITH late AS MATERIALIZED (
       SELECT r.id, r.tenant_id, r.case_id, c.number, r.accepted_on, r.due_on, r.rule,
              'review-overdue:' || r.id || ':' || r.due_on::text AS key
         FROM case_review r
         JOIN petition_case c ON c.tenant_id = r.tenant_id AND c.id = r.case_id
        WHERE r.tenant_id = $1 AND r.status = $2 AND r.due_on < $3::date
          AND NOT EXISTS (SELECT 1 FROM finding f WHERE f.tenant_id = r.tenant_id AND f.dedupe_key = 'review-overdue:' || r.id || ':' || r.due_on::text)
     ), found AS (
       INSERT INTO finding (tenant_id, kind, rule, facts, dedupe_key)
       SELECT l.tenant_id, 'REVIEW_OVERDUE', l.rule,
              jsonb_build_object('reviewId', l.id, 'caseId', l.case_id, 'number', l.number, 'acceptedOn', l.accepted_on,
                                 'dueOn', l.due_on, 'rule', l.rule),
              l.key
         FROM late l
       ON CONFLICT (tenant_id, dedupe_key) DO NOTHING
       RETURNING dedupe_key
     ), fresh AS MATERIALIZED (
       SELECT l.* FROM late l JOIN found f ON f.dedupe_key = l.key
     ), steps AS (
       INSERT INTO case_event (tenant_id, case_id, kind, at, by_user_id, note, rule, data)
       SELECT n.tenant_id, n.case_id, 'REVIEW_OVERDUE', $4::timestamptz, $5::uuid, 'opinion due ' || n.due_on::text, n.rule,
              jsonb_build_object('reviewId', n.id)
         FROM fresh n
     ), told AS (
       INSERT INTO notification (tenant_id, user_id, kind, title, body, dedupe_key)
       SELECT n.tenant_id, u.id, 'REVIEW_OVERDUE', '复查超期：' || n.number,
              n.number || '的复查意见应于' || n.due_on::text || '前提出，现已超期（' || n.rule || '）。', n.key
         FROM fresh n
         JOIN app_user u ON u.tenant_id = n.tenant_id AND u.active AND u.roles && ARRAY[$6::text]
       ON CONFLICT (tenant_id, user_id, dedupe_key) DO NOTHING
     )
     SELECT count(*)::int AS found FROM fresh`,
    [w.tenantId, ReviewStatus.OPEN, w.today, w.at, w.byUserId, w.officeRole],
  );
  return rows[0].found;
}
