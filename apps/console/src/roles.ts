import type { Me } from './auth';
import type { Role } from './gql/graphql';

const OFFICE = ['OFFICE_DIRECTOR', 'OFFICE_STAFF'];
const CONVENERS = ['CONVENER', 'CHIEF_CONVENER'];
const MEMBERS = ['MEMBER_UNIT', 'VILLAGE_SECRETARY'];

const has = (me: Me, roles: string[]) => me.roles.some((r) => roles.includes(r));

export const isOffice = (me: Me) => has(me, OFFICE);
export const isConvener = (me: Me) => has(me, CONVENERS);
export const isMember = (me: Me) => has(me, MEMBERS);
/** Superiors, and any tenant with tenants below it (a county watching its towns). */
export const seesDashboard = (me: Me) =>
  me.roles.includes('SUPERIOR') || (Boolean(me.tenant?.children.length) && (isOffice(me) || isConvener(me)));
export const seesWorkbench = (me: Me) => isOffice(me) || isConvener(me);
export const canOnboard = (me: Me) =>
  me.roles.includes('PLATFORM_ADMIN') ||
  (me.roles.includes('OFFICE_DIRECTOR') && me.tenant?.level !== 'TOWN' && me.tenant?.level !== 'STREET');

/** Where a user lands after signing in. */
export function homeOf(me: Me): string {
  if (me.roles.includes('SUPERIOR')) return '/dashboard';
  if (seesWorkbench(me)) return '/workbench';
  if (isMember(me)) return '/inbox';
  return '/tenants';
}

/**
 * What each role may grant in its own tenant: the API's grant matrix (docs/accounts.md,
 * libs/core/identity/grant-matrix.ts), so the console offers only what the API would accept. The API
 * decides: anything else it refuses (GRANT_EXCEEDS_OWN_ACCESS), and the console shows its reason.
 */
const GRANTS: Record<string, Role[]> = {
  CHIEF_CONVENER: ['CHIEF_CONVENER', 'CONVENER'],
  CONVENER: ['CONVENER'],
  OFFICE_DIRECTOR: ['OFFICE_DIRECTOR', 'SUPERIOR', 'MEMBER_UNIT', 'VILLAGE_SECRETARY'],
};

/** The roles the signed-in user may grant to accounts of their own tenant. */
export function grantableRoles(me: Me): Role[] {
  const out = new Set<Role>();
  for (const r of me.roles) for (const g of GRANTS[r] ?? []) out.add(g);
  return [...out];
}

/** Whether the user administers some accounts of their tenant (the users screen's actions). */
export const administersAccounts = (me: Me) => grantableRoles(me).length > 0;

/** Whether an account holding `roles` is the caller's to change (its current roles count, too). */
export const mayAdminister = (me: Me, roles: readonly string[]) => {
  const grantable = grantableRoles(me) as string[];
  return roles.every((r) => grantable.includes(r));
};
