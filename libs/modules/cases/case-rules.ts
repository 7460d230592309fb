import type { EntityManager } from 'typeorm';
import type { EffectivePlugin } from '@jm/plugin-sdk';
import type { RequestContext } from '@engine/context';
import { unitScope } from '@engine/access';
import { Tenant, TenantLevel } from '@core/tenancy/entities';
import { CaseSource, LeaderTier } from './case.enums';
import { type PetitionCase } from './case.entity';
import { caseLimit, PLATFORM_DEFAULTS, type CaseLimit } from './case-limits';
import { pluginOf, tenantById, tenantByCode } from '@core/tenancy';

export type CaseRuleSet = EffectivePlugin['cases'];
type Ownership = NonNullable<CaseRuleSet['ownership']>;
type KeyCases = NonNullable<CaseRuleSet['keyCases']>;

/** Where a tenant's case rules come from: its own plugin, or an ancestor whose rules reach its descendants. */
export interface RuleOrigin {
  pluginId: string;
  inherited: boolean;
}

/**
 * A tenant's effective case rules: each section from its own plugin, or — where its plugin states
 * none — from the nearest ancestor whose plugin applies to descendants (003: 各乡镇或部门要落实主要领导包案).
 */
export interface CaseRules {
  tenant: Tenant;
  own: CaseRuleSet;
  ownership: { rule: Ownership; origin: RuleOrigin } | null;
  /** Which cases are key cases by rule (重点案件): own or inherited, like ownership. */
  keyCases: { rule: KeyCases; origin: RuleOrigin } | null;
  /** A visit by at least this many people is a group petition: the plugin's figure (own or inherited) or the platform default of 5. */
  groupPetition: CaseLimit;
  /** How many calendar days one extension may add: the plugin's figure or the platform default of 30. */
  extensionCap: CaseLimit;
}

export async function caseRulesOf(em: EntityManager, tenant: Tenant): Promise<CaseRules> {
  const own = pluginOf(tenant).cases;
  let ownership: CaseRules['ownership'] = own.ownership
    ? { rule: own.ownership, origin: { pluginId: tenant.pluginId, inherited: false } }
    : null;
  let keyCases: CaseRules['keyCases'] = own.keyCases
    ? { rule: own.keyCases, origin: { pluginId: tenant.pluginId, inherited: false } }
    : null;
  let threshold = own.groupPetitionThreshold
    ? { value: own.groupPetitionThreshold.people, source: own.groupPetitionThreshold.source }
    : null;
  if (!ownership || !keyCases || threshold === null) {
    const ancestors: { plugin_id: string; cases: CaseRuleSet | null }[] = await em.query(
      `SELECT plugin_id, cases FROM app_inherited_rules($1)`,
      [tenant.id],
    );
    for (const a of ancestors) {
      if (!ownership && a.cases?.ownership)
        ownership = { rule: a.cases.ownership, origin: { pluginId: a.plugin_id, inherited: true } };
      if (!keyCases && a.cases?.keyCases)
        keyCases = { rule: a.cases.keyCases, origin: { pluginId: a.plugin_id, inherited: true } };
      if (threshold === null && a.cases?.groupPetitionThreshold)
        threshold = {
          value: a.cases.groupPetitionThreshold.people,
          source: `${a.cases.groupPetitionThreshold.source} (${a.plugin_id})`,
        };
    }
  }
  const cap = own.extensionCap ? { value: own.extensionCap.days, source: own.extensionCap.source } : null;
  return {
    tenant,
    own,
    ownership,
    keyCases,
    groupPetition: caseLimit(threshold, PLATFORM_DEFAULTS.groupPetitionPeople),
    extensionCap: caseLimit(cap, PLATFORM_DEFAULTS.extensionDays),
  };
}

/**
 * Whether a petition is a group petition (集体访): at least the plugin's number of people, or — by the
 * platform default, which follows 《信访工作条例》第十八条 on visits (走访) — a visit by 5 or more.
 */
