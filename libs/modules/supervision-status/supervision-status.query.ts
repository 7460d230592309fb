import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import type { TenantLevel } from '@core/tenancy/entities';
import { tenantByCode } from '@core/tenancy';
import type { SupervisionStatusFilter } from './dto/supervision-status.inputs';
import {
  SortDirection,
  SupervisionStatusSortField,
  type SupervisionStatus,
  type SupervisionStatusPage,
} from './supervision-status.model';

/** Each sort key as SQL over `s` (supervision_status), with the type its cursor value is compared as. */
const SORT: Record<SupervisionStatusSortField, { expr: string; type: 'integer' | 'numeric' | 'text' }> = {
  NAME: { expr: 's.name', type: 'text' },
  CODE: { expr: 's.code', type: 'text' },
  OPEN_CASES: { expr: 's.open_cases', type: 'integer' },
  OVERDUE_CASES: { expr: 's.overdue_cases', type: 'integer' },
  LISTED_CASES: { expr: 's.listed_cases', type: 'integer' },
  INTERVIEWS_AWAITING_RECTIFICATION: { expr: 's.interviews_awaiting_rectification', type: 'integer' },
  // Unranked tenants sort after the lowest rank; "nothing due" counts as fully compliant.
  LATEST_RANK: { expr: 'coalesce(s.latest_rank, 2147483647)', type: 'integer' },
  CADENCE_RATIO: { expr: 'coalesce(s.cadence_ratio, 1)', type: 'numeric' },
  AGREED_ITEMS_RATIO: { expr: 'coalesce(s.agreed_items_ratio, 1)', type: 'numeric' },
  PROPOSED_STEPS: { expr: 's.proposed_steps', type: 'integer' },
  CONFIRMED_STEPS: { expr: 's.confirmed_steps', type: 'integer' },
};

export const MAX_STATUS_PAGE = 200;

interface Cursor {
  field: SupervisionStatusSortField;
  direction: SortDirection;
  value: string;
  tenantId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.field, c.direction, c.value, c.tenantId])).toString('base64url');
}

function decodeCursor(after: string, field: SupervisionStatusSortField, direction: SortDirection): Cursor {
  const bad = (): AppError => AppError.badInput('after', 'is not a cursor this API returned for this orderBy');
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (
    !Array.isArray(parts) ||
    parts.length !== 4 ||
    parts[0] !== field ||
    parts[1] !== direction ||
    typeof parts[2] !== 'string' ||
    typeof parts[3] !== 'string' ||
    !UUID.test(parts[3])
  )
    throw bad();
  const value = parts[2];
  if (SORT[field].type !== 'text' && !/^-?\d{1,10}(\.\d{1,6})?$/.test(value)) throw bad();
  if (value.length > 500) throw bad();
  return { field, direction, value, tenantId: parts[3] };
}

export interface StatusRaw {
  tenant_id: string;
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
  open_cases: number;
  overdue_cases: number;
  overdue_as_of: string;
  listed_cases: number;
  interviews_awaiting_rectification: number;
  latest_rank: number | null;
  latest_ranked_of: number | null;
  latest_rank_notice_number: string | null;
  latest_rank_period: string | null;
  latest_rank_period_start: string | null;
  latest_rank_period_end: string | null;
  cadence_met: number;
  cadence_due: number;
  cadence_ratio: string | null;
  agreed_items_done: number;
  agreed_items_total: number;
  agreed_items_ratio: string | null;
  proposed_steps: number;
  confirmed_steps: number;
  dismissed_steps: number;
  steps_by_kind: { step: string; proposed: number; confirmed: number; dismissed: number }[];
  updated_at: Date;
  sort_key: string;
}

const COLUMNS = `s.tenant_id, s.code, s.name, s.level, p.code AS parent_code, s.open_cases, s.overdue_cases, to_char(s.overdue_as_of, 'YYYY-MM-DD') AS overdue_as_of,
  s.listed_cases, s.interviews_awaiting_rectification, s.latest_rank, s.latest_ranked_of, s.latest_rank_notice_number, s.latest_rank_period,
  to_char(s.latest_rank_period_start, 'YYYY-MM-DD') AS latest_rank_period_start, to_char(s.latest_rank_period_end, 'YYYY-MM-DD') AS latest_rank_period_end,
  s.cadence_met, s.cadence_due, s.cadence_ratio, s.agreed_items_done, s.agreed_items_total, s.agreed_items_ratio,
  s.proposed_steps, s.confirmed_steps, s.dismissed_steps, s.steps_by_kind, s.updated_at`;

function present(r: StatusRaw): SupervisionStatus {
  return {
    tenantCode: r.code,
    tenantName: r.name,
    level: r.level as TenantLevel,
    parentCode: r.parent_code,
    openCases: r.open_cases,
    overdueCases: r.overdue_cases,
    overdueAsOf: r.overdue_as_of,
    listedCases: r.listed_cases,
    interviewsAwaitingRectification: r.interviews_awaiting_rectification,
    latestRank: r.latest_rank,
    rankedOf: r.latest_ranked_of,
    rankNoticeNumber: r.latest_rank_notice_number,
    rankPeriod: r.latest_rank_period,
    rankPeriodStart: r.latest_rank_period_start,
    rankPeriodEnd: r.latest_rank_period_end,
    cadenceMet: r.cadence_met,
    cadenceDue: r.cadence_due,
    cadenceRatio: r.cadence_ratio === null ? null : Number(r.cadence_ratio),
    agreedItemsDone: r.agreed_items_done,
    agreedItemsTotal: r.agreed_items_total,
    agreedItemsRatio: r.agreed_items_ratio === null ? null : Number(r.agreed_items_ratio),
    proposedSteps: r.proposed_steps,
    confirmedSteps: r.confirmed_steps,
    dismissedSteps: r.dismissed_steps,
    stepsByKind: r.steps_by_kind,
    updatedAt: r.updated_at,
  };
}

