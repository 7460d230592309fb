import { z } from 'zod';
import { citationSchema, codeSchema, durationSchema, keySchema, memberUnitKindSchema, roleSchema } from './primitives';

// The supervision section's metrics, notices and escalation ladder (the rest: supervision.ts).
/** Metrics the engine computes per supervised unit and period; scoring rules weigh them. */
export const METRICS = [
  'CASES_RECEIVED',
  'CASES_OVERDUE',
  'RESOLVED_IN_TIME',
  'REPEAT_PETITIONS',
  'SKIP_LEVEL_PETITIONS',
  'BEIJING_PETITIONS',
  'MISSING_WEEKLY_REPORTS',
  'AGREED_ITEMS_OVERDUE',
  'MISSED_CADENCE',
  'REVIEWS_OVERTURNED',
] as const;
export const metricSchema = z.enum(METRICS);

/**
 * A deadline the engine applies, with the article that states its figure. Without `source` the figure is
 * the plugin's (or platform's) default, not the source's: the API and every notification then say
 * "平台默认" instead of citing an article that does not state it (D5).
 */
export const statedDurationSchema = durationSchema
  .extend({
    source: citationSchema
      .optional()
      .describe('The article that states this figure; absent: a platform default, shown as such.'),
  })
  .describe('A deadline with the article that states its figure.');
export type StatedDuration = z.infer<typeof statedDurationSchema>;