export function isGroupPetition(
  rules: Pick<CaseRules, 'groupPetition'>,
  channel: string,
  peopleCount: number,
): boolean {
  if (rules.groupPetition.platformDefault && channel !== 'VISIT') return false;
  return peopleCount >= rules.groupPetition.value;
}

/**
 * The leader tier that must own a case of this source at this tenant's level, and the rule that says so;
 * for a township's case (a tenant under the county whose rules it inherits), also the county leader tier
 * that co-owns it (003 二: 县级领导包案 beside 各乡镇…落实主要/分管领导包案). `tier` is null where the rule
 * names only a county leader (中央、省、市交办督办: 落实县级领导包案).
 */
export function requiredOwnership(
  rules: CaseRules,
  source: CaseSource,
): { tier: LeaderTier | null; countyTier: LeaderTier | null; tierId: string; rule: string } | null {
  if (!rules.ownership) return null;
  const tier = rules.ownership.rule.tiers.find((t) => (t.sources as string[]).includes(source));
  if (!tier) return null;
  const county = rules.tenant.level === TenantLevel.COUNTY;
  const own = county ? (tier.countyLeader ?? tier.townshipLeader ?? null) : (tier.townshipLeader ?? null);
  const countyTier = !county && tier.countyLeader ? tier.countyLeader : null;
  if (!own && !countyTier) return null;
  const origin = rules.ownership.origin;
  return {
    tier: own as LeaderTier | null,
    countyTier: countyTier as LeaderTier | null,
    tierId: tier.id,
    rule: `${tier.source} (${tier.id}${origin.inherited ? `, ${origin.pluginId}` : ''})`,
  };
}

/** Whether a case received with this ownership is a key case by the plugin's rule, and the rule that says so. */
export function keyCaseByRule(rules: CaseRules, ownership: { tierId: string } | null): string | null {
  if (!rules.keyCases || !ownership || !rules.keyCases.rule.ownershipTiers.includes(ownership.tierId)) return null;
  const origin = rules.keyCases.origin;
  return `${rules.keyCases.rule.source} (keyCases: ${ownership.tierId}${origin.inherited ? `, ${origin.pluginId}` : ''})`;
}

/**
 * Whether the caller sees a case it can read by row-level security: the office, conveners and
 * superiors see every case of their tree; a member unit (or village secretary) only the cases it is
 * responsible for (the lead unit), participates in (参与单位, 004 预测排查制度 5), that lie in its
 * village/community, or that it holds first-inquiry responsibility for (首问负责: the first receiver
 * stays on the case until it is transferred).
 */
export function canSeeCase(
  ctx: RequestContext,
  c: Pick<PetitionCase, 'responsibleUnitId' | 'locationUnitId' | 'firstInquiryUserId'> & {
    participatingUnitIds?: string[];
  },
): boolean {
  const unit = unitScope(ctx);
  return (
    !unit ||
    c.responsibleUnitId === unit ||
    c.locationUnitId === unit ||
    c.firstInquiryUserId === ctx.caller.userId ||
    (c.participatingUnitIds ?? []).includes(unit)
  );
}

/**
 * The same narrowing as `canSeeCase`, as a WHERE fragment on a petition_case alias (null when the
 * caller sees every case RLS lets it read). Lists must use this, never filter after loading.
 */
export function caseVisibility(
  ctx: RequestContext,
  alias: string,
): { sql: string; params: Record<string, string> } | null {
  const unit = unitScope(ctx);
  if (!unit) return null;
  return {
    sql: `(${alias}.responsible_unit_id = :visibleUnit OR ${alias}.location_unit_id = :visibleUnit OR ${alias}.first_inquiry_user_id = :visibleUser OR :visibleUnit = ANY(${alias}.participating_unit_ids))`,
    params: { visibleUnit: unit, visibleUser: ctx.caller.userId },
  };
}

export { unitScope, pluginOf, tenantByCode, tenantById };
