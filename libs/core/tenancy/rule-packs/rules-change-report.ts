import type { EffectivePlugin } from '@jm/plugin-sdk';
import { Role } from '@core/identity/entities';

/**
 * Whether a change of these rules waits for a superior, and whom it is reported to: the rules' own
 * `rulesChanges` section, else the platform defaults (no approval; reported to the conveners), shown as
 * defaults (`source` null), never cited as an article.
 */
export function rulesChangeReportTo(rules: EffectivePlugin): {
  approval: 'NONE' | 'SUPERIOR';
  roles: Role[];
  source: string | null;
} {
  const own = rules.rulesChanges;
  if (own) return { approval: own.approval, roles: own.reportTo as Role[], source: own.source };
  return { approval: 'NONE', roles: [Role.CHIEF_CONVENER, Role.CONVENER], source: null };
}

/** The job that reports a filed rules change (upgrade, rollback, decision) to the roles its rules name, after
 * commit; named by tenancy, handled by the notifications context (which sits above it). */
export const RULES_CHANGE_REPORTED_JOB = 'notification.rules-change-reported';

export interface RulesChangeReportedJob {
  tenantId: string;
  changeId: string;
}