/** Notice periods (通报). */
export const NOTICE_PERIODS = ['MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'ANNUAL'] as const;

/** Who is supervised and ranked: member units of given kinds, or child tenants (as TOWNSHIP). */
export const supervisedSchema = z.array(memberUnitKindSchema).min(1);

/** Notices and ranking (通报排名). */
export const noticesSchema = z
  .strictObject({
    regularPeriods: z
      .array(z.enum(NOTICE_PERIODS))
      .min(1)
      .describe('Periods of the regular notices (定期通报): MONTHLY, QUARTERLY, HALF_YEARLY, ANNUAL.'),
    special: z.boolean().describe('Whether special notices (专项通报) are issued as needed.'),
    namedCriticism: z.boolean().default(false).describe('Whether notices may criticise by name (点名通报批评).'),
    ranked: supervisedSchema.describe('Kinds of member unit ranked in notices (TOWNSHIP: the child tenants).'),
    scoring: z
      .record(metricSchema, z.number())
      .refine((w) => Object.keys(w).length > 0, 'needs at least one weighted metric')
      .describe('Score = Σ weight × metric; a lower score ranks lower (toward the bottom).'),
    lists: z
      .array(
        z.strictObject({
          code: keySchema,
          name: z.string().min(1).max(50).describe('The list as the source names it.'),
          kinds: z.array(memberUnitKindSchema).min(1).describe('Kinds of member unit ranked on this list.'),
        }),
      )
      .min(1)
      .optional()
      .describe(
        'The ranking lists (003 §三 ranks 乡镇 and 部门): each ranks the units of its kinds on their own, with its own places and bottom band. Without it every kind in `ranked` is a list of its own.',
      ),
    minimumToRank: z
      .strictObject({
        unitsWithFacts: z
          .number()
          .int()
          .positive()
          .describe('Least number of units with any fact on record for a list to be ranked.'),
        source: citationSchema.optional(),
      })
      .optional()
      .describe(
        'Too little data to rank: a list with fewer units with any fact on record in the period is published ranked but without a bottom band. Without it the platform default (1) applies, shown as a default.',
      ),
    recordedWith: z
      .array(z.string().min(1).max(50))
      .default([])
      .describe('Departments notices are recorded with (纪检监察、组织人事…).'),
    reportedTo: z
      .array(roleSchema)
      .optional()
      .describe('Roles every notice is reported to (003 §三: 报信访工作联席会议各召集人).'),
    source: citationSchema,
  })
  .superRefine((n, ctx) => {
    if (!n.lists) return;
    const seen = new Map<string, number>();
    n.lists.forEach((list, i) =>
      list.kinds.forEach((kind, j) => {
        if (!n.ranked.includes(kind))
          ctx.addIssue({ code: 'custom', path: ['lists', i, 'kinds', j], message: `${kind} is not in ranked` });
        else if (seen.has(kind))
          ctx.addIssue({
            code: 'custom',
            path: ['lists', i, 'kinds', j],
            message: `${kind} is already ranked in list ${seen.get(kind)}`,
          });
        else seen.set(kind, i);
      }),
    );
    n.ranked.forEach((kind, i) => {
      if (!seen.has(kind))
        ctx.addIssue({ code: 'custom', path: ['ranked', i], message: `${kind} is in no ranking list` });
    });
  });

/** What fires an escalation step. */
export const triggerConditionSchema = z.discriminatedUnion('kind', [
  /** In the bottom `bottom` of `consecutive` consecutive regular notices (连续两次排名后三位). */
  z.strictObject({
    kind: z
      .literal('BOTTOM_IN_CONSECUTIVE_REGULAR_NOTICES')
      .describe('Ranked in the bottom band of consecutive regular notices.'),
    bottom: z.number().int().positive().describe('Size of the bottom band (后三位: 3).'),
    consecutive: z.number().int().positive().describe('How many consecutive notices.'),
  }),
  /** Named in `consecutive` consecutive special notices (连续两次被专项通报). */
  z.strictObject({
    kind: z.literal('CONSECUTIVE_SPECIAL_NOTICES').describe('Named in consecutive special notices.'),
    consecutive: z.number().int().positive().describe('How many in a row.'),
  }),
  /**
   * Reminded `consecutive` times in a row (连续2次被提醒告知). `about: KEY_CASE` (003 §五: 连续2次被提醒告知的
   * 重点案件): the reminders about one key case, and the step concerns that case — reminders about other
   * matters, or about a case that is not a key case, do not add up; `about: CASE` the same for any case.
   * `about: UNIT` (the default): any reminders of the unit. `withinDays`: each reminder of the run
   * follows the previous one within so many calendar days.
   */
  z.strictObject({
    kind: z.literal('CONSECUTIVE_REMINDERS').describe('Reminded several times in a row.'),
    consecutive: z.number().int().positive().describe('How many in a row.'),
    about: z
      .enum(['KEY_CASE', 'CASE', 'UNIT'])
      .optional()
      .describe(
        "KEY_CASE: reminders about one case that is a key case (重点案件: by the plugin's cases.keyCases or marked by the office), and the step concerns that case (003 §五); CASE: reminders about one case, key or not; UNIT (default): any reminders of the unit.",
      ),
    withinDays: z
      .number()
      .int()
      .positive()
      .max(3650)
      .optional()
      .describe('Each reminder of the run follows the previous one within so many calendar days.'),
  }),
  /** A case or failure flagged with one of these reasons (造成严重影响, 越级访…). */
  z.strictObject({
    kind: z.literal('FLAGGED').describe('A case or failure flagged with one of the reasons.'),
    reasons: z
      .array(codeSchema)
      .min(1)
      .describe('Flag codes that fire the rung (e.g. an accountability failure code).'),
    /**
     * The reasons as the source words them (SERIOUS_IMPACT: 已经产生严重不良影响), shown in proposals, actions and
     * notifications instead of the code. A reason named as an interview or reminder reason, or as an
     * accountability failure, needs no name here.
     */
    reasonNames: z
      .record(codeSchema, z.string().min(1).max(200))
      .optional()
      .describe(
        'The reasons as the source words them, by code; a reason named in interviews.reasons, reminders.reasons or accountability.failures needs none. Shown instead of the code.',
      ),
  }),
  /** A rectification report not filed by its deadline. */
  z.strictObject({
    kind: z.literal('RECTIFICATION_OVERDUE').describe('A rectification report not filed by its deadline.'),
  }),
  /** A listed-supervision time limit passed without delisting. */
  z.strictObject({
    kind: z.literal('LISTING_OVERDUE').describe('A listed-supervision time limit passed without delisting.'),
  }),
  /** Failed the periodic assessment. */
  z.strictObject({ kind: z.literal('ASSESSMENT_FAILED').describe('Failed the periodic assessment.') }),
]);

export const LADDER_ACTIONS = [
  'REMINDER',
  'INTERVIEW',
  'REMINDER_OR_INTERVIEW',
  'LISTED_SUPERVISION',
  'ACCOUNTABILITY',
  'NAMED_CRITICISM',
] as const;

/** One rung of the escalation ladder: when `when` holds, `then` is taken (and recorded with the rule id). */
export const ladderRuleSchema = z
  .strictObject({
    id: keySchema,
    when: triggerConditionSchema.describe(
      'What fires this rung: kind BOTTOM_IN_CONSECUTIVE_REGULAR_NOTICES (bottom, consecutive), CONSECUTIVE_SPECIAL_NOTICES, CONSECUTIVE_REMINDERS (consecutive, about, withinDays), FLAGGED (reasons), RECTIFICATION_OVERDUE, LISTING_OVERDUE or ASSESSMENT_FAILED.',
    ),
    then: z
      .enum(LADDER_ACTIONS)
      .describe(
        'The step proposed (a person confirms it): REMINDER, INTERVIEW, REMINDER_OR_INTERVIEW, LISTED_SUPERVISION, ACCOUNTABILITY or NAMED_CRITICISM.',
      ),
    source: citationSchema,
    /**
     * The reminder severity the rule suggests (GENERAL: 一般问题, by SMS; KEY: 重点问题, by letter — 003 §四).
     * The office may change it when it confirms; an automatic rule is taken with it.
     */
    severity: z
      .enum(['GENERAL', 'KEY'])
      .optional()
      .describe(
        'The reminder severity the rule suggests (GENERAL by SMS, KEY by letter); required for an automatic rule.',
      ),
    /**
     * Taken without a person's confirmation. Every other step is a proposal the office confirms. Only a
     * reminder may be automatic (for example a general SMS reminder): never a listing, an interview or
     * accountability.
     */
    automatic: z
      .boolean()
      .optional()
      .describe(
        'Taken without confirmation: only a REMINDER may be automatic, never a listing, an interview or accountability.',
      ),
  })
  .superRefine((rule, ctx) => {
    if (rule.when.kind === 'FLAGGED')
      for (const code of Object.keys(rule.when.reasonNames ?? {}))
        if (!rule.when.reasons.includes(code))
          ctx.addIssue({
            code: 'custom',
            path: ['when', 'reasonNames', code],
            message: `names a reason the rule does not list (${rule.when.reasons.join(', ')})`,
          });
    if (!rule.automatic) return;
    if (rule.then !== 'REMINDER')
      ctx.addIssue({
        code: 'custom',
        path: ['automatic'],
        message:
          "only a REMINDER may be automatic; a listing, an interview or accountability needs the office's confirmation",
      });
    else if (!rule.severity)
      ctx.addIssue({ code: 'custom', path: ['severity'], message: 'an automatic reminder states its severity' });
  });
export type LadderRule = z.infer<typeof ladderRuleSchema>;
