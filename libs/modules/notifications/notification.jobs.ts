/** Job names of the notifications context (payloads carry the tenant id: jobs re-enter its scope). */
export const WELCOME_JOB = 'notification.welcome';
export const MEMBERSHIP_REPORTED_JOB = 'notification.membership-reported';

export interface WelcomeJob {
  tenantId: string;
  userId: string;
}

export interface MembershipReportedJob {
  tenantId: string;
  changeId: string;
}
