import type { EntityManager } from 'typeorm';
import { ActionStatus, SupervisionActionKind } from '../enums';
import {
  lookback,
  type ActionFact,
  type AssessmentFact,
  type FlagFact,
  type LadderState,
  type NoticeFact,
} from './ladder';
import type { SupervisionRules } from '../supervision-rules';

/** The SQL of the escalation ladder (ladder.service.ts): its lock, its marks, and the state its rules read. */

const ACTION_COLUMNS = `a.id, a.number, a.kind, a.target_unit_id AS "unitId", a.target_tenant_id AS "targetTenantId", a.status,
  to_char(a.opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "openedAt", a.due_on::text AS "dueOn"`;

/** One ladder run per tenant at a time: a second waits and then sees the first's actions. */
export async function lockLadderRun(em: EntityManager, tenantId: string): Promise<void> {
  await em.query(`SELECT pg_advisory_xact_lock(hashtext('supervision-ladder'), hashtext($1))`, [tenantId]);
}

/**
 * Interviews, and accountability ordering rectification (责令限期整改), awaiting a rectification report
 * past its due date become OVERDUE.
 */
export async function markOverdueInterviews(em: EntityManager, tenantId: string, today: string): Promise<void> {
  await em.query(
    `UPDATE supervision_action SET status = $3 WHERE tenant_id = $1 AND kind = ANY($4::text[]) AND status = $5 AND due_on < $2`,
    [
      tenantId,
      today,
      ActionStatus.OVERDUE,
      [SupervisionActionKind.INTERVIEW, SupervisionActionKind.ACCOUNTABILITY],
      ActionStatus.AWAITING_RECTIFICATION,
    ],
  );
}

/**
 * Records the ladder's evidence as the run is about to read it (`supervision_ladder_evidence`, migration
 * 1764780000000): the hourly selection skips the tenant until that digest changes. Written before the state
 * is read, so anything committed meanwhile (or the run's own steps) selects the tenant once more.
 */
export async function markLadderEvaluated(
  em: EntityManager,
  tenantId: string,
  today: string,
  now: Date,
): Promise<void> {
  await em.query(
    `INSERT INTO supervision_ladder_mark (tenant_id, evidence, evaluated_at) VALUES ($1, supervision_ladder_evidence($1, $2::date), $3)
     ON CONFLICT (tenant_id) DO UPDATE SET evidence = EXCLUDED.evidence, evaluated_at = EXCLUDED.evaluated_at`,
    [tenantId, today, now],
  );
}

/**
 * The flags the run has read are evaluated now: only those (`read`), never one committed while the run was going,
 * which the ladder job its flagging enqueued must still see. `'all'` when no ladder rule reads flags (the plugin
 * has no FLAGGED rule): the tenant's unevaluated flags then wait for nothing.
 */
export async function markFlagsEvaluated(
  em: EntityManager,
  tenantId: string,
  now: Date,
  read: readonly string[] | 'all',
): Promise<void> {
  if (read === 'all') {
    await em.query(`UPDATE supervision_flag SET evaluated_at = $2 WHERE tenant_id = $1 AND evaluated_at IS NULL`, [
      tenantId,
      now,
    ]);
    return;
  }
  if (!read.length) return;
  await em.query(
    `UPDATE supervision_flag SET evaluated_at = $2 WHERE tenant_id = $1 AND id = ANY($3::uuid[]) AND evaluated_at IS NULL`,
    [tenantId, now, [...read]],
  );
}

