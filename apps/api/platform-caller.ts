import { createAbility, type RulesFor } from '@engine/access';
import { RequestContext, type Caller } from '@engine/context';
import { Role } from '@core/identity';

/** The user id of work the platform does itself (the CLI's commands, the demo seed): no account behind it. */
export const PLATFORM_WORK_USER_ID = '00000000-0000-4000-8000-000000000000';

/** A platform admin with no tenant: the CLI's commands and the demo seed act as one. */
export function platformCaller(username: string, userId = PLATFORM_WORK_USER_ID): Caller {
  return { userId, username, tenantId: null, roles: [Role.PLATFORM_ADMIN], memberUnitId: null };
}

/** The request context of `caller` with its ability from `rules` (every context's, ALL_RULES, in the apps). */
export function contextOf(caller: Caller, rules: readonly RulesFor[]): RequestContext {
  return RequestContext.forCaller(caller, createAbility(caller, rules));
}
