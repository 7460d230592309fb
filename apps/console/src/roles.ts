import type { Me } from './auth';

const OFFICE = ['OFFICE_DIRECTOR', 'OFFICE_STAFF'];
const CONVENERS = ['CONVENER', 'CHIEF_CONVENER'];
const MEMBERS = ['MEMBER_UNIT', 'VILLAGE_SECRETARY'];

const has = (me: Me, roles: string[]) => me.roles.some((r) => roles.includes(r));

export const isOffice = (me: Me) => has(me, OFFICE);
export const isConvener = (me: Me) => has(me, CONVENERS);
export const isMember = (me: Me) => has(me, MEMBERS);
/** Superiors, and any tenant with tenants below it (a county watching its towns). */
export const seesDashboard = (me: Me) => me.roles.includes('SUPERIOR') || (Boolean(me.tenant?.children.length) && (isOffice(me) || isConvener(me)));
export const seesWorkbench = (me: Me) => isOffice(me) || isConvener(me);
export const canOnboard = (me: Me) => me.roles.includes('PLATFORM_ADMIN') || (me.roles.includes('OFFICE_DIRECTOR') && me.tenant?.level !== 'TOWN' && me.tenant?.level !== 'STREET');

/** Where a user lands after signing in. */
export function homeOf(me: Me): string {
  if (me.roles.includes('SUPERIOR')) return '/dashboard';
  if (seesWorkbench(me)) return '/workbench';
  if (isMember(me)) return '/inbox';
  return '/tenants';
}
