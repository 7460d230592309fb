import { isIsoDate } from '@engine/calendar';
import { PLATFORM_ERRORS } from '@engine/errors';
import { SUPERVISION_ERRORS } from './supervision.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Query arguments are checked here (inputs go through class-validator): BAD_USER_INPUT naming the argument. */
export function idArg(value: string, field: string): string {
  if (!UUID.test(value)) throw PLATFORM_ERRORS.badInput(field, 'NOT_AN_ID');
  return value;
}

export function optionalIdArg(value: string | undefined | null, field: string): string | undefined {
  return value === undefined || value === null ? undefined : idArg(value, field);
}

export function dateArg(value: string, field: string): string {
  if (!isIsoDate(value)) throw PLATFORM_ERRORS.badInput(field, 'NOT_A_DATE');
  return value;
}

export function codeArg(value: string | undefined | null, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (!/^[A-Z][A-Z_]{0,39}$/.test(value)) throw SUPERVISION_ERRORS.badInput(field, 'NOT_AN_UPPER_CASE_STATUS');
  return value;
}

export const clamp = (n: number, max = 200): number => Math.min(Math.max(Math.trunc(n) || 1, 1), max);
