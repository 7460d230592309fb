import { z } from 'zod';
import {
  cadenceSchema,
  citationSchema,
  codeSchema,
  durationSchema,
  keySchema,
  memberUnitKindSchema,
  roleSchema,
} from './primitives';
import { ladderRuleSchema, noticesSchema, statedDurationSchema } from './supervision-escalation';

const stepSchema = z.strictObject({
  code: codeSchema,
  name: z.string().min(1).max(50).describe('The step as the source names it.'),
});

export const remindersSchema = z.strictObject({
  reasons: z
    .array(
      z.strictObject({
        code: codeSchema,
        name: z.string().min(1).max(100).describe('The reason as the source words it.'),
      }),
    )
    .min(1)
    .describe('Reasons a reminder may be issued for (风险管控不力…).'),
  channels: z
    .strictObject({
      GENERAL: z.enum(['SMS', 'LETTER', 'IN_APP']).describe('Channel for general issues.'),
      KEY: z.enum(['SMS', 'LETTER', 'IN_APP']).describe('Channel for key issues.'),
    })
    .describe('Channel by severity: general issues by SMS, key issues by a numbered reminder letter (提醒函).'),
  source: citationSchema,
});

export const listedSupervisionSchema = z.strictObject({
  steps: z.array(stepSchema).min(2).describe('Ordered steps (建档立案 → 下发通知 → 化解处置 → 组织验收 → 摘牌销号).'),
  acceptanceStep: codeSchema.describe('The step code that is the acceptance check; delisting requires it passed.'),
  timeLimit: statedDurationSchema.optional(),
  scope: z
    .array(z.string().min(1).max(50))
    .max(10)
    .optional()
    .describe(
      "What a listed case is brought into, as the source words it (003 §五: 纳入重点调度、专项督导和实地督查范围); recorded on the listing and shown on the superiors' view.",
    ),
  source: citationSchema,
});

export const interviewsSchema = z.strictObject({
  reasons: z
    .array(
      z.strictObject({
        code: codeSchema,
        name: z.string().min(1).max(100).describe('The reason as the source words it.'),
      }),
    )
    .min(1)
    .describe('Reasons an interview (约谈) may be held for.'),
  conductedBy: z
    .strictObject({ SERIOUS: roleSchema, GENERAL: roleSchema })
    .describe('Who conducts, by severity (主召集人 or 召集人).'),
  targets: z.array(z.string().min(1).max(50)).min(1).describe('Who is interviewed (主要负责人, 分管负责人, 包案领导).'),
  steps: z.array(stepSchema).min(2).describe('Ordered steps of an interview (通知, 约谈, 整改…).'),
  bothSidesSign: z.boolean().describe('Both sides sign the record (双方签字).'),
  rectificationReportDue: statedDurationSchema.describe(
    'Written rectification report due after the interview (15 working days in 003).',
  ),
  targetKinds: z
    .array(memberUnitKindSchema)
    .min(1)
    .describe('Who may be interviewed besides member units (001 art. 15: villages).'),
  forms: z
    .array(z.enum(['INDIVIDUAL', 'GROUP']))
    .min(1)
    .default(['INDIVIDUAL'])
    .describe(
      "Forms the source allows: an individual interview (个别约谈) of one unit's leaders, or a group interview (集中约谈) of several units' leaders together (003 §六). Default: individual only.",
    ),
  afterInterview: z
    .strictObject({
      reportTo: z
        .array(z.string().min(1).max(50))
        .default([])
        .describe('Leaders the held interview is reported to, as the source names them.'),
      notify: z
        .array(z.string().min(1).max(50))
        .default([])
        .describe('Departments told of the held interview, as the source names them.'),
      source: citationSchema,
    })
    .optional()
    .describe(
      'What follows a held interview (003 §六: 约谈情况报告县委、县政府主要领导，并向县目标绩效、组织人事、纪检监察部门通报): the leaders the interview is reported to and the departments it is notified to.',
    ),
  source: citationSchema,
});

