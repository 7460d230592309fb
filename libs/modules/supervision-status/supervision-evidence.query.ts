import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import {
  SupervisionMetric,
  type SupervisionEvidence,
  type SupervisionEvidenceItem,
  type SupervisionEvidenceKind,
} from './supervision-status.model';
import { statusRowOf } from './supervision-status.query';

/** A ladder step (or the action kind it was confirmed as) in words: the platform's names of its own steps. */
const STEP_NAMES: Record<string, string> = {
  REMINDER: '提醒',
  INTERVIEW: '约谈',
  REMINDER_OR_INTERVIEW: '提醒或约谈',
  LISTED_SUPERVISION: '挂牌督办',
  LISTING: '挂牌督办',
  ACCOUNTABILITY: '问责',
  NAMED_CRITICISM: '点名批评',
};
/** SQL naming a step column (the names are the constants above, never input). */
const STEP_WORDS = (column: string): string =>
  `CASE ${column} ${Object.entries(STEP_NAMES)
    .map(([code, name]) => `WHEN '${code}' THEN '${name}'`)
    .join(' ')} ELSE ${column} END`;

export const MAX_EVIDENCE_PAGE = 200;
export const MAX_EVIDENCE_OFFSET = 10_000;

type Row = Omit<SupervisionEvidenceItem, 'kind'>;

/**
 * The drill-down (督查穿透): the rows behind one number of one tenant's status, read-only, under the
 * caller's row-level security. Cases carry their number, due date, status, category and responsible
 * unit — never a petitioner's personal data. Listings and interviews are the actions about the tenant
 * (a county's against its township included: `supervision_status_actions` lets whoever reads the
 * tenant see the actions about it), and so are the ladder's proposals (`supervision_status_proposals`). Overdue is counted against the aggregate's `overdue_as_of`, so
 * the list and the number agree. Offset pagination, capped at 10,000 rows deep.
 */
@Injectable()
export class SupervisionEvidenceQuery {
  constructor(@Inject(Db) private readonly db: Db) {}

