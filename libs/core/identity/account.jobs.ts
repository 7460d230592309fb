/**
 * The jobs identity enqueues after an account's change commits (payloads carry the tenant id: jobs re-enter its
 * scope). Named here, by the context whose change they report; the notifications context, which sits above
 * identity, handles them (docs/architecture.md, "Import rules").
 */
export const WELCOME_JOB = 'notification.welcome';
export const ACCOUNT_CHANGE_REPORTED_JOB = 'notification.account-change-reported';

export interface WelcomeJob {
  tenantId: string;
  userId: string;
}

export interface AccountChangeReportedJob {
  tenantId: string;
  changeId: string;
}