/**
 * The superiors' view, read from `supervision_status` only (no ledger scan): the rows of a tenant's
 * subtree (materialised-path prefix) that row-level security lets the caller read, filtered, sorted
 * and paginated by keyset — (sort key, tenant id) after the cursor's — so a page costs the same
 * whatever its depth.
 */
@Injectable()
export class SupervisionStatusQuery {
  constructor(@Inject(Db) private readonly db: Db) {}

  async page(
    ctx: RequestContext,
    tenantCode: string,
    filter: SupervisionStatusFilter,
    field: SupervisionStatusSortField,
    direction: SortDirection,
    limit: number,
    after: string | null,
  ): Promise<SupervisionStatusPage> {
    const cursor = after ? decodeCursor(after, field, direction) : null;
    return this.db.run(ctx, async ({ em }) => {
      const root = await tenantByCode(em, tenantCode);
      const params: unknown[] = [`${root.path.replace(/[\\%_]/g, '\\$&')}%`];
      const where = ['s.path LIKE $1'];
      const bind = (value: unknown): string => {
        params.push(value);
        return `$${params.length}`;
      };
      if (filter.level) where.push(`s.level = ${bind(filter.level)}`);
      if (filter.parentCode) where.push(`s.parent_id = ${bind((await tenantByCode(em, filter.parentCode)).id)}`);
      if (filter.minOverdue !== undefined && filter.minOverdue !== null)
        where.push(`s.overdue_cases >= ${bind(filter.minOverdue)}`);
      if (filter.hasListed !== undefined && filter.hasListed !== null)
        where.push(filter.hasListed ? 's.listed_cases > 0' : 's.listed_cases = 0');
      if (filter.awaitingRectification !== undefined && filter.awaitingRectification !== null) {
        where.push(
          filter.awaitingRectification
            ? 's.interviews_awaiting_rectification > 0'
            : 's.interviews_awaiting_rectification = 0',
        );
      }
      if (filter.hasProposed !== undefined && filter.hasProposed !== null)
        where.push(filter.hasProposed ? 's.proposed_steps > 0' : 's.proposed_steps = 0');
      const [{ n }] = (await em.query(
        `SELECT count(*)::int AS n FROM supervision_status s WHERE ${where.join(' AND ')}`,
        params,
      )) as { n: number }[];
      const sort = SORT[field];
      const dir = direction === SortDirection.DESC ? 'DESC' : 'ASC';
      if (cursor)
        where.push(
          `(${sort.expr}, s.tenant_id) ${dir === 'DESC' ? '<' : '>'} (${bind(cursor.value)}::${sort.type}, ${bind(cursor.tenantId)}::uuid)`,
        );
      // The page first, then the parents' codes for its rows only: joining `tenant` (under its row-level
      // security, an array test per row) before the sort cost a province-wide page ~10 ms at 1,600 tenants.
      const order = `${sort.expr} ${dir}, s.tenant_id ${dir}`;
      const rows = (await em.query(
        `SELECT ${COLUMNS}, s.sort_key
         FROM (SELECT s.*, (${sort.expr})::text AS sort_key FROM supervision_status s
               WHERE ${where.join(' AND ')}
               ORDER BY ${order}
               LIMIT ${bind(limit + 1)}) s
         LEFT JOIN tenant p ON p.id = s.parent_id
         ORDER BY ${order}`,
        params,
      )) as StatusRaw[];
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      return {
        items: items.map(present),
        totalCount: n,
        nextCursor:
          rows.length > limit && last
            ? encodeCursor({ field, direction, value: last.sort_key, tenantId: last.tenant_id })
            : null,
      };
    });
  }
}

/** The caller-readable aggregate row of one tenant, or NOT_FOUND. */
export async function statusRowOf(
  em: EntityManager,
  tenantCode: string,
): Promise<{ tenantId: string; code: string; row: StatusRaw }> {
  const tenant = await tenantByCode(em, tenantCode);
  const [row] = (await em.query(
    `SELECT ${COLUMNS}, ''::text AS sort_key FROM supervision_status s LEFT JOIN tenant p ON p.id = s.parent_id WHERE s.tenant_id = $1`,
    [tenant.id],
  )) as StatusRaw[];
  if (!row) throw AppError.notFound(`Supervision status of "${tenantCode}"`);
  return { tenantId: tenant.id, code: tenant.code, row };
}

/** Tenants whose row is not yet as of `today` (supervision_status_stale, platform scope). */
export async function staleTenantIds(em: EntityManager, today: string): Promise<string[]> {
  const rows = (await em.query(`SELECT supervision_status_stale($1) AS id`, [today])) as { id: string }[];
  return rows.map((r) => r.id);
}

/** Recounts one tenant's row as of `asOf` (supervision_status_refresh, in the tenant's scope). */
export async function refreshStatusRow(em: EntityManager, tenantId: string, asOf: string): Promise<void> {
  await em.query(`SELECT supervision_status_refresh($1, $2)`, [tenantId, asOf]);
}