  async evidence(
    ctx: RequestContext,
    tenantCode: string,
    metric: SupervisionMetric,
    limit: number,
    offset: number,
  ): Promise<SupervisionEvidence> {
    return this.db.run(ctx, async ({ em }) => {
      const { tenantId, code, row } = await statusRowOf(em, tenantCode);
      const page = [tenantId, limit + 1, offset];
      let kind: SupervisionEvidenceKind;
      let count: number;
      let rows: Row[];
      switch (metric) {
        case SupervisionMetric.OPEN_CASES:
        case SupervisionMetric.OVERDUE_CASES: {
          const overdue = metric === SupervisionMetric.OVERDUE_CASES;
          kind = 'PETITION_CASE';
          count = overdue ? row.overdue_cases : row.open_cases;
          rows = await em.query(
            `SELECT c.id, c.number AS reference, c.status, to_char(c.due_on, 'YYYY-MM-DD') AS "dueOn", NULL AS "periodStart", NULL AS "periodEnd",
                    u.name AS "unitName", c.category AS label, c.due_rule AS rule, c.key_case AS "keyCase"
             FROM petition_case c LEFT JOIN member_unit u ON u.id = c.responsible_unit_id
             WHERE c.tenant_id = $1 AND c.status IN ('RECEIVED', 'ASSIGNED') ${overdue ? 'AND c.due_on < $4' : ''}
             ORDER BY c.due_on ASC NULLS LAST, c.number, c.id LIMIT $2 OFFSET $3`,
            overdue ? [...page, row.overdue_as_of] : page,
          );
          break;
        }
        case SupervisionMetric.LISTED_CASES:
        case SupervisionMetric.INTERVIEWS_AWAITING_RECTIFICATION: {
          const listing = metric === SupervisionMetric.LISTED_CASES;
          kind = listing ? 'LISTING' : 'INTERVIEW';
          count = listing ? row.listed_cases : row.interviews_awaiting_rectification;
          rows = await em.query(
            `SELECT a.id, a.number AS reference, a.status, to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn", NULL AS "periodStart", NULL AS "periodEnd",
                    a.unit_name AS "unitName", coalesce(a.current_step, a.case_number) AS label, a.rule_source AS rule,
                    CASE WHEN a.scope = '{}' THEN NULL ELSE a.scope END AS scope, a.key_case AS "keyCase", a.case_number AS "caseNumber"
             FROM supervision_status_actions($1, $4, $5, $2, $3) a`,
            [...page, kind, listing ? 'ACTIVE' : 'AWAITING_RECTIFICATION'],
          );
          break;
        }
        case SupervisionMetric.MISSED_CADENCE:
          kind = 'CADENCE_OBLIGATION';
          count = row.cadence_due - row.cadence_met;
          rows = await em.query(
            `SELECT o.id, o.type_code AS reference, o.status, NULL AS "dueOn", to_char(o.period_start, 'YYYY-MM-DD') AS "periodStart",
                    to_char(o.period_end, 'YYYY-MM-DD') AS "periodEnd", NULL AS "unitName", CASE WHEN o.key_period THEN 'key period' END AS label, o.rrule AS rule
             FROM cadence_obligation o WHERE o.tenant_id = $1 AND o.status = 'MISSED'
             ORDER BY o.period_start, o.type_code, o.id LIMIT $2 OFFSET $3`,
            page,
          );
          break;
        case SupervisionMetric.OPEN_AGREED_ITEMS:
          kind = 'AGREED_ITEM';
          count = row.agreed_items_total - row.agreed_items_done;
          rows = await em.query(
            `SELECT i.id, m.number AS reference, i.status, to_char(i.due_on, 'YYYY-MM-DD') AS "dueOn", NULL AS "periodStart", NULL AS "periodEnd",
                    (SELECT string_agg(u.name, '、' ORDER BY u.position, u.name) FROM agreed_item_owner o JOIN member_unit u ON u.id = o.member_unit_id
                      WHERE o.agreed_item_id = i.id) AS "unitName", i.content AS label, NULL AS rule
             FROM agreed_item i JOIN minutes m ON m.id = i.minutes_id
             WHERE i.tenant_id = $1 AND i.status = 'OPEN'
             ORDER BY i.due_on ASC NULLS LAST, i.created_at, i.id LIMIT $2 OFFSET $3`,
            page,
          );
          break;
        case SupervisionMetric.PROPOSED_STEPS:
        case SupervisionMetric.CONFIRMED_STEPS:
        case SupervisionMetric.DISMISSED_STEPS: {
          const status =
            metric === SupervisionMetric.PROPOSED_STEPS
              ? 'PROPOSED'
              : metric === SupervisionMetric.CONFIRMED_STEPS
                ? 'CONFIRMED'
                : 'DISMISSED';
          kind = 'PROPOSAL';
          count =
            status === 'PROPOSED'
              ? row.proposed_steps
              : status === 'CONFIRMED'
                ? row.confirmed_steps
                : row.dismissed_steps;
          rows = await em.query(
            `SELECT p.id, coalesce(p.action_number, p.case_number) AS reference, p.status, NULL AS "dueOn", NULL AS "periodStart", NULL AS "periodEnd",
                    p.unit_name AS "unitName", ${STEP_WORDS('p.step')} || coalesce('，确认为' || ${STEP_WORDS('p.decided_kind')}, '') AS label,
                    coalesce(p.summary, p.rule_id) || '（' || p.rule_source || '）' AS rule, p.case_number AS "caseNumber"
             FROM supervision_status_proposals($1, $4, $2, $3) p`,
            [...page, status],
          );
          break;
        }
      }
      const items = rows.slice(0, limit).map((r) => ({ ...r, kind }));
      return {
        tenantCode: code,
        metric,
        count,
        asOf: row.overdue_as_of,
        items,
        nextOffset: rows.length > limit ? offset + limit : null,
      };
    });
  }
}
