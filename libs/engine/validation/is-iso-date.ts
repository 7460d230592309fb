import { ValidateBy, type ValidationOptions } from 'class-validator';
import { parseIsoDate } from '@engine/calendar';

/** The dates the platform accepts (as DateTime, date-time.scalar.ts): no petition or deadline lies outside. */
export const MIN_DATE_YEAR = 1900;
export const MAX_DATE_YEAR = 2199;

/** A real calendar date written YYYY-MM-DD in years 1900–2199, or false (2026-02-30, 0000-01-01, 0). */
export function isPlatformDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const p = parseIsoDate(value);
  return p !== null && p.year >= MIN_DATE_YEAR && p.year <= MAX_DATE_YEAR;
}

/** A calendar date written YYYY-MM-DD (and real: no 2026-02-30; years 1900–2199). */
export function IsIsoDate(options: ValidationOptions = {}): PropertyDecorator {
  const message = options.each
    ? '$property must be dates YYYY-MM-DD (real calendar dates, years 1900–2199)'
    : '$property must be a date YYYY-MM-DD (a real calendar date, years 1900–2199)';
  return ValidateBy(
    { name: 'isIsoDate', validator: { validate: (v) => isPlatformDate(v), defaultMessage: () => message } },
    { message, ...options },
  );
}
