import type { EntityManager } from 'typeorm';
import { keysetPage, type Page } from '@engine/graphql';
import { Briefing, WorkPlan } from './office-documents.entity';

/** A page asked for: the previous page's cursor and the size (checked by keysetPage). */
export interface PageArgs {
  after?: string | null;
  limit: number;
}

/** Query code of the office's documents (SQL lives here only). */
export const officeDocumentsQuery = {
  /**
   * The next number of a kind of document in a tenant's year: one row per (tenant, kind, year), advanced
   * in one statement inside the issuing transaction. Concurrent issuers serialise on the row, so each gets
   * its own number; an issue that fails rolls its number back with it (no duplicate, no gap).
   */
  async nextNumber(
    em: EntityManager,
    tenantId: string,
    kind: 'BRIEFING' | 'CIRCULAR' | 'AGREED_ITEMS_PROGRESS',
    year: number,
  ): Promise<number> {
    const rows: { last: number }[] = await em.query(
      `INSERT INTO document_counter (tenant_id, kind, year, last) VALUES ($1, $2, $3, 1)
       ON CONFLICT (tenant_id, kind, year) DO UPDATE SET last = document_counter.last + 1
       RETURNING last`,
      [tenantId, kind, year],
    );
    return Number(rows[0].last);
  },

  /** Work reports among `ids` that member units sent to this tenant's joint meeting (000 art. 14): what a circular collects. */
  async receivedWorkReports(em: EntityManager, tenantId: string, ids: readonly string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM report WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND channel = 'OWN_JOINT_MEETING'
          AND status IN ('SENT', 'ACKNOWLEDGED', 'ANSWERED')`,
      [tenantId, [...ids]],
    );
    return rows.map((r) => r.id);
  },

  /** The tenant's issued agreed items with their owners' names, by time limit (002 §六(二): their progress, circulated). */
  async agreedItemsProgress(
    em: EntityManager,
    tenantId: string,
  ): Promise<{ content: string; status: string; dueOn: string | null; provisional: boolean; owners: string[] }[]> {
    const rows: { content: string; status: string; due_on: string | null; provisional: boolean; owners: string[] }[] =
      await em.query(
        `SELECT a.content, a.status, to_char(a.due_on, 'YYYY-MM-DD') AS due_on, a.due_provisional AS provisional,
                COALESCE(array_agg(u.name ORDER BY u.position) FILTER (WHERE u.id IS NOT NULL), '{}') AS owners
           FROM agreed_item a
           LEFT JOIN agreed_item_owner o ON o.tenant_id = a.tenant_id AND o.agreed_item_id = a.id
           LEFT JOIN member_unit u ON u.tenant_id = o.tenant_id AND u.id = o.member_unit_id
          WHERE a.tenant_id = $1 AND a.status <> 'PENDING'
          GROUP BY a.tenant_id, a.id
          ORDER BY a.due_on NULLS LAST, a.created_at, a.position, a.id
          LIMIT 500`,
        [tenantId],
      );
    return rows.map((r) => ({
      content: r.content,
      status: r.status,
      dueOn: r.due_on,
      provisional: r.provisional,
      owners: r.owners,
    }));
  },

  /** Agreed items of the tenant among `ids` that have been issued (PENDING ones are not yet items of record). */
  async issuedAgreedItems(em: EntityManager, tenantId: string, ids: readonly string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM agreed_item WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND status <> 'PENDING'`,
      [tenantId, [...ids]],
    );
    return rows.map((r) => r.id);
  },

  /** Links agreed items to a work point; a link that exists already is left as it is. */
  async link(
    em: EntityManager,
    tenantId: string,
    pointId: string,
    agreedItemIds: readonly string[],
    by: string,
  ): Promise<void> {
    await em.query(
      `INSERT INTO work_plan_point_item (tenant_id, point_id, agreed_item_id, linked_by)
       SELECT $1, $2, x.id, $4 FROM unnest($3::uuid[]) WITH ORDINALITY AS x(id, n) ORDER BY x.n
       ON CONFLICT DO NOTHING`,
      [tenantId, pointId, [...new Set(agreedItemIds)], by],
    );
  },

  /** Progress of work points from their linked agreed items: linked, done, overdue (open past due on `today`); ids by due date. */
  async progress(
    em: EntityManager,
    pointIds: readonly string[],
    today: string,
  ): Promise<Map<string, { linked: number; done: number; overdue: number; agreedItemIds: string[] }>> {
    const rows: { point_id: string; ids: string[]; linked: string; done: string; overdue: string }[] = await em.query(
      `SELECT l.point_id, array_agg(l.agreed_item_id::text ORDER BY a.due_on NULLS LAST, a.position, l.agreed_item_id) AS ids, count(*) AS linked,
              count(*) FILTER (WHERE a.status = 'DONE') AS done,
              count(*) FILTER (WHERE a.status = 'OPEN' AND a.due_on < CAST($2 AS date)) AS overdue
         FROM work_plan_point_item l LEFT JOIN agreed_item a ON a.id = l.agreed_item_id AND a.tenant_id = l.tenant_id
        WHERE l.point_id = ANY($1::uuid[])
        GROUP BY l.point_id`,
      [[...pointIds], today],
    );
    return new Map(
      rows.map((r) => [
        r.point_id,
        { linked: Number(r.linked), done: Number(r.done), overdue: Number(r.overdue), agreedItemIds: r.ids },
      ]),
    );
  },

  /** The tenant's work points, one page, newest first (created, then id). */
  workPlansPage(em: EntityManager, tenantId: string, page: PageArgs): Promise<Page<WorkPlan>> {
    const qb = em.createQueryBuilder(WorkPlan, 'w').where('w.tenant_id = :tenantId', { tenantId });
    return keysetPage(qb, { alias: 'w', column: 'created_at', keyOf: (w) => w.createdAt, ...page });
  },

  /** Briefings, one page, newest first (created, then id); a member unit sees only those issued to it. */
  briefingsPage(em: EntityManager, tenantId: string, unit: string | null, page: PageArgs): Promise<Page<Briefing>> {
    const qb = em.createQueryBuilder(Briefing, 'b').where('b.tenant_id = :tenantId', { tenantId });
    if (unit)
      qb.andWhere(
        'EXISTS (SELECT 1 FROM briefing_recipient r WHERE r.tenant_id = b.tenant_id AND r.briefing_id = b.id AND r.member_unit_id = :unit)',
        { unit },
      );
    return keysetPage(qb, { alias: 'b', column: 'created_at', keyOf: (b) => b.createdAt, ...page });
  },
};
