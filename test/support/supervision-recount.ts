import type { DataSource } from 'typeorm';

/** The numbers of one tenant's `supervision_status` row, as stored or as recounted from raw rows. */
export interface StatusNumbers {
  code: string;
  asOf: string;
  open: number;
  overdue: number;
  listed: number;
  awaiting: number;
  rank: number | null;
  rankedOf: number | null;
  rankNotice: string | null;
  cadenceMet: number;
  cadenceDue: number;
  itemsDone: number;
  itemsTotal: number;
  proposed: number;
  confirmed: number;
  dismissed: number;
}

/**
 * A full recount from the raw tables, written independently of the triggers (owner connection, no
 * RLS), against each row's own `overdue_as_of`; tenants without a row come back with asOf null.
 */
export async function recountFromRaw(ds: DataSource): Promise<StatusNumbers[]> {
  return ds.query(`
    SELECT t.code, to_char(s.overdue_as_of, 'YYYY-MM-DD') AS "asOf",
      (SELECT count(*) FROM petition_case c WHERE c.tenant_id = t.id AND c.status IN ('RECEIVED', 'ASSIGNED'))::int AS open,
      (SELECT count(*) FROM petition_case c WHERE c.tenant_id = t.id AND c.status IN ('RECEIVED', 'ASSIGNED') AND c.due_on < s.overdue_as_of)::int AS overdue,
      (SELECT count(*) FROM supervision_action a WHERE coalesce(a.target_tenant_id, a.tenant_id) = t.id AND a.kind = 'LISTING' AND a.status = 'ACTIVE')::int AS listed,
      (SELECT count(*) FROM supervision_action a WHERE coalesce(a.target_tenant_id, a.tenant_id) = t.id AND a.kind = 'INTERVIEW' AND a.status = 'AWAITING_RECTIFICATION')::int AS awaiting,
      r.rank, r.ranked_of AS "rankedOf", r.number AS "rankNotice",
      (SELECT count(*) FROM cadence_obligation o WHERE o.tenant_id = t.id AND o.status = 'MET')::int AS "cadenceMet",
      (SELECT count(*) FROM cadence_obligation o WHERE o.tenant_id = t.id AND o.status IN ('MET', 'MISSED'))::int AS "cadenceDue",
      (SELECT count(*) FROM agreed_item i WHERE i.tenant_id = t.id AND i.status = 'DONE')::int AS "itemsDone",
      (SELECT count(*) FROM agreed_item i WHERE i.tenant_id = t.id AND i.status IN ('OPEN', 'DONE'))::int AS "itemsTotal",
      (SELECT count(*) FROM supervision_proposal p WHERE coalesce(p.target_tenant_id, p.tenant_id) = t.id AND p.status = 'PROPOSED')::int AS proposed,
      (SELECT count(*) FROM supervision_proposal p WHERE coalesce(p.target_tenant_id, p.tenant_id) = t.id AND p.status = 'CONFIRMED')::int AS confirmed,
      (SELECT count(*) FROM supervision_proposal p WHERE coalesce(p.target_tenant_id, p.tenant_id) = t.id AND p.status = 'DISMISSED')::int AS dismissed
    FROM tenant t
    LEFT JOIN supervision_status s ON s.tenant_id = t.id
    LEFT JOIN LATERAL (
      SELECT e.rank, e.ranked_of, n.number FROM supervision_notice_entry e JOIN supervision_notice n ON n.id = e.notice_id
      WHERE e.target_tenant_id = t.id AND n.kind = 'REGULAR' AND n.status = 'PUBLISHED'
      ORDER BY n.published_at DESC NULLS LAST, n.period_end DESC, n.id DESC LIMIT 1) r ON true
    ORDER BY t.code`);
}

/** What the aggregate table holds, in the same shape (owner connection). */
export async function storedStatus(ds: DataSource): Promise<StatusNumbers[]> {
  return ds.query(`
    SELECT t.code, to_char(s.overdue_as_of, 'YYYY-MM-DD') AS "asOf", s.open_cases AS open, s.overdue_cases AS overdue, s.listed_cases AS listed,
      s.interviews_awaiting_rectification AS awaiting, s.latest_rank AS rank, s.latest_ranked_of AS "rankedOf", s.latest_rank_notice_number AS "rankNotice",
      s.cadence_met AS "cadenceMet", s.cadence_due AS "cadenceDue", s.agreed_items_done AS "itemsDone", s.agreed_items_total AS "itemsTotal",
      s.proposed_steps AS proposed, s.confirmed_steps AS confirmed, s.dismissed_steps AS dismissed
    FROM tenant t LEFT JOIN supervision_status s ON s.tenant_id = t.id ORDER BY t.code`);
}
