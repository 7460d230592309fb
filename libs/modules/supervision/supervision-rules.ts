import type { EntityManager } from 'typeorm';
import type { EffectivePlugin } from '@jm/plugin-sdk';
import type { RequestContext } from '@engine/context';
import { Role } from '@core/identity';
import { holdersOf, memberUnitOf } from '@engine/access';
import type { Db, Tx } from '@engine/database';
import { SUPERVISION_ERRORS } from './supervision.errors';
import { MemberUnitKind } from '@core/joint-meeting/entities';
import { Tenant } from '@core/tenancy/entities';
import type { EffectiveRule } from './ladder/ladder';
import { namedInPlugin } from './ladder/trigger-words';
import { CODE_PATTERN } from '@engine/validation';
import { pluginOf, tenantByCode as findTenant } from '@core/tenancy';

export type Supervision = EffectivePlugin['supervision'];
type Section<K extends keyof Supervision> = NonNullable<Supervision[K]>;

/** A section of rules with where it comes from: the tenant's own plugin, or an ancestor's. */
export interface Sourced<T> {
  rule: T;
  pluginId: string;
  inherited: boolean;
}

/**
 * A tenant's supervision rules. Notices and the assessment are the tenant's own publications (its own
 * plugin only). The ladder is the tenant's rules plus those of ancestors whose plugin applies to
 * descendants (003 binds 各乡镇和部门); the sections its steps need — reminders, listed supervision,
 * interviews, accountability — come from the tenant's plugin, or where it states none, from the nearest
 * such ancestor (as the ledger does with ownership tiers).
 */
export interface SupervisionRules {
  tenant: Tenant;
  notices: Section<'notices'> | null;
  assessment: Section<'assessment'> | null;
  reminders: Sourced<Section<'reminders'>> | null;
  listedSupervision: Sourced<Section<'listedSupervision'>> | null;
  interviews: Sourced<Section<'interviews'>> | null;
  accountability: Sourced<Section<'accountability'>> | null;
  ladder: EffectiveRule[];
}

export { pluginOf };

export async function supervisionRulesOf(em: EntityManager, tenant: Tenant): Promise<SupervisionRules> {
  const own = pluginOf(tenant).supervision;
  const ancestors: { plugin_id: string; supervision: Supervision | null }[] = await em.query(
    `SELECT plugin_id, supervision FROM app_inherited_rules($1)`,
    [tenant.id],
  );
  const pick = <K extends 'reminders' | 'listedSupervision' | 'interviews' | 'accountability'>(
    key: K,
  ): Sourced<Section<K>> | null => {
    if (own[key]) return { rule: own[key] as Section<K>, pluginId: tenant.pluginId, inherited: false };
    for (const a of ancestors)
      if (a.supervision?.[key])
        return { rule: a.supervision[key] as Section<K>, pluginId: a.plugin_id, inherited: true };
    return null;
  };
  const ladder: EffectiveRule[] = own.ladder.map((r) => ({ ...r, pluginId: tenant.pluginId, inherited: false }));
  for (const a of ancestors) {
    for (const r of a.supervision?.ladder ?? []) {
      if (!ladder.some((l) => l.id === r.id))
        // An inherited rule's flag reasons keep the words of the plugin that declares it (the tenant's own
        // interview reasons may be others: 001's villages).
        ladder.push({
          ...r,
          when: a.supervision ? namedInPlugin(r.when, a.supervision) : r.when,
          pluginId: a.plugin_id,
          inherited: true,
          source: `${r.source} (${a.plugin_id})`,
        });
    }
  }
  return {
    tenant,
    notices: own.notices ?? null,
    assessment: own.assessment ?? null,
    reminders: pick('reminders'),
    listedSupervision: pick('listedSupervision'),
    interviews: pick('interviews'),
    accountability: pick('accountability'),
    ladder,
  };
}

/** A section's citation, naming the plugin when it is inherited. */
export function cite<T extends { source: string }>(s: Sourced<T>): string {
  return s.inherited ? `${s.rule.source} (${s.pluginId})` : s.rule.source;
}

export async function tenantByCode(em: EntityManager, code: string, field = 'input.tenantCode'): Promise<Tenant> {
  if (!CODE_PATTERN.test(code)) throw SUPERVISION_ERRORS.badInput(field, 'NOT_A_CODE');
  return findTenant(em, code);
}

export interface SupervisedUnit {
  id: string;
  name: string;
  kind: MemberUnitKind;
  position: number;
  active: boolean;
  childTenantId: string | null;
  childTenantCode: string | null;
}

const UNIT_COLUMNS = `m.id, m.name, m.kind, m.position, m.active, m.child_tenant_id AS "childTenantId", t.code AS "childTenantCode"`;

/** The tenant's active member units of the given kinds, in the joint meeting's order. */
export async function supervisedUnits(
  em: EntityManager,
  tenantId: string,
  kinds: readonly string[],
): Promise<SupervisedUnit[]> {
  return em.query(
    `SELECT ${UNIT_COLUMNS} FROM member_unit m LEFT JOIN tenant t ON t.id = m.child_tenant_id
     WHERE m.tenant_id = $1 AND m.active AND m.kind = ANY($2::text[]) ORDER BY m.position, m.name, m.id`,
    [tenantId, [...kinds]],
  );
}

