import { z } from 'zod';
import { cadenceSchema, citationSchema, codeSchema, durationSchema, keySchema, memberUnitKindSchema, roleSchema } from './primitives';

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
export const statedDurationSchema = durationSchema.extend({ source: citationSchema.optional() });
export type StatedDuration = z.infer<typeof statedDurationSchema>;

/** Notice periods (通报). */
export const NOTICE_PERIODS = ['MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'ANNUAL'] as const;

/** Who is supervised and ranked: member units of given kinds, or child tenants (as TOWNSHIP). */
export const supervisedSchema = z.array(memberUnitKindSchema).min(1);

/** Notices and ranking (通报排名). */
export const noticesSchema = z.strictObject({
  regularPeriods: z.array(z.enum(NOTICE_PERIODS)).min(1),
  special: z.boolean(),
  namedCriticism: z.boolean().default(false),
  ranked: supervisedSchema,
  /** Score = Σ weight × metric; a lower score ranks lower (toward the bottom). */
  scoring: z.record(metricSchema, z.number()).refine((w) => Object.keys(w).length > 0, 'needs at least one weighted metric'),
  /**
   * The ranking lists (003 §三 ranks 乡镇 and 部门): each ranks the units of its kinds on their own, with
   * its own places and bottom band. Without it every kind in `ranked` is a list of its own.
   */
  lists: z
    .array(z.strictObject({ code: keySchema, name: z.string().min(1).max(50), kinds: z.array(memberUnitKindSchema).min(1) }))
    .min(1)
    .optional(),
  /**
   * Too little data to rank: a list with fewer units with any fact on record in the period is published
   * ranked but without a bottom band. Without it the platform default (1) applies, shown as a default.
   */
  minimumToRank: z.strictObject({ unitsWithFacts: z.number().int().positive(), source: citationSchema.optional() }).optional(),
  /** Departments notices are recorded with (纪检监察、组织人事…). */
  recordedWith: z.array(z.string().min(1).max(50)).default([]),
  /** Roles every notice is reported to (003 §三: 报信访工作联席会议各召集人). */
  reportedTo: z.array(roleSchema).optional(),
  source: citationSchema,
}).superRefine((n, ctx) => {
  if (!n.lists) return;
  const seen = new Map<string, number>();
  n.lists.forEach((list, i) =>
    list.kinds.forEach((kind, j) => {
      if (!n.ranked.includes(kind)) ctx.addIssue({ code: 'custom', path: ['lists', i, 'kinds', j], message: `${kind} is not in ranked` });
      else if (seen.has(kind)) ctx.addIssue({ code: 'custom', path: ['lists', i, 'kinds', j], message: `${kind} is already ranked in list ${seen.get(kind)}` });
      else seen.set(kind, i);
    }),
  );
  n.ranked.forEach((kind, i) => {
    if (!seen.has(kind)) ctx.addIssue({ code: 'custom', path: ['ranked', i], message: `${kind} is in no ranking list` });
  });
});

/** What fires an escalation step. */
export const triggerConditionSchema = z.discriminatedUnion('kind', [
  /** In the bottom `bottom` of `consecutive` consecutive regular notices (连续两次排名后三位). */
  z.strictObject({ kind: z.literal('BOTTOM_IN_CONSECUTIVE_REGULAR_NOTICES'), bottom: z.number().int().positive(), consecutive: z.number().int().positive() }),
  /** Named in `consecutive` consecutive special notices (连续两次被专项通报). */
  z.strictObject({ kind: z.literal('CONSECUTIVE_SPECIAL_NOTICES'), consecutive: z.number().int().positive() }),
  /** Reminded `consecutive` times in a row (连续两次被提醒). */
  z.strictObject({ kind: z.literal('CONSECUTIVE_REMINDERS'), consecutive: z.number().int().positive() }),
  /** A case or failure flagged with one of these reasons (造成严重影响, 越级访…). */
  z.strictObject({ kind: z.literal('FLAGGED'), reasons: z.array(codeSchema).min(1) }),
  /** A rectification report not filed by its deadline. */
  z.strictObject({ kind: z.literal('RECTIFICATION_OVERDUE') }),
  /** A listed-supervision time limit passed without delisting. */
  z.strictObject({ kind: z.literal('LISTING_OVERDUE') }),
  /** Failed the periodic assessment. */
  z.strictObject({ kind: z.literal('ASSESSMENT_FAILED') }),
]);

export const LADDER_ACTIONS = ['REMINDER', 'INTERVIEW', 'REMINDER_OR_INTERVIEW', 'LISTED_SUPERVISION', 'ACCOUNTABILITY', 'NAMED_CRITICISM'] as const;

/** One rung of the escalation ladder: when `when` holds, `then` is taken (and recorded with the rule id). */
export const ladderRuleSchema = z.strictObject({
  id: keySchema,
  when: triggerConditionSchema,
  then: z.enum(LADDER_ACTIONS),
  source: citationSchema,
});
export type LadderRule = z.infer<typeof ladderRuleSchema>;

const stepSchema = z.strictObject({ code: codeSchema, name: z.string().min(1).max(50) });

export const remindersSchema = z.strictObject({
  /** Reasons a reminder may be issued for (风险管控不力…). */
  reasons: z.array(z.strictObject({ code: codeSchema, name: z.string().min(1).max(100) })).min(1),
  /** Channel by severity: general issues by SMS, key issues by a numbered reminder letter (提醒函). */
  channels: z.strictObject({ GENERAL: z.enum(['SMS', 'LETTER', 'IN_APP']), KEY: z.enum(['SMS', 'LETTER', 'IN_APP']) }),
  /** Time the reminded unit has to respond. */
  respondWithin: statedDurationSchema.optional(),
  source: citationSchema,
});

export const listedSupervisionSchema = z.strictObject({
  /** Ordered steps (建档立案 → 下发通知 → 化解处置 → 组织验收 → 摘牌销号). */
  steps: z.array(stepSchema).min(2),
  /** The step code that is the acceptance check; delisting requires it passed. */
  acceptanceStep: codeSchema,
  timeLimit: statedDurationSchema.optional(),
  source: citationSchema,
});

export const interviewsSchema = z.strictObject({
  reasons: z.array(z.strictObject({ code: codeSchema, name: z.string().min(1).max(100) })).min(1),
  /** Who conducts, by severity (主召集人 or 召集人). */
  conductedBy: z.strictObject({ SERIOUS: roleSchema, GENERAL: roleSchema }),
  /** Who is interviewed (主要负责人, 分管负责人, 包案领导). */
  targets: z.array(z.string().min(1).max(50)).min(1),
  steps: z.array(stepSchema).min(2),
  /** Both sides sign the record (双方签字). */
  bothSidesSign: z.boolean(),
  /** Written rectification report due after the interview (15 working days in 003). */
  rectificationReportDue: statedDurationSchema,
  /** Who may be interviewed besides member units (001 art. 15: villages). */
  targetKinds: z.array(memberUnitKindSchema).min(1),
  /**
   * Forms the source allows: an individual interview (个别约谈) of one unit's leaders, or a group interview
   * (集中约谈) of several units' leaders together (003 §六). Default: individual only.
   */
  forms: z.array(z.enum(['INDIVIDUAL', 'GROUP'])).min(1).default(['INDIVIDUAL']),
  /**
   * What follows a held interview (003 §六: 约谈情况报告县委、县政府主要领导，并向县目标绩效、组织人事、纪检监察部门通报):
   * the leaders the interview is reported to and the departments it is notified to.
   */
  afterInterview: z
    .strictObject({
      reportTo: z.array(z.string().min(1).max(50)).default([]),
      notify: z.array(z.string().min(1).max(50)).default([]),
      source: citationSchema,
    })
    .optional(),
  source: citationSchema,
});

/** A failure the source lists as grounds for accountability, with the sanctions it names (004 责任追究制度). */
export const accountabilityFailureSchema = z.strictObject({
  /** The code ladder rules use in a FLAGGED trigger. */
  code: codeSchema,
  /** The failure as the source words it. */
  name: z.string().min(1).max(200),
  /** Whether the sanction falls on the unit (单位通报批评) or on the individuals responsible (责任者). */
  target: z.enum(['UNIT', 'INDIVIDUAL']),
  sanctions: z.array(z.string().min(1).max(100)).min(1),
  source: citationSchema,
});

export const accountabilitySchema = z.strictObject({
  /**
   * The three recommendation rights (三项建议权). May be empty: a source can provide accountability
   * without them (002 §二(四) backward tracing only; 004 lists failures and sanctions instead).
   */
  recommendations: z.array(z.strictObject({ code: codeSchema, name: z.string().min(1).max(100) })),
  /** Backward tracing before, during and after serious events (倒查). */
  backwardTracing: z.boolean().default(false),
  rectificationWithin: statedDurationSchema.optional(),
  /** Sanctions listed by the source (通报批评, 纪律处分…). */
  sanctions: z.array(z.string().min(1).max(100)).default([]),
  /** Failures the source lists, each with its sanctions (004 责任追究制度 一). */
  failures: z.array(accountabilityFailureSchema).optional(),
  source: citationSchema,
});

export const inspectionsSchema = z.strictObject({
  proposedBy: z.array(roleSchema).min(1),
  approvedBy: roleSchema,
  /** Report upward after an inspection: to the parent tenant's convener (000 art. 13) or the own joint meeting. */
  reportTo: z.enum(['OWN_JOINT_MEETING', 'PARENT_CONVENER']),
  /** Random inspections drawn by the platform (002: 每季度随机抽查). */
  random: z
    .strictObject({
      cadence: cadenceSchema,
      targets: z.array(memberUnitKindSchema).min(1),
      sampleSize: z.number().int().positive(),
    })
    .optional(),
  /**
   * Scheduled inspections (not drawn at random) on a cadence, optionally also before major meetings,
   * holidays and events (004 预测排查制度 3: 每季度一次或在重大会议、节日、活动前…进行督察).
   */
  regular: z
    .strictObject({
      cadence: cadenceSchema,
      beforeMajorEvents: z.boolean(),
    })
    .optional(),
  source: citationSchema,
});

export const assessmentSchema = z.strictObject({
  period: z.enum(['QUARTERLY', 'HALF_YEARLY', 'ANNUAL']),
  /** What counts in the assessment. */
  counts: z.array(z.enum(['NOTICES', 'LISTINGS', 'INTERVIEWS', 'ACCOUNTABILITY', 'METRICS'])).min(1),
  /** Failing the assessment vetoes awards and honours (一票否决, 004). */
  oneVoteVeto: z
    .strictObject({ consequences: z.array(z.string().min(1).max(100)).min(1), source: citationSchema })
    .optional(),
  source: citationSchema,
});

/** Supervision rules (督查督办). Every part is optional: a plugin declares what its source says. */
export const supervisionSchema = z.strictObject({
  notices: noticesSchema.optional(),
  ladder: z.array(ladderRuleSchema).default([]),
  reminders: remindersSchema.optional(),
  listedSupervision: listedSupervisionSchema.optional(),
  interviews: interviewsSchema.optional(),
  accountability: accountabilitySchema.optional(),
  inspections: inspectionsSchema.optional(),
  assessment: assessmentSchema.optional(),
  /** Whether these rules also apply to the tenant's descendants (a county supervising its townships). */
  appliesToDescendants: z.boolean().default(false),
});
export type Supervision = z.infer<typeof supervisionSchema>;

/** Generic keyed step with a deadline, e.g. acceptance or handling time limits. */
export const stepLimitSchema = z.strictObject({ step: codeSchema, within: durationSchema, source: citationSchema });
export { cadenceSchema, keySchema };
