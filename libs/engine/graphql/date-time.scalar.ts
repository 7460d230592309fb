import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/** The instants the platform accepts: no petition, meeting or deadline lies outside them. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/i;
const MESSAGE = `must be a date-time such as 2026-03-01T09:00:00+08:00 (a real calendar date, years ${MIN_YEAR}–${MAX_YEAR}, with its offset)`;

/** Days in a month (years 1900–2199 only: Date.UTC maps 0–99 to 19xx). */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The instant of an RFC 3339 date-time, or null when it is not one or not a real date in range. */
export function parseDateTime(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > daysIn(year, month))
    return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (m[8] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

function parse(value: unknown): Date {
  const at = parseDateTime(value);
  // A plain error: graphql-js then prefixes the variable and its path (`at "i.scheduledAt"`), which
  // the error boundary turns into `extensions.field`.
  if (!at) throw new TypeError(`DateTime ${MESSAGE}`);
  return at;
}

/**
 * `DateTime`, strict: the framework's scalar is `new Date(value)`, which took 2026-02-30 for
 * 2 March, the number 0 for 1970 and years −1 or 275760 as they came. This one accepts only a real
 * calendar date-time with its offset, in years 1900–2199; anything else is bad input naming the field.
 */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description:
    'A date-time with its offset (RFC 3339), such as 2026-03-01T09:00:00+08:00; a real calendar date in years 1900–2199.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : null),
  parseValue: parse,
  parseLiteral: (ast: ValueNode) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});
