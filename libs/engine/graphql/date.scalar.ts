import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { MAX_YEAR, MIN_YEAR } from './date-time.scalar';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MESSAGE = `must be a calendar day such as 2026-03-01 (YYYY-MM-DD, Asia/Shanghai, a real date in years ${MIN_YEAR}–${MAX_YEAR})`;

/** The day as `YYYY-MM-DD` when it is a real calendar date in range, else null. */
export function parseCalendarDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = DAY.exec(value);
  if (!m) return null;
  const [year, month, day] = [1, 2, 3].map((i) => Number(m[i]));
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return null;
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return value;
}

function parse(value: unknown): string {
  const day = parseCalendarDay(value);
  if (!day) throw new TypeError(`Date ${MESSAGE}`);
  return day;
}

/**
 * `Date`: a calendar day (docs/api-conventions.md, "Dates and closed sets"), `YYYY-MM-DD` in Asia/Shanghai,
 * carried as that string (the database's `date` columns read as strings too). New day fields use it;
 * the older String days are listed in test/integration/api-conventions.string-dates.json.
 */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar day, YYYY-MM-DD (Asia/Shanghai), such as 2026-03-01; a real date in years 1900–2199.',
  serialize: (value) =>
    typeof value === 'string' ? value : value instanceof Date ? value.toISOString().slice(0, 10) : null,
  parseValue: parse,
  parseLiteral: (ast: ValueNode) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});
