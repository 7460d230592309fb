import type pg from 'pg';
import { scopeStatements } from '@engine/database';

/** Someone the benchmark signs in as. */
export interface Identity {
  tenantCode: string;
  username: string;
  userId: string;
  tenantId: string;
  memberUnitId: string | null;
  /** Reads its tenant's descendants (office, conveners, superiors), as the API's scope does. */
  tree: boolean;
}

/** The parts of the seeded province the scenarios use, found in the database after seeding. */
export interface Picks {
  county: { id: string; code: string; towns: number };
  town: { id: string; code: string };
  countyOffice: Identity;
  /** A member unit's user in a town, the one with the most open agreed items. */
  unitUser: Identity;
  /** The PROVINCE tenant at the top (absent in a database seeded before it was generated). */
  province: { id: string; code: string; tenants: number } | null;
  /** The province's SUPERIOR (reads the whole tree). */
  provinceSuperior: Identity | null;
}

/** A read driven over HTTP at each concurrency, beside its direct-SQL floor. */
export interface ReadScenario {
  kind: 'read';
  name: string;
  description: string;
  as(p: Picks): Identity;
  query(p: Picks): string;
  /** The answer looks right (not empty, not an error): checked once before the load. */
  check(data: Record<string, unknown>, p: Picks): boolean;
  /** The same SQL the API runs for it, in one scoped transaction: the floor. */
  floor(client: pg.PoolClient, p: Picks, who: Identity): Promise<void>;
  /** The plain graphql-js + pg server answers the same query (only `me`). */
  baseline?: boolean;
  /** Whether the seeded database has what the scenario reads (default: yes). */
  needs?(p: Picks): boolean;
}

/**
 * Runs `statements` in one transaction scoped exactly as `Db.run` scopes it: the API's own
 * `scopeStatements` (`SET LOCAL ROLE jm_app; SET LOCAL app.… = …`), sent with BEGIN in one round trip.
 */
export async function scoped(
  client: pg.PoolClient,
  who: Identity,
  statements: (c: pg.PoolClient) => Promise<void>,
): Promise<void> {
  const scope = { kind: 'tenant', tenantId: who.tenantId, tree: who.tree, userId: who.userId } as const;
  await client.query(`START TRANSACTION; ${scopeStatements(scope)}`);
  await statements(client);
  await client.query('COMMIT');
}

const TENANT_BY_CODE = `SELECT id, code, name, level, parent_id, path, plugin_id, plugin_version, plugin_config, created_at FROM tenant WHERE code = $1 LIMIT 1`;
const UNITS_OF = `SELECT id, tenant_id, name, kind, aliases, active, child_tenant_id, source, position, created_at, deactivated_at FROM member_unit
  WHERE tenant_id = ANY($1::uuid[]) AND active ORDER BY position, name`;

