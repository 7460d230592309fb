import { z } from 'zod';

/** Roles a position or a rule can name. Kept identical to the API's `Role` enum. */
export const ROLES = [
  'PLATFORM_ADMIN',
  'SUPERIOR',
  'CHIEF_CONVENER',
  'CONVENER',
  'OFFICE_DIRECTOR',
  'MEMBER_UNIT',
  'VILLAGE_SECRETARY',
] as const;
export const roleSchema = z
  .enum(ROLES)
  .describe(
    'A platform role: PLATFORM_ADMIN, SUPERIOR (上级), CHIEF_CONVENER (总召集人), CONVENER (召集人), OFFICE_DIRECTOR (办公室主任), MEMBER_UNIT (成员单位), VILLAGE_SECRETARY (村/社区书记).',
  );
export type Role = z.infer<typeof roleSchema>;

/** Administrative levels a tenant (and so a plugin) can sit at. */
export const TENANT_LEVELS = ['COUNTY', 'TOWN', 'STREET'] as const;
export const levelSchema = z
  .enum(TENANT_LEVELS)
  .describe('Administrative level of the jurisdiction: COUNTY (县/区), TOWN (镇) or STREET (街道).');
export type TenantLevel = z.infer<typeof levelSchema>;

/** Kinds of member unit (成员单位). TOWNSHIP is a child tenant sitting in its parent's joint meeting. */
export const MEMBER_UNIT_KINDS = ['DEPARTMENT', 'VILLAGE', 'COMMUNITY', 'TOWNSHIP'] as const;
export const memberUnitKindSchema = z
  .enum(MEMBER_UNIT_KINDS)
  .describe('Kind of member unit: DEPARTMENT (部门), VILLAGE (村), COMMUNITY (社区) or TOWNSHIP (a child tenant).');
export type MemberUnitKind = z.infer<typeof memberUnitKindSchema>;

/** A stable machine key: lower-case words joined by dashes (`party-secretary`). */
export const keySchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'must be lower-case words joined by dashes')
  .describe('A stable machine key: lower-case words joined by dashes (`party-secretary`).');

/** An upper-case code (`WORKING`, `BEIJING_PETITION`). */
export const codeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/, 'must be UPPER_SNAKE_CASE')
  .describe('An upper-case code (`WORKING`, `BEIJING_PETITION`).');

/**
 * Where a rule comes from in its source document, e.g. `000 art. 13` or `002 §4`.
 * Every rule a plugin declares carries one, so a reviewer can check it against the text.
 */
export const citationSchema = z
  .string()
  .min(3)
  .max(200)
  .describe('Where the rule comes from in the source document, e.g. `000 art. 13` or `002 §4`.');

/** How a deadline is counted. Working days follow the official PRC holiday calendar (调休 included). */
export const DURATION_UNITS = ['WORKING_DAYS', 'CALENDAR_DAYS', 'WEEKS', 'MONTHS'] as const;

/** Periods that never count toward a deadline (e.g. 004: hearing time does not count in a review). */
export const EXCLUDED_PERIODS = ['HEARING', 'EXPERT_APPRAISAL', 'SUSPENSION'] as const;

/** A deadline: `{ amount: 15, unit: 'WORKING_DAYS' }`, optionally not counting some periods. */
export const durationSchema = z
  .strictObject({
    amount: z.number().int().positive().max(3650).describe('How many units (1‥3650).'),
    unit: z
      .enum(DURATION_UNITS)
      .describe('WORKING_DAYS (工作日, the official holiday calendar with 调休), CALENDAR_DAYS, WEEKS or MONTHS.'),
    excluding: z
      .array(z.enum(EXCLUDED_PERIODS))
      .optional()
      .describe('Periods that do not count toward the deadline (HEARING, EXPERT_APPRAISAL, SUSPENSION).'),
    // D4: how 《民法典》第二百零三条 counts periods (期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日).
    lastDayOff: z
      .enum(['KEEP', 'NEXT_WORKING_DAY'])
      .optional()
      .describe(
        'When a CALENDAR_DAYS, WEEKS or MONTHS period ends on a day off: KEEP (default) leaves the date, NEXT_WORKING_DAY moves it to the next working day (《民法典》第二百零三条).',
      ),
  })
  .describe('A deadline: an amount of units, e.g. `{ amount: 15, unit: WORKING_DAYS }`.');
export type Duration = z.infer<typeof durationSchema>;

const RRULE_PARTS =
  /^(FREQ|INTERVAL|COUNT|UNTIL|BYDAY|BYMONTHDAY|BYYEARDAY|BYWEEKNO|BYMONTH|BYSETPOS|WKST)=[A-Z0-9,+-]+$/;
/** Parts that would make a cadence fire within a day (every hour, minute or second): refused. */
const SUB_DAILY_PARTS = /^(BYHOUR|BYMINUTE|BYSECOND)=/;

/**
 * A cadence as an RFC 5545 recurrence rule without DTSTART (the engine anchors it on the tenant's
 * onboarding date), e.g. `FREQ=MONTHLY` or `FREQ=WEEKLY;BYDAY=MO`.
 */
export const rruleSchema = z
  .string()
  .max(300)
  .refine(
    (value) =>
      !value
        .replace(/^RRULE:/, '')
        .split(';')
        .some((p) => SUB_DAILY_PARTS.test(p)),
    {
      message: 'a cadence counts days: BYHOUR, BYMINUTE and BYSECOND are not allowed (at most one occurrence a day)',
    },
  )
  .refine(
    (value) => {
      const parts = value.replace(/^RRULE:/, '').split(';');
      return (
        parts.some((p) => /^FREQ=(YEARLY|MONTHLY|WEEKLY|DAILY)$/.test(p)) &&
        parts.every((p) => RRULE_PARTS.test(p) || SUB_DAILY_PARTS.test(p))
      );
    },
    { message: 'must be an RFC 5545 RRULE with FREQ (YEARLY, MONTHLY, WEEKLY or DAILY), e.g. FREQ=MONTHLY' },
  )
  .describe(
    'An RFC 5545 recurrence rule without DTSTART, at most daily: `FREQ=MONTHLY`, `FREQ=WEEKLY;BYDAY=MO`. Anchored on the onboarding date.',
  );

/** A cadence: an RRULE plus the citation that requires it. */
export const cadenceSchema = z
  .strictObject({
    rrule: rruleSchema,
    minimum: z
      .boolean()
      .default(true)
      .describe('"at least" cadences (至少每月一次) are minimums: holding more meetings is fine.'),
    source: citationSchema,
  })
  .describe('A cadence: an RRULE, whether it is a minimum, and the article that requires it.');
export type Cadence = z.infer<typeof cadenceSchema>;
