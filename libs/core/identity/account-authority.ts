import type { EntityManager } from 'typeorm';
import type { RequestContext } from '@engine/context';
import { Role } from './roles';
import { IDENTITY_ERRORS } from './identity.errors';
import type { Tenant } from '@core/tenancy/entities';
import { accountsRepository as accounts } from './accounts.repository';
import { firstAccountGroup, ungrantable, type GrantRelation } from './grant-matrix';

/** How the caller stands to a tenant's accounts: in it, in its parent, the platform, or neither. */
export function relationTo(
  ctx: RequestContext,
  tenant: Pick<Tenant, 'id' | 'parentId'>,
): GrantRelation | 'platform' | null {
  const caller = ctx.caller;
  if (caller.roles.includes(Role.PLATFORM_ADMIN)) return 'platform';
  if (caller.tenantId === tenant.id) return 'same';
  if (caller.tenantId && caller.tenantId === tenant.parentId) return 'child';
  return null;
}

/**
 * Refuses unless the caller may grant every one of `roles` in `tenant` (the grant matrix). With
 * `creating`, a tenant's first office director or first convener may also come from the platform admin
 * or from the parent's office director (onboarding), one role per account.
 */
export async function assertMayGrant(
  em: EntityManager,
  ctx: RequestContext,
  tenant: Pick<Tenant, 'id' | 'parentId'>,
  roles: readonly Role[],
  options: { creating: boolean },
): Promise<void> {
  const relation = relationTo(ctx, tenant);
  if (options.creating) {
    const group = firstAccountGroup(roles);
    const onboarder =
      relation === 'platform' || (relation === 'child' && ctx.caller.roles.includes(Role.OFFICE_DIRECTOR));
    if (group && onboarder && !(await accounts.everHad(em, tenant.id, group))) return;
  }
  if (relation === null) throw IDENTITY_ERRORS.forbidden('NOT_ACCOUNT_ADMINISTRATOR');
  const refused = relation === 'platform' ? [...roles] : ungrantable(ctx.caller.roles, relation, roles);
  if (refused.length) {
    throw IDENTITY_ERRORS.forbidden('GRANT_EXCEEDS_OWN_ACCESS', { roles: refused }, 'input.roles');
  }
}

/** Nobody administers their own account (changePassword and logoutEverywhere are for that). */
export function assertNotSelf(ctx: RequestContext, userId: string): void {
  if (ctx.caller.userId === userId) throw IDENTITY_ERRORS.forbidden('CANNOT_ADMINISTER_SELF');
}