/** What the rules need to see, loaded in bounded windows (the latest notices and reminders). */
export async function ladderState(
  em: EntityManager,
  tenantId: string,
  rules: SupervisionRules,
  today: string,
): Promise<LadderState> {
  const kinds = new Set(rules.ladder.map((r) => r.when.kind));
  const ruleIds = (kind: string): string[] => rules.ladder.filter((r) => r.when.kind === kind).map((r) => r.id);
  const window = lookback(rules.ladder);
  const regularNotices = kinds.has('BOTTOM_IN_CONSECUTIVE_REGULAR_NOTICES')
    ? await noticeFacts(em, tenantId, 'REGULAR', window)
    : [];
  const specialNotices = kinds.has('CONSECUTIVE_SPECIAL_NOTICES')
    ? await noticeFacts(em, tenantId, 'SPECIAL', window)
    : [];
  const reminders: ActionFact[] = kinds.has('CONSECUTIVE_REMINDERS')
    ? await em.query(
        // The case's key-case flag as it stands now (重点案件, 003 §五); a town's case read through RLS.
        `SELECT ${ACTION_COLUMNS}, a.case_id AS "caseId", coalesce(c.key_case, false) AS "keyCase"
           FROM (SELECT *, row_number() OVER (PARTITION BY target_unit_id, case_id ORDER BY opened_at DESC, number DESC) AS k
                 FROM supervision_action WHERE tenant_id = $1 AND kind = 'REMINDER') a
           LEFT JOIN petition_case c ON c.id = a.case_id
           WHERE a.k <= $2`,
        [tenantId, window],
      )
    : [];
  const flags: FlagFact[] = kinds.has('FLAGGED')
    ? await em.query(
        `SELECT id, target_unit_id AS "unitId", target_tenant_id AS "targetTenantId", reason, case_id AS "caseId" FROM supervision_flag WHERE tenant_id = $1 AND evaluated_at IS NULL ORDER BY flagged_at, id`,
        [tenantId],
      )
    : [];
  // Acted on: a step (taken, or proposed — confirmed, dismissed or waiting) of the rule caused by it.
  const notActedOn = `NOT EXISTS (SELECT 1 FROM supervision_action b WHERE b.caused_by = a.id AND b.rule_id = ANY($2::text[]))
    AND NOT EXISTS (SELECT 1 FROM supervision_proposal p WHERE p.tenant_id = a.tenant_id AND p.caused_by = a.id AND p.rule_id = ANY($2::text[]))`;
  const overdueInterviews: ActionFact[] = kinds.has('RECTIFICATION_OVERDUE')
    ? await em.query(
        `SELECT ${ACTION_COLUMNS} FROM supervision_action a WHERE a.tenant_id = $1 AND a.kind = 'INTERVIEW' AND a.status = 'OVERDUE' AND ${notActedOn} ORDER BY a.opened_at`,
        [tenantId, ruleIds('RECTIFICATION_OVERDUE')],
      )
    : [];
  const overdueListings: ActionFact[] = kinds.has('LISTING_OVERDUE')
    ? await em.query(
        `SELECT ${ACTION_COLUMNS} FROM supervision_action a WHERE a.tenant_id = $1 AND a.kind = 'LISTING' AND a.status = 'ACTIVE' AND a.due_on < $3 AND ${notActedOn} ORDER BY a.opened_at`,
        [tenantId, ruleIds('LISTING_OVERDUE'), today],
      )
    : [];
  const failedAssessments: AssessmentFact[] = kinds.has('ASSESSMENT_FAILED')
    ? await em.query(
        `SELECT x.id, x.target_unit_id AS "unitId", x.target_tenant_id AS "targetTenantId", x.period, x.period_start::text AS "periodStart", x.score::float AS score
           FROM assessment x WHERE x.tenant_id = $1 AND NOT x.passed
            AND NOT EXISTS (SELECT 1 FROM supervision_action b WHERE b.tenant_id = x.tenant_id AND b.facts @> jsonb_build_object('assessmentId', x.id::text))
            AND NOT EXISTS (SELECT 1 FROM supervision_proposal p WHERE p.tenant_id = x.tenant_id AND p.facts @> jsonb_build_object('assessmentId', x.id::text))`,
        [tenantId],
      )
    : [];
  const candidates = [...regularNotices, ...specialNotices].map((n) => n.id).concat(reminders.map((r) => r.id));
  const consumed = new Set<string>();
  if (candidates.length) {
    const rows: { rule_id: string; unit_id: string; evidence_id: string }[] = await em.query(
      // Evidence a rule used for a unit: in its proposals (whatever became of them: a dismissed proposal
      // is not proposed again on the same evidence) and in steps taken before proposals existed.
      `SELECT a.rule_id, a.target_unit_id AS unit_id, e->>'id' AS evidence_id
         FROM (SELECT rule_id, target_unit_id, facts FROM supervision_action WHERE tenant_id = $1 AND rule_id IS NOT NULL
               UNION ALL SELECT rule_id, target_unit_id, facts FROM supervision_proposal WHERE tenant_id = $1) a
         CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(a.facts->'evidence') = 'array' THEN a.facts->'evidence' ELSE '[]'::jsonb END) e
        WHERE e->>'id' = ANY($2::text[])`,
      [tenantId, candidates],
    );
    for (const r of rows) consumed.add(`${r.rule_id}|${r.unit_id}|${r.evidence_id}`);
  }
  return {
    regularNotices,
    specialNotices,
    reminders,
    flags,
    overdueInterviews,
    overdueListings,
    failedAssessments,
    consumed,
  };
}

async function noticeFacts(
  em: EntityManager,
  tenantId: string,
  kind: 'REGULAR' | 'SPECIAL',
  window: number,
): Promise<NoticeFact[]> {
  const order = kind === 'REGULAR' ? 'period_start DESC' : 'published_at DESC, id DESC';
  const notices: Omit<NoticeFact, 'entries'>[] = await em.query(
    `SELECT id, number, kind, period, period_start::text AS "periodStart", period_end::text AS "periodEnd",
            to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "publishedAt"
       FROM (SELECT *, row_number() OVER (PARTITION BY coalesce(period, '') ORDER BY ${order}) AS k
               FROM supervision_notice WHERE tenant_id = $1 AND kind = $2 AND status = 'PUBLISHED') n
      WHERE n.k <= $3`,
    [tenantId, kind, window],
  );
  if (!notices.length) return [];
  const entries: {
    notice_id: string;
    unitId: string;
    targetTenantId: string | null;
    rank: number | null;
    rankedOf: number | null;
    bottom: boolean;
  }[] = await em.query(
    `SELECT notice_id, target_unit_id AS "unitId", target_tenant_id AS "targetTenantId", rank, ranked_of AS "rankedOf", bottom
       FROM supervision_notice_entry WHERE tenant_id = $1 AND notice_id = ANY($2::uuid[])`,
    [tenantId, notices.map((n) => n.id)],
  );
  const byNotice = new Map<string, NoticeFact['entries']>();
  for (const { notice_id, ...e } of entries) {
    const list = byNotice.get(notice_id);
    if (list) list.push(e);
    else byNotice.set(notice_id, [e]);
  }
  return notices.map((n) => ({ ...n, entries: byNotice.get(n.id) ?? [] }));
}
