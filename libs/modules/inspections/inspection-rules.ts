import type { EffectivePlugin } from '@jm/plugin-sdk';
import { Role } from '@core/identity';
import { INSPECTION_ERRORS } from './inspections.errors';
import { holdersOf } from '@engine/access';
import { pluginOf } from '@core/tenancy';
import type { Tenant } from '@core/tenancy/entities';
import type { RequestContext } from '@engine/context';
import type { Inspection, InspectionStatus } from './inspection.entity';

export type InspectionRule = NonNullable<EffectivePlugin['supervision']['inspections']>;
export type RandomInspectionRule = NonNullable<InspectionRule['random']>;

/** The tenant's inspection rule (督查), from its own plugin snapshot; BAD_USER_INPUT when it has none. */
export function inspectionRule(tenant: Tenant, field: string): InspectionRule {
  const rule = pluginOf(tenant).supervision?.inspections;
  if (!rule)
    throw INSPECTION_ERRORS.badInput(field, 'NO_INSPECTION_PROCEDURE', {
      plugin: tenant.pluginId,
      tenant: tenant.name,
    });
  return rule;
}

/** Random inspections the plugin asks for (002 §四(四)), or null. */
export function randomRule(tenant: Tenant): RandomInspectionRule | null {
  return pluginOf(tenant).supervision?.inspections?.random ?? null;
}

const has = (roles: readonly Role[], wanted: readonly Role[]): boolean => wanted.some((r) => roles.includes(r));

/** May propose: a role the plugin lists in `proposedBy` (a chief convener may do what a convener may). */
export function mayPropose(roles: readonly Role[], rule: InspectionRule): boolean {
  return rule.proposedBy.some((r) => has(roles, holdersOf(r as Role)));
}

/** May approve or reject: the plugin's `approvedBy` (a chief convener may act for a convener). */
export function mayApprove(roles: readonly Role[], rule: InspectionRule): boolean {
  return has(roles, holdersOf(rule.approvedBy as Role));
}

/**
 * May carry the inspection out (record findings, complete and report it): the office, which organises
 * inspections in every source (000 art. 13, 001 art. 13, 002 §四(四)), and the approver, who in 004
 * inspects on the leading group's own authority.
 */
export function mayConduct(roles: readonly Role[], rule: InspectionRule): boolean {
  return roles.includes(Role.OFFICE_DIRECTOR) || mayApprove(roles, rule);
}

/** The roles a report goes to: the conveners (召集人) of a joint meeting, chief convener included. */
export const CONVENER_ROLES: Role[] = holdersOf(Role.CONVENER);

/**
 * Refuses a caller who may not carry out and report an inspection (the plugin's conductors). 001 art. 13:
 * a joint inspection a member unit organises is carried out and reported by that unit.
 */
export function refuseNonConductor(ctx: RequestContext, rule: InspectionRule, inspection?: Inspection): void {
  if (
    inspection?.organiserUnitId &&
    ctx.caller.roles.includes(Role.MEMBER_UNIT) &&
    ctx.caller.memberUnitId === inspection.organiserUnitId
  )
    return;
  if (!mayConduct(ctx.caller.roles, rule))
    throw INSPECTION_ERRORS.forbidden('NOT_CONDUCTOR', { source: rule.source, approver: rule.approvedBy });
}

/** Refuses a step on an inspection that is not in one of the statuses the step starts from. */
export function expectStatus(inspection: Inspection, allowed: InspectionStatus[]): void {
  if (!allowed.includes(inspection.status))
    throw INSPECTION_ERRORS.conflict(
      'INSPECTION_WRONG_STATUS',
      { status: inspection.status, allowed },
      'input.inspectionId',
    );
}
