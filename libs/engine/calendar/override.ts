import { InvalidCalendarDataError, type CalendarDataProblem } from './errors';
import { isIsoDate } from './iso-date';

/**
 * A tenant's local deviation from the national arrangement, applied on top of it: a local holiday
 * (e.g. a minority-autonomous-area festival) or a day the office works. An override settles that
 * day even in a year whose national arrangement is not loaded: the tenant has said what it is.
 */
export interface CalendarOverride {
  date: string;
  kind: 'WORKDAY' | 'HOLIDAY';
  /** Why, for the audit trail and for people reading a deadline (e.g. "三月三 local holiday"). */
  reason: string;
}

export function overridesProblems(inputs: readonly unknown[], path = 'overrides'): CalendarDataProblem[] {
  const problems: CalendarDataProblem[] = [];
  const seen = new Set<string>();
  inputs.forEach((input, i) => {
    const at = `${path}[${i}]`;
    if (typeof input !== 'object' || input === null)
      return problems.push({ path: at, message: 'must be an object { date, kind, reason }' });
    const o = input as Record<string, unknown>;
    if (!isIsoDate(o.date))
      return problems.push({
        path: `${at}.date`,
        message: `${JSON.stringify(o.date)} is not a real calendar date as YYYY-MM-DD`,
      });
    const date = o.date;
    if (o.kind !== 'WORKDAY' && o.kind !== 'HOLIDAY')
      problems.push({
        path: `${at}.kind`,
        date,
        message: `${date}: kind must be WORKDAY or HOLIDAY, got ${JSON.stringify(o.kind)}`,
      });
    if (typeof o.reason !== 'string' || o.reason.trim() === '')
      problems.push({ path: `${at}.reason`, date, message: `${date}: say why this day deviates (reason)` });
    if (seen.has(date)) problems.push({ path: `${at}.date`, date, message: `${date} is overridden twice` });
    seen.add(date);
  });
  return problems;
}

/** Validates operator-supplied overrides, or throws listing every problem. */
export function parseOverrides(inputs: readonly unknown[]): CalendarOverride[] {
  const problems = overridesProblems(inputs);
  if (problems.length > 0) throw new InvalidCalendarDataError(problems);
  return (inputs as CalendarOverride[]).map(({ date, kind, reason }) => ({ date, kind, reason }));
}
