import type { DueDate } from '@engine/calendar';
import type { RequestContext } from '@engine/context';
import type { CalendarService } from '@core/calendar';
import type { CaseRules } from '../case-rules';

/**
 * A step's due date from the plugin's step limits (`cases.stepLimits`), counted from `from` on the
 * tenant's working-day calendar; null when the plugin sets no limit for the step.
 */
export async function stepDue(
  calendars: CalendarService,
  ctx: RequestContext,
  rules: CaseRules,
  step: string,
  from: string,
): Promise<(DueDate & { rule: string }) | null> {
  const limit = rules.own.stepLimits.find((l) => l.step === step);
  if (!limit) return null;
  const due = await calendars.due(ctx, rules.tenant.id, from, limit.within);
  return { ...due, rule: `${step} ${limit.within.amount} ${limit.within.unit} — ${limit.source}` };
}
