/** Job names of the notifications context (payloads carry the tenant id: jobs re-enter its scope). */
export const WELCOME_JOB = 'notification.welcome';
export const MEMBERSHIP_REPORTED_JOB = 'notification.membership-reported';
export const ACCOUNT_CHANGE_REPORTED_JOB = 'notification.account-change-reported';

export interface WelcomeJob {
  tenantId: string;
  userId: string;
}

export interface MembershipReportedJob {
  tenantId: string;
  changeId: string;
}

export interface AccountChangeReportedJob {
  tenantId: string;
  changeId: string;
}

export const MEMBER_PERSON_REPORTED_JOB = 'notification.member-person-reported';

export interface MemberPersonReportedJob {
  tenantId: string;
  changeId: string;
}

/** A filed rules change (upgrade, rollback, decision) of a tenant, reported to the roles its rules name. */
export const RULES_CHANGE_REPORTED_JOB = 'notification.rules-change-reported';

export interface RulesChangeReportedJob {
  tenantId: string;
  changeId: string;
}