/** The statements the API sends for `tenant-structure`, verbatim (TypeORM's aliases included). */
const API_TENANT_BY_CODE = `SELECT "Tenant"."id" AS "Tenant_id", "Tenant"."code" AS "Tenant_code", "Tenant"."name" AS "Tenant_name", "Tenant"."level" AS "Tenant_level", "Tenant"."parent_id" AS "Tenant_parent_id", "Tenant"."path" AS "Tenant_path", "Tenant"."plugin_id" AS "Tenant_plugin_id", "Tenant"."plugin_version" AS "Tenant_plugin_version", "Tenant"."plugin_config" AS "Tenant_plugin_config", "Tenant"."plugin_sdk_version" AS "Tenant_plugin_sdk_version", "Tenant"."plugin_hooks" AS "Tenant_plugin_hooks", "Tenant"."rules_revision" AS "Tenant_rules_revision", "Tenant"."rules_changed_at" AS "Tenant_rules_changed_at", "Tenant"."created_at" AS "Tenant_created_at" FROM "tenant" "Tenant" WHERE (("Tenant"."code" = $1)) LIMIT 1`;
const API_UNITS_OF = `SELECT "MemberUnit"."id" AS "MemberUnit_id", "MemberUnit"."tenant_id" AS "MemberUnit_tenant_id", "MemberUnit"."name" AS "MemberUnit_name", "MemberUnit"."kind" AS "MemberUnit_kind", "MemberUnit"."aliases" AS "MemberUnit_aliases", "MemberUnit"."active" AS "MemberUnit_active", "MemberUnit"."child_tenant_id" AS "MemberUnit_child_tenant_id", "MemberUnit"."source" AS "MemberUnit_source", "MemberUnit"."position" AS "MemberUnit_position", "MemberUnit"."created_at" AS "MemberUnit_created_at", "MemberUnit"."deactivated_at" AS "MemberUnit_deactivated_at" FROM "member_unit" "MemberUnit" WHERE (("MemberUnit"."tenant_id" IN ($1)) AND ("MemberUnit"."active" = $2)) ORDER BY "MemberUnit"."position" ASC, "MemberUnit"."name" ASC`;
const API_CHILDREN_OF = `SELECT "Tenant"."id" AS "Tenant_id", "Tenant"."code" AS "Tenant_code", "Tenant"."name" AS "Tenant_name", "Tenant"."level" AS "Tenant_level", "Tenant"."parent_id" AS "Tenant_parent_id", "Tenant"."path" AS "Tenant_path", "Tenant"."plugin_id" AS "Tenant_plugin_id", "Tenant"."plugin_version" AS "Tenant_plugin_version", "Tenant"."plugin_sdk_version" AS "Tenant_plugin_sdk_version", "Tenant"."plugin_hooks" AS "Tenant_plugin_hooks", "Tenant"."created_at" AS "Tenant_created_at" FROM "tenant" "Tenant" WHERE (("Tenant"."parent_id" IN ($1))) ORDER BY "Tenant_code" ASC`;

/** Fields of the superiors' view asked for by both supervisionStatus scenarios. */
const STATUS_FIELDS = `items { tenantCode tenantName level parentCode openCases overdueCases overdueAsOf listedCases interviewsAwaitingRectification
  latestRank rankedOf rankNoticeNumber rankPeriod cadenceMet cadenceDue cadenceRatio agreedItemsDone agreedItemsTotal agreedItemsRatio updatedAt } totalCount nextCursor`;

/** supervision-status.query.ts's columns and its unfiltered first page, sorted by overdue cases, worst first. */
const STATUS_COLUMNS = `s.tenant_id, s.code, s.name, s.level, p.code AS parent_code, s.open_cases, s.overdue_cases, to_char(s.overdue_as_of, 'YYYY-MM-DD') AS overdue_as_of,
  s.listed_cases, s.interviews_awaiting_rectification, s.latest_rank, s.latest_ranked_of, s.latest_rank_notice_number, s.latest_rank_period,
  to_char(s.latest_rank_period_start, 'YYYY-MM-DD') AS latest_rank_period_start, to_char(s.latest_rank_period_end, 'YYYY-MM-DD') AS latest_rank_period_end,
  s.cadence_met, s.cadence_due, s.cadence_ratio, s.agreed_items_done, s.agreed_items_total, s.agreed_items_ratio, s.updated_at`;

/** The statements `SupervisionStatusQuery.page` runs for a first page without filters: the root by code, the count, the page. */
async function statusFloor(q: pg.PoolClient, tenantCode: string, limit: number): Promise<void> {
  const root = (await q.query(TENANT_BY_CODE, [tenantCode])).rows[0] as { path: string };
  const prefix = `${root.path.replace(/[\\%_]/g, '\\$&')}%`;
  await q.query(`SELECT count(*)::int AS n FROM supervision_status s WHERE s.path LIKE $1`, [prefix]);
  await q.query(
    `SELECT ${STATUS_COLUMNS}, s.sort_key
     FROM (SELECT s.*, (s.overdue_cases)::text AS sort_key FROM supervision_status s
           WHERE s.path LIKE $1
           ORDER BY s.overdue_cases DESC, s.tenant_id DESC
           LIMIT $2) s
     LEFT JOIN tenant p ON p.id = s.parent_id
     ORDER BY s.overdue_cases DESC, s.tenant_id DESC`,
    [prefix, limit + 1],
  );
}

/** The first page of the province view (the most a page holds). */
export const PROVINCE_STATUS_PAGE = 200;

