/**
 * The jobs the joint meeting enqueues after a filed change commits (payloads carry the tenant id: jobs re-enter
 * its scope). Named here, by the context whose filing they report; the notifications context, which sits above
 * the joint meeting, handles them (docs/architecture.md, "Import rules").
 */
export const MEMBERSHIP_REPORTED_JOB = 'notification.membership-reported';
export const MEMBER_PERSON_REPORTED_JOB = 'notification.member-person-reported';

export interface MembershipReportedJob {
  tenantId: string;
  changeId: string;
}

export interface MemberPersonReportedJob {
  tenantId: string;
  changeId: string;
}
