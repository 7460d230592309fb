import type { EffectivePlugin } from '@jm/plugin-sdk';
import { Role, type RequestContext } from '@engine/context';
import { AppError } from '@engine/errors';
import { Tenant } from '@modules/tenancy/tenant.entity';
import { pluginOf, tenantById, tenantByCode } from '@modules/tenancy/tenant-lookup';

type Operations = EffectivePlugin['operations'];
export type SensitiveInformationRule = NonNullable<Operations['sensitiveInformation']>;
export type IssueListRule = NonNullable<Operations['issueLists']>;

export { pluginOf, tenantByCode, tenantById };

/** 000 art. 11 / 001 art. 11 as the tenant's plugin states it; BAD_USER_INPUT when it states none. */
export function sensitiveRule(tenant: Tenant, field: string): SensitiveInformationRule {
  const rule = pluginOf(tenant).operations?.sensitiveInformation;
  if (!rule) throw AppError.badInput(field, `the plugin ${tenant.pluginId} of ${tenant.name} has no rule for sensitive information (operations.sensitiveInformation)`);
  return rule;
}

/** 000 art. 12 as the tenant's plugin states it; BAD_USER_INPUT when it states none. */
export function issueListRule(tenant: Tenant, field: string): IssueListRule {
  const rule = pluginOf(tenant).operations?.issueLists;
  if (!rule) throw AppError.badInput(field, `the plugin ${tenant.pluginId} of ${tenant.name} has no rule for issue lists (operations.issueLists)`);
  return rule;
}

/** The roles that hold a required role: a chief convener may do what a convener may. */
export function holdersOf(required: Role): Role[] {
  return required === Role.CONVENER ? [Role.CONVENER, Role.CHIEF_CONVENER] : [required];
}

export function satisfies(roles: readonly Role[], required: Role): boolean {
  return holdersOf(required).some((r) => roles.includes(r));
}

const UNIT_ROLES: readonly Role[] = [Role.MEMBER_UNIT, Role.VILLAGE_SECRETARY];
const NO_UNIT = '00000000-0000-0000-0000-000000000000';

/**
 * The unit a caller acts for when it holds only member-unit roles (it then sees only what concerns
 * that unit); null for the office, conveners and superiors, who see the whole tenant. A unit user
 * without a unit sees nothing.
 */
export function unitScope(ctx: RequestContext): string | null {
  const { roles, memberUnitId } = ctx.caller;
  if (roles.some((r) => !UNIT_ROLES.includes(r))) return null;
  return memberUnitId ?? NO_UNIT;
}