/**
 * The scenarios, one entry each; a later domain adds its reads here. Wall-time scenarios (onboarding,
 * the cadence sweep, the supervision sweep, the cases sweep) are in WALL_SCENARIOS in run.ts.
 */
export const READ_SCENARIOS: ReadScenario[] = [
  {
    kind: 'read',
    name: 'me',
    description: 'me { id username displayName roles } — a member unit user',
    as: (p) => p.unitUser,
    query: () => '{ me { id username displayName roles } }',
    check: (d, p) => (d.me as { username?: string } | null)?.username === p.unitUser.username,
    floor: (c, _p, who) =>
      scoped(c, who, async (q) => {
        await q.query(
          `SELECT id, tenant_id, username, display_name, roles, member_unit_id, active, created_at FROM app_user WHERE id = $1 AND active LIMIT 1`,
          [who.userId],
        );
      }),
    baseline: true,
  },
  {
    kind: 'read',
    name: 'tenant-structure',
    description:
      'tenant(code) { jointMeeting { name conveners officeHost meetingTypes } memberUnits children { code } } — a county office',
    as: (p) => p.countyOffice,
    query: (p) =>
      `{ tenant(code: "${p.county.code}") { name jointMeeting { name conveners { title role } officeHost { name } meetingTypes { code name cadence { rrule } } } memberUnits { id name kind } children { code } } }`,
    check: (d, p) => {
      const t = d.tenant as { memberUnits?: unknown[]; children?: unknown[] } | null;
      return Boolean(t?.memberUnits?.length) && t?.children?.length === p.county.towns;
    },
    // The API's own three statements for this query, as TypeORM sends them (captured from the server's
    // statement log, 2026-12-03): the tenant by code, its active units (the office host is found among
    // them), its children without their plugin snapshot. One transaction, like the API's shared reads.
    floor: (c, p, who) =>
      scoped(c, who, async (q) => {
        const tenant = (await q.query(API_TENANT_BY_CODE, [p.county.code])).rows[0] as { Tenant_id: string };
        await q.query(API_UNITS_OF, [tenant.Tenant_id, true]);
        await q.query(API_CHILDREN_OF, [tenant.Tenant_id]);
      }),
  },
  {
    kind: 'read',
    name: 'county-towns-units',
    description:
      'tenant(code) { children { code name memberUnits { id name } } } — a county office, nested list over its towns',
    as: (p) => p.countyOffice,
    query: (p) => `{ tenant(code: "${p.county.code}") { children { code name memberUnits { id name } } } }`,
    check: (d, p) =>
      (d.tenant as { children?: { memberUnits: unknown[] }[] } | null)?.children?.length === p.county.towns,
    floor: (c, p, who) =>
      scoped(c, who, async (q) => {
        const tenant = (await q.query(TENANT_BY_CODE, [p.county.code])).rows[0] as { id: string };
        const children = (
          await q.query(
            `SELECT id, code, name, level, parent_id, path, plugin_id, plugin_version, plugin_config, created_at FROM tenant WHERE parent_id = ANY($1::uuid[]) ORDER BY code`,
            [[tenant.id]],
          )
        ).rows as { id: string }[];
        await q.query(UNITS_OF, [children.map((x) => x.id)]);
      }),
  },
  {
    kind: 'read',
    name: 'unit-open-items',
    description:
      'agreedItems(tenantCode, status: OPEN, limit: 20) { id content dueOn overdue owners { name } } — a member unit user, its own items',
    as: (p) => p.unitUser,
    query: (p) =>
      `{ agreedItems(tenantCode: "${p.unitUser.tenantCode}", status: OPEN, limit: 20) { id content dueOn overdue owners { name } } }`,
    check: (d) => Array.isArray(d.agreedItems) && d.agreedItems.length > 0,
    floor: (c, p, who) =>
      scoped(c, who, async (q) => {
        const tenant = (await q.query(TENANT_BY_CODE, [p.unitUser.tenantCode])).rows[0] as { id: string };
        const items = (
          await q.query(
            `SELECT i.id, i.tenant_id, i.minutes_id, i.position, i.content, i.due_spec, i.due_on, i.due_provisional, i.status, i.done_at, i.created_at FROM agreed_item i
             WHERE i.tenant_id = $1 AND i.status <> 'PENDING' AND EXISTS (SELECT 1 FROM agreed_item_owner o WHERE o.agreed_item_id = i.id AND o.member_unit_id = $2)
               AND i.status = 'OPEN' ORDER BY i.due_on ASC NULLS LAST, i.position LIMIT 20`,
            [tenant.id, who.memberUnitId],
          )
        ).rows as { id: string }[];
        const owners = (
          await q.query(
            `SELECT tenant_id, agreed_item_id, member_unit_id, accepted_at FROM agreed_item_owner WHERE agreed_item_id = ANY($1::uuid[])`,
            [items.map((i) => i.id)],
          )
        ).rows as { member_unit_id: string }[];
        await q.query(
          `SELECT id, tenant_id, name, kind, aliases, active, child_tenant_id, source, position, created_at, deactivated_at FROM member_unit WHERE id = ANY($1::uuid[])`,
          [[...new Set(owners.map((o) => o.member_unit_id))]],
        );
      }),
  },
  {
    kind: 'read',
    name: 'unit-open-cases',
    description:
      'cases(openOnly: true, limit: 20) { items { id number status dueOn overdue petitioners { name } } nextCursor } — a member unit user, its own cases (petitioners masked)',
    as: (p) => p.unitUser,
    query: () =>
      '{ cases(openOnly: true, limit: 20) { items { id number status dueOn overdue petitioners { name } } nextCursor } }',
    check: (d) => ((d.cases as { items?: unknown[] } | null)?.items?.length ?? 0) > 0,
    floor: (c, p, who) =>
      scoped(c, who, async (q) => {
        const cases = (
          await q.query(
            `SELECT c.* FROM petition_case c WHERE c.tenant_id = $1 AND (c.responsible_unit_id = $2 OR c.location_unit_id = $2) AND c.status IN ('RECEIVED', 'ASSIGNED')
             ORDER BY c.received_at DESC, c.id DESC LIMIT 21`,
            [p.unitUser.tenantId, who.memberUnitId],
          )
        ).rows as { id: string }[];
        await q.query(`SELECT * FROM case_petitioner WHERE case_id = ANY($1::uuid[]) ORDER BY position`, [
          cases.map((x) => x.id),
        ]);
      }),
  },
  {
    kind: 'read',
    name: 'status-county',
    description:
      'supervisionStatus(tenantCode: county, orderBy: OVERDUE_CASES DESC, limit: 50) — a county office: the county and its towns',
    as: (p) => p.countyOffice,
    query: (p) =>
      `{ supervisionStatus(tenantCode: "${p.county.code}", orderBy: { field: OVERDUE_CASES, direction: DESC }, limit: 50) { ${STATUS_FIELDS} } }`,
    check: (d, p) => {
      const page = d.supervisionStatus as { items?: unknown[]; totalCount?: number } | null;
      return page?.totalCount === p.county.towns + 1 && page.items?.length === p.county.towns + 1;
    },
    floor: (c, p, who) => scoped(c, who, (q) => statusFloor(q, p.county.code, 50)),
  },
  {
    kind: 'read',
    name: 'status-province',
    description: `supervisionStatus(tenantCode: province, orderBy: OVERDUE_CASES DESC, limit: ${PROVINCE_STATUS_PAGE}) — the province's SUPERIOR: first page over every tenant`,
    as: (p) => p.provinceSuperior!,
    query: (p) =>
      `{ supervisionStatus(tenantCode: "${p.province!.code}", orderBy: { field: OVERDUE_CASES, direction: DESC }, limit: ${PROVINCE_STATUS_PAGE}) { ${STATUS_FIELDS} } }`,
    check: (d, p) => {
      const page = d.supervisionStatus as { items?: unknown[]; totalCount?: number } | null;
      return (
        page?.totalCount === p.province!.tenants &&
        page.items?.length === Math.min(PROVINCE_STATUS_PAGE, p.province!.tenants)
      );
    },
    floor: (c, p, who) => scoped(c, who, (q) => statusFloor(q, p.province!.code, PROVINCE_STATUS_PAGE)),
    needs: (p) => p.province !== null && p.provinceSuperior !== null,
  },
];