/** A failure the source lists as grounds for accountability, with the sanctions it names (004 责任追究制度). */
export const accountabilityFailureSchema = z.strictObject({
  code: codeSchema.describe('The code ladder rules use in a FLAGGED trigger.'),
  name: z.string().min(1).max(200).describe('The failure as the source words it.'),
  target: z
    .enum(['UNIT', 'INDIVIDUAL'])
    .describe('Whether the sanction falls on the unit (单位通报批评) or on the individuals responsible (责任者).'),
  sanctions: z.array(z.string().min(1).max(100)).min(1).describe('Sanctions the source names for this failure.'),
  source: citationSchema,
});

export const accountabilitySchema = z.strictObject({
  recommendations: z
    .array(
      z.strictObject({
        code: codeSchema,
        name: z.string().min(1).max(100).describe('The recommendation as the source words it.'),
      }),
    )
    .describe(
      'The three recommendation rights (三项建议权). May be empty: a source can provide accountability without them (002 §二(四) backward tracing only; 004 lists failures and sanctions instead).',
    ),
  backwardTracing: z
    .boolean()
    .default(false)
    .describe('Backward tracing before, during and after serious events (倒查).'),
  rectificationWithin: statedDurationSchema.optional(),
  sanctions: z
    .array(z.string().min(1).max(100))
    .default([])
    .describe('Sanctions listed by the source (通报批评, 纪律处分…).'),
  failures: z
    .array(accountabilityFailureSchema)
    .optional()
    .describe('Failures the source lists, each with its sanctions (004 责任追究制度 一).'),
  source: citationSchema,
});

export const inspectionsSchema = z.strictObject({
  proposedBy: z.array(roleSchema).min(1).describe('Roles that may propose an inspection (督查).'),
  approvedBy: roleSchema.describe('Role that approves a proposed inspection.'),
  reportTo: z
    .enum(['OWN_JOINT_MEETING', 'PARENT_CONVENER'])
    .describe(
      "Report upward after an inspection: to the parent tenant's convener (000 art. 13) or the own joint meeting.",
    ),
  random: z
    .strictObject({
      cadence: cadenceSchema,
      /** A pooled draw: `sampleSize` units of the `targets` kinds (ignored where `strata` are given). */
      targets: z
        .array(memberUnitKindSchema)
        .min(1)
        .describe('Kinds of unit drawn from (a pooled draw; ignored where strata are given).'),
      sampleSize: z
        .number()
        .int()
        .positive()
        .describe('How many units are drawn each time (a pooled draw; ignored where strata are given).'),
      /**
       * A stratified draw (002 §四(四): 抽查部门、社区 — departments **and** communities every time): each
       * stratum's kinds and its own sample size, drawn separately. Overrides `targets`/`sampleSize`.
       */
      strata: z
        .array(
          z.strictObject({
            kinds: z.array(memberUnitKindSchema).min(1).describe('Kinds of unit in this stratum.'),
            sampleSize: z.number().int().positive().describe('How many units of this stratum are drawn.'),
          }),
        )
        .min(1)
        .optional()
        .describe(
          'A stratified draw: each stratum drawn separately with its own sample size (002 §四(四): 部门、社区).',
        ),
      /** The article that states the sample sizes; absent: they are the plugin's default, shown as such. */
      sizeSource: citationSchema
        .optional()
        .describe("The article that states the sample sizes; absent: the plugin's default, shown as such."),
    })
    .optional()
    .describe('Random inspections drawn by the platform (002: 每季度随机抽查).'),
  /**
   * Who may organise an inspection (组织实施): the office, or a member unit with others taking part
   * (001 art. 13: 由联席会议办公室组织实施，也可由相关部门组织实施，相关部门派员参加). Default: the office.
   */
  organisers: z
    .array(z.enum(['OFFICE', 'MEMBER_UNIT']))
    .min(1)
    .default(['OFFICE'])
    .describe(
      'Who may organise an inspection (组织实施): the office, or a member unit with participating units (001 art. 13).',
    ),
  regular: z
    .strictObject({
      cadence: cadenceSchema,
      beforeMajorEvents: z.boolean().describe('Also before major meetings, holidays and events.'),
    })
    .optional()
    .describe(
      'Scheduled inspections (not drawn at random) on a cadence, optionally also before major meetings, holidays and events (004 预测排查制度 3: 每季度一次或在重大会议、节日、活动前…进行督察).',
    ),
  source: citationSchema,
});

/**
 * The jurisdiction's own scoring, where its source states one: start from `full`, deduct `perEvent` for
 * each counted event, pass at `passMark`. No seed source states a formula, so no seed plugin has one.
 */
