import { isIsoDate } from '@engine/calendar';
import { AppError } from '@engine/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Query arguments are checked here (inputs go through class-validator): BAD_USER_INPUT naming the argument. */
export function idArg(value: string, field: string): string {
  if (!UUID.test(value)) throw AppError.badInput(field, 'must be an id');
  return value;
}

export function optionalIdArg(value: string | undefined | null, field: string): string | undefined {
  return value === undefined || value === null ? undefined : idArg(value, field);
}

export function dateArg(value: string, field: string): string {
  if (!isIsoDate(value)) throw AppError.badInput(field, 'must be a date YYYY-MM-DD');
  return value;
}

export function codeArg(value: string | undefined | null, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (!/^[A-Z][A-Z_]{0,39}$/.test(value)) throw AppError.badInput(field, 'must be an upper-case status such as ACTIVE');
  return value;
}

export const clamp = (n: number, max = 200): number => Math.min(Math.max(Math.trunc(n) || 1, 1), max);