/** Units by id (active or not: a deactivated unit keeps its history), with the child tenant's code. */
export async function unitsByIds(em: EntityManager, ids: readonly string[]): Promise<Map<string, SupervisedUnit>> {
  if (!ids.length) return new Map();
  const rows: SupervisedUnit[] = await em.query(
    `SELECT ${UNIT_COLUMNS} FROM member_unit m LEFT JOIN tenant t ON t.id = m.child_tenant_id WHERE m.id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** An active unit of the tenant, or BAD_USER_INPUT naming the field. */
export async function unitOf(
  em: EntityManager,
  tenantId: string,
  unitId: string,
  field: string,
): Promise<SupervisedUnit> {
  const [unit]: SupervisedUnit[] = await em.query(
    `SELECT ${UNIT_COLUMNS} FROM member_unit m LEFT JOIN tenant t ON t.id = m.child_tenant_id WHERE m.id = $1 AND m.tenant_id = $2 AND m.active`,
    [unitId, tenantId],
  );
  if (!unit) throw SUPERVISION_ERRORS.badInput(field, 'NOT_AN_ACTIVE_UNIT');
  return unit;
}

/** The leaders of a township who receive what its county sends it. */
export const TOWNSHIP_LEADERS: readonly Role[] = [Role.OFFICE_DIRECTOR, ...holdersOf(Role.CONVENER)];

/**
 * Who reads what a unit is sent: for a TOWNSHIP unit, the township's leaders; otherwise the users who
 * act for the unit. One query for all units.
 */
export async function unitRecipients(em: EntityManager, unitIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!unitIds.length) return out;
  const rows: { unit_id: string; user_id: string }[] = await em.query(
    `SELECT m.id AS unit_id, u.id AS user_id FROM member_unit m
       JOIN app_user u ON u.tenant_id = m.child_tenant_id AND u.roles && $2::text[] AND u.active
      WHERE m.id = ANY($1::uuid[]) AND m.child_tenant_id IS NOT NULL
     UNION ALL
     SELECT m.id, u.id FROM member_unit m JOIN app_user u ON u.member_unit_id = m.id AND u.active
      WHERE m.id = ANY($1::uuid[]) AND m.child_tenant_id IS NULL
     ORDER BY 1, 2`,
    [[...unitIds], [...TOWNSHIP_LEADERS]],
  );
  for (const r of rows) {
    const list = out.get(r.unit_id);
    if (list) list.push(r.user_id);
    else out.set(r.unit_id, [r.user_id]);
  }
  return out;
}

/** Users of the tenant holding any of the roles (a notice reported to the conveners, 003 §三). */
export async function roleRecipients(em: EntityManager, tenantId: string, roles: readonly string[]): Promise<string[]> {
  if (!roles.length) return [];
  const rows: { id: string }[] = await em.query(
    `SELECT id FROM app_user WHERE tenant_id = $1 AND active AND roles && $2::text[] ORDER BY id`,
    [tenantId, [...roles]],
  );
  return rows.map((r) => r.id);
}

const NUMBER_WORDS: Readonly<Record<string, string>> = {
  NOTICE: '通报',
  REMINDER: '提醒',
  LISTING: '挂牌督办',
  INTERVIEW: '约谈',
  ACCOUNTABILITY: '问责',
  NAMED_CRITICISM: '通报批评',
};

/** The next number of a kind in a year, under a row lock: `示范信访提醒〔2026〕1号`. */
export async function nextNumber(
  em: EntityManager,
  tenant: Tenant,
  kind: keyof typeof NUMBER_WORDS,
  year: string,
): Promise<string> {
  const [row]: { last: number }[] = await em.query(
    `INSERT INTO supervision_sequence (tenant_id, kind, year, last) VALUES ($1, $2, $3, 1)
     ON CONFLICT (tenant_id, kind, year) DO UPDATE SET last = supervision_sequence.last + 1 RETURNING last`,
    [tenant.id, kind, Number(year)],
  );
  const prefix = (pluginOf(tenant).tenantName ?? tenant.name).replace(/(镇|街道|县|区)$/, '');
  return `${prefix}信访${NUMBER_WORDS[kind]}〔${year}〕${row.last}号`;
}

/**
 * Opens the caller's ancestors to this transaction so it can read (and, for a receipt or a report,
 * update) what a supervising tenant decided about the caller's tenant. Call it only after the CASL
 * check, and query only rows whose target is the caller (see `concernSql`).
 */
export async function openAncestors(db: Db, tx: Tx, ctx: RequestContext): Promise<void> {
  const me = ctx.caller.tenantId;
  if (!me) return;
  const [row]: { path: string }[] = await tx.em.query(`SELECT path FROM tenant WHERE id = $1`, [me]);
  for (const id of (row?.path ?? '').split('/').filter((p) => p && p !== me)) await db.extendScope(tx, id);
}

/**
 * What concerns the caller, as SQL over a table with tenant_id, target_tenant_id and target_unit_id:
 * rows of an ancestor about the caller's township (its leaders; superiors read), or rows of the caller's
 * tenant about the unit the caller acts for. Null when nothing can concern the caller.
 */
export function concernSql(
  ctx: RequestContext,
  alias: string,
  mode: 'read' | 'write',
): { sql: string; params: Record<string, string> } | null {
  const { tenantId, roles, memberUnitId } = ctx.caller;
  if (!tenantId) return null;
  const parts: string[] = [];
  const leaders = mode === 'read' ? [...TOWNSHIP_LEADERS, Role.SUPERIOR] : TOWNSHIP_LEADERS;
  if (roles.some((r) => leaders.includes(r)))
    parts.push(`(${alias}.target_tenant_id = :concernTenant AND ${alias}.tenant_id <> :concernTenant)`);
  if (memberUnitOf(ctx)) parts.push(`(${alias}.tenant_id = :concernTenant AND ${alias}.target_unit_id = :concernUnit)`);
  if (!parts.length) return null;
  return {
    sql: `(${parts.join(' OR ')})`,
    params: { concernTenant: tenantId, concernUnit: memberUnitId ?? '00000000-0000-0000-0000-000000000000' },
  };
}