export const assessmentScoringSchema = z.strictObject({
  full: z.number().positive().max(1000).describe('The score a unit starts from.'),
  perEvent: z.number().nonnegative().max(1000).describe('Deducted for each counted event.'),
  passMark: z.number().nonnegative().max(1000).describe('The lowest passing score (合格线).'),
  source: citationSchema,
});

export const assessmentSchema = z.strictObject({
  period: z.enum(['QUARTERLY', 'HALF_YEARLY', 'ANNUAL']).describe('How often units are assessed (考核).'),
  counts: z
    .array(z.enum(['NOTICES', 'LISTINGS', 'INTERVIEWS', 'ACCOUNTABILITY', 'METRICS']))
    .min(1)
    .describe('What counts in the assessment.'),
  /**
   * The member units assessed (002 §四(四): 各社区信访工作运行情况 — the communities). Default: the kinds
   * notices rank, else every unit.
   */
  assessed: z
    .array(memberUnitKindSchema)
    .min(1)
    .optional()
    .describe('The member units assessed (default: the kinds notices rank, else every unit).'),
  /**
   * The jurisdiction's formula. Without one (and without a `scoreAssessment` hook and a pass mark) the
   * assessment reports the facts with no pass or fail: no platform formula fails a unit.
   */
  scoring: assessmentScoringSchema
    .optional()
    .describe("The jurisdiction's formula; without it the assessment reports facts with no pass or fail."),
  /**
   * Who records the jurisdiction's own outcome (合格/不合格) where no formula decides it, e.g. the
   * 联席办 that assesses (003 §七) or the leading group's convener (004). Absent: nobody records one.
   */
  outcomeRecordedBy: z
    .array(roleSchema)
    .min(1)
    .optional()
    .describe("Who records the jurisdiction's own result (合格/不合格) where no formula decides it."),
  /** Evaluations the result is an input to, not a verdict of its own (002 §四(四): 平安社区、年度绩效考评). */
  feedsInto: z
    .array(z.string().min(1).max(50))
    .default([])
    .describe('Evaluations the result is an input to (平安社区、年度绩效考评).'),
  /** Departments the results are reported to (003 §七: 考核结果向县目标绩效部门通报). */
  reportedTo: z
    .array(z.string().min(1).max(50))
    .default([])
    .describe('Departments the results are reported to (考核结果向县目标绩效部门通报).'),
  oneVoteVeto: z
    .strictObject({
      consequences: z.array(z.string().min(1).max(100)).min(1).describe('What a veto withholds (评先评优…).'),
      source: citationSchema,
    })
    .optional()
    .describe('Failing the assessment vetoes awards and honours (一票否决, 004).'),
  source: citationSchema,
});

/** Supervision rules (督查督办). Every part is optional: a plugin declares what its source says. */
export const supervisionSchema = z.strictObject({
  notices: noticesSchema.optional().describe('Notices and ranking (通报排名).'),
  ladder: z
    .array(ladderRuleSchema)
    .default([])
    .describe('The escalation ladder: each rung proposes a step when its trigger holds; merge by id.'),
  reminders: remindersSchema.optional().describe('Reminders (提醒): reasons, channels and response time.'),
  listedSupervision: listedSupervisionSchema.optional().describe('Listed supervision (挂牌督办): steps to delisting.'),
  interviews: interviewsSchema
    .optional()
    .describe('Interviews (约谈): reasons, who conducts them, steps and the rectification report.'),
  accountability: accountabilitySchema
    .optional()
    .describe('Accountability (责任追究): recommendations, failures and sanctions.'),
  inspections: inspectionsSchema
    .optional()
    .describe('Inspections (督查): who proposes and approves, random and regular ones.'),
  assessment: assessmentSchema.optional().describe('Periodic assessment (考核) and its one-vote veto.'),
  appliesToDescendants: z
    .boolean()
    .default(false)
    .describe("Whether these rules also apply to the tenant's descendants (a county supervising its townships)."),
});
export type Supervision = z.infer<typeof supervisionSchema>;

/** Generic keyed step with a deadline, e.g. acceptance or handling time limits. */
export const stepLimitSchema = z.strictObject({ step: codeSchema, within: durationSchema, source: citationSchema });
export { cadenceSchema, keySchema };
