import { holdersOf, type RulesFor } from '@engine/access';
import { Role, UNIT_ROLES } from '@core/identity';

/**
 * The office runs meetings, drafts and issues minutes, accepts reports and declares key periods;
 * conveners or the office director approve minutes (who, the plugin says per meeting type); member units
 * acknowledge receipt and report on their own items. Everyone in the tenant tree reads (member
 * units only what is addressed to them: the services narrow the query).
 */
export const meetingsRules: RulesFor = (caller, can) => {
  const has = (...roles: Role[]): boolean => roles.some((r) => caller.roles.includes(r));
  if (!caller.tenantId) return;
  can('read', ['Meeting', 'Minutes', 'AgreedItem', 'KeyPeriod', 'Finding']);
  if (has(Role.OFFICE_DIRECTOR)) {
    can(['create', 'update'], ['Meeting', 'Minutes', 'KeyPeriod'], { tenantId: caller.tenantId });
    can('approve', 'AgreedItem', { tenantId: caller.tenantId });
    // Minutes the plugin has the office director approve (000 liaison and topical, 001 dispatch meetings);
    // the service checks the plugin's `approvedBy` and `approverScope` (a parent's director signs 000 art. 15).
    can('approve', 'Minutes');
  }
  // Ad-hoc meetings may be called by the roles each meeting type names (002: chief convener or convener).
  if (has(...holdersOf(Role.CONVENER))) {
    can('create', 'Meeting', { tenantId: caller.tenantId, adHoc: true });
    can('approve', 'Minutes', { tenantId: caller.tenantId });
  }
  if (has(...UNIT_ROLES) && caller.memberUnitId) {
    can('acknowledge', 'Minutes', { tenantId: caller.tenantId });
    can('report', 'AgreedItem', { tenantId: caller.tenantId });
  }
};

declare module '@engine/access/ability' {
  /** The subjects of access this context owns. */
  interface Subjects {
    Meeting: true;
    Minutes: true;
    AgreedItem: true;
    KeyPeriod: true;
  }
}
