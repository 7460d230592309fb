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
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Administrative levels a tenant (and so a plugin) can sit at. */
export const TENANT_LEVELS = ['COUNTY', 'TOWN', 'STREET'] as const;
export const levelSchema = z.enum(TENANT_LEVELS);
export type TenantLevel = z.infer<typeof levelSchema>;

/** Kinds of member unit (成员单位). TOWNSHIP is a child tenant sitting in its parent's joint meeting. */
export const MEMBER_UNIT_KINDS = ['DEPARTMENT', 'VILLAGE', 'COMMUNITY', 'TOWNSHIP'] as const;
export const memberUnitKindSchema = z.enum(MEMBER_UNIT_KINDS);
export type MemberUnitKind = z.infer<typeof memberUnitKindSchema>;

/** A stable machine key: lower-case words joined by dashes (`party-secretary`). */
export const keySchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'must be lower-case words joined by dashes');

/** An upper-case code (`WORKING`, `BEIJING_PETITION`). */
export const codeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/, 'must be UPPER_SNAKE_CASE');

/**
 * Where a rule comes from in its source document, e.g. `000 art. 13` or `002 §4`.
 * Every rule a plugin declares carries one, so a reviewer can check it against the text.
 */
export const citationSchema = z.string().min(3).max(200);

/** How a deadline is counted. Working days follow the official PRC holiday calendar (调休 included). */
export const DURATION_UNITS = ['WORKING_DAYS', 'CALENDAR_DAYS', 'WEEKS', 'MONTHS'] as const;

/** Periods that never count toward a deadline (e.g. 004: hearing time does not count in a review). */
export const EXCLUDED_PERIODS = ['HEARING', 'EXPERT_APPRAISAL', 'SUSPENSION'] as const;

/** A deadline: `{ amount: 15, unit: 'WORKING_DAYS' }`, optionally not counting some periods. */
export const durationSchema = z.strictObject({
  amount: z.number().int().positive().max(3650),
  unit: z.enum(DURATION_UNITS),
  excluding: z.array(z.enum(EXCLUDED_PERIODS)).optional(),
});
export type Duration = z.infer<typeof durationSchema>;

const RRULE_PARTS = /^(FREQ|INTERVAL|COUNT|UNTIL|BYSECOND|BYMINUTE|BYHOUR|BYDAY|BYMONTHDAY|BYYEARDAY|BYWEEKNO|BYMONTH|BYSETPOS|WKST)=[A-Z0-9,+-]+$/;

/**
 * A cadence as an RFC 5545 recurrence rule without DTSTART (the engine anchors it on the tenant's
 * onboarding date), e.g. `FREQ=MONTHLY` or `FREQ=WEEKLY;BYDAY=MO`.
 */
export const rruleSchema = z
  .string()
  .max(300)
  .refine(
    (value) => {
      const parts = value.replace(/^RRULE:/, '').split(';');
      return parts.some((p) => /^FREQ=(YEARLY|MONTHLY|WEEKLY|DAILY)$/.test(p)) && parts.every((p) => RRULE_PARTS.test(p));
    },
    { message: 'must be an RFC 5545 RRULE with FREQ (YEARLY, MONTHLY, WEEKLY or DAILY), e.g. FREQ=MONTHLY' },
  );

/** A cadence: an RRULE plus the citation that requires it. */
export const cadenceSchema = z.strictObject({
  rrule: rruleSchema,
  /** "at least" cadences (至少每月一次) are minimums: holding more meetings is fine. */
  minimum: z.boolean().default(true),
  source: citationSchema,
});
export type Cadence = z.infer<typeof cadenceSchema>;
