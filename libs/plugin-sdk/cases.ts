import { z } from 'zod';
import { cadenceSchema, citationSchema, codeSchema, durationSchema, keySchema, roleSchema } from './primitives';
import { statedDurationSchema } from './supervision-escalation';
import { stepLimitSchema } from './supervision';

/** What a review examines (004 复查制度 三.1, 三.3). */
export const REVIEW_CHECKS = ['FACTS', 'CHARACTERISATION', 'EVIDENCE', 'LAW', 'DISPOSITION', 'PROCEDURE'] as const;

/** Sources and severities a case can have, for ownership tiers (包案分级, 003). */
export const CASE_SOURCES = [
  'LISTED_BY_PROVINCE_OR_ABOVE',
  'BEIJING_PETITION',
  'GROUP_TO_PROVINCE',
  'LISTED_BY_CITY',
  'PROVINCIAL_PETITION',
  'COUNTY_SCREENED_KEY',
  'ASSIGNED_FROM_ABOVE',
  'LOCAL',
] as const;

/** How a petition comes in (来信, 来访, 电话, 网上, 上级交办, 网格上报); kept identical to the API's `CaseChannel`. */
export const CASE_CHANNELS = ['LETTER', 'VISIT', 'PHONE', 'ONLINE', 'ASSIGNED', 'GRID_REPORT'] as const;
export const caseChannelSchema = z
  .enum(CASE_CHANNELS)
  .describe(
    'How a petition came in: LETTER (来信), VISIT (来访), PHONE, ONLINE, ASSIGNED (上级交办、转办), GRID_REPORT (网格上报).',
  );

/** Leader ownership tier: cases with these sources are owned by a leader of this tier at each level. */
export const ownershipTierSchema = z
  .strictObject({
    id: keySchema,
    sources: z.array(z.enum(CASE_SOURCES)).min(1).describe('Case sources and severities owned at this tier.'),
    countyLeader: z
      .enum(['PRINCIPAL', 'IN_CHARGE'])
      .optional()
      .describe(
        "Owning leader tier at the county (PRINCIPAL: 主要领导; IN_CHARGE: 分管领导); on a township's case of these sources, the county leader co-owns it beside the township's leader (003 二).",
      ),
    townshipLeader: z
      .enum(['PRINCIPAL', 'IN_CHARGE'])
      .optional()
      .describe(
        'Owning leader tier at the township; absent where the rule names only a county leader (003 二: 中央、省、市交办督办…落实县级领导包案).',
      ),
    source: citationSchema,
  })
  .refine((t) => t.countyLeader !== undefined || t.townshipLeader !== undefined, {
    message: 'names a county leader, a township leader or both',
    path: ['townshipLeader'],
  });

export const casesSchema = z.strictObject({
  groupPetitionThreshold: z
    .strictObject({
      people: z.number().int().min(2).describe('Least number of petitioners (e.g. 5).'),
      source: citationSchema,
    })
    .optional()
    .describe('Petitions by at least this many people are group petitions (集体访).'),
  extensionCap: z
    .strictObject({
      days: z.number().int().min(1).max(366).describe('Calendar days one extension may add.'),
      source: citationSchema,
    })
    .optional()
    .describe(
      "How far one extension (延期) may move a case's time limit; without it the platform default of 30 days applies (《信访工作条例》第三十二条: 延长期限不得超过30日).",
    ),
  ownership: z
    .strictObject({
      tiers: z.array(ownershipTierSchema).min(1).describe('Leader ownership tiers (包案分级); merge by id.'),
      teamAndPlanRequired: z
        .boolean()
        .describe('One case, one leader, one team, one plan (一案一领导、一个专班、一套方案).'),
      progressReports: cadenceSchema.describe('Progress reports due until resolved and closed (化解结案销号).'),
      roadmaps: z
        .array(z.enum(['RESOLVE', 'STABILISE', 'STRIKE']))
        .default([])
        .describe('Roadmap strategies of owned cases (化解、稳控、打击).'),
      source: citationSchema,
    })
    .optional()
    .describe('Leader ownership of cases (领导包案): tiers, team and plan, progress reports.'),
  keyCases: z
    .strictObject({
      ownershipTiers: z
        .array(keySchema)
        .min(1)
        .describe(
          'A case whose required ownership tier (ownership.tiers[].id) is one of these is a key case (重点案件) from its reception: 003 §二 names the cases owned by leaders 重点案件.',
        ),
      source: citationSchema,
    })
    .optional()
    .describe(
      'Which cases are key cases (重点案件) by rule; the office may also mark or unmark any case with a reason. A ladder rule `about: KEY_CASE` counts reminders about key cases only (003 §五).',
    ),
  roadmaps: z
    .strictObject({
      strategies: z
        .array(z.enum(['RESOLVE', 'STABILISE', 'STRIKE']))
        .min(1)
        .describe('Strategies offered: RESOLVE, STABILISE, STRIKE.'),
      source: citationSchema,
    })
    .optional()
    .describe('Roadmap strategies on key cases (002: 化解、稳控、打击), where ownership does not declare them.'),
  tieredHandling: z
    .array(
      z.strictObject({
        level: z.enum(['COMMUNITY', 'TOWN']).describe('The level handled at.'),
        firstResponsible: z
          .string()
          .min(1)
          .max(50)
          .describe('Who is first responsible at that level, as the source words it.'),
        role: roleSchema.optional(),
        source: citationSchema,
      }),
    )
    .optional()
    .describe('Tiered handling (分级处理): who is first responsible at each level.'),
  grid: z
    .strictObject({
      levels: z.array(z.string().min(1).max(50)).min(2).describe('Grid levels from the top (镇, 社区, 网格).'),
      escalation: z.literal('ONE_LEVEL_UP').describe('What a level cannot resolve goes one level up.'),
      source: citationSchema,
    })
    .optional()
    .describe('Grid system (网格化): levels from the top, and escalation one level up.'),
  ledgers: z
    .strictObject({
      levels: z
        .array(z.enum(['TOWN', 'COMMUNITY']))
        .min(1)
        .describe('Levels that keep a ledger.'),
      lists: z
        .array(z.enum(['PROBLEM', 'RESPONSIBILITY', 'TASK']))
        .min(1)
        .describe('Lists of each ledger: PROBLEM, RESPONSIBILITY, TASK (问题、责任、任务清单).'),
      fields: z
        .array(
          z.enum([
            'CONTENT',
            'CLASSIFICATION',
            'MEASURES',
            'OWNING_LEADER',
            'RESPONSIBLE_UNIT',
            'RESPONSIBLE_PERSON',
            'TIME_LIMIT',
          ]),
        )
        .optional()
        .describe(
          'What each ledger entry must state (002 §五(四): 诉求内容、分类处理情况、具体工作措施、包案领导、 具体责任单位和责任人以及问题处理时限).',
        ),
      source: citationSchema,
    })
    .optional()
    .describe('Ledgers (台账) and their lists at each level.'),
  reception: z
    .strictObject({
      rotation: cadenceSchema.describe('How often leaders take their turn at reception.'),
      channels: z
        .array(caseChannelSchema)
        .min(1)
        .default(['VISIT'])
        .describe(
          'Which petitions the leader on duty is responsible for: VISIT (default), LETTER too where the source says so (004 领导接待日制度 2: 负责当天的来信来访).',
        ),
      recusal: z.boolean().describe('A receiving leader with a conflict of interest steps aside (回避).'),
      confidentiality: z.boolean().describe('What petitioners say is kept confidential (保密).'),
      source: citationSchema,
    })
    .optional()
    .describe('Leader reception day (领导接访日).'),
  principalAssignment: z
    .strictObject({
      channels: z
        .array(caseChannelSchema)
        .min(1)
        .describe(
          'Petitions the office registers and reports to the principal leader for assignment (004 领导接待日制度 5: 当天值班领导受理的…或上级机关、上级领导批办以及其他部门转办的信访案件).',
        ),
      by: roleSchema.describe(
        'The role through which the principal leader (the `structure.leaders` post of tier PRINCIPAL) records the assignment (批转).',
      ),
      source: citationSchema,
    })
    .optional()
    .describe("The principal leader's assignment step (主要领导批转)."),
  urgent: z
    .strictObject({
      coordinateWithin: statedDurationSchema
        .optional()
        .describe(
          'How soon the office coordinates an urgent petition, from the day it is marked, with the article that states the figure; absent: the platform default (1 calendar day), shown as a default.',
        ),
      notify: z
        .array(roleSchema)
        .min(1)
        .describe('Roles told at once when a petition is marked urgent (the office always is).'),
      source: citationSchema,
    })
    .optional()
    .describe(
      'Urgent petitions (紧急信访问题, 002 §三: 办公室…协调处理紧急信访问题): the office or the first receiver marks a case urgent with a reason, the roles are told at once, and the office records its coordination by the time limit.',
    ),
  firstInquiry: z
    .strictObject({
      transferRequiresReason: z.boolean().describe('The first receiver may hand a case on only with a stated reason.'),
      followUp: z
        .boolean()
        .optional()
        .describe(
          'The first receiver follows the case up and reports back to the petitioner (004 首问责任制度 2, 5: 跟踪服务).',
        ),
      inChargeApproval: z
        .strictObject({ source: citationSchema })
        .optional()
        .describe(
          "A matter within the remit goes to the leader in charge for approval before it is investigated and answered (004 首问责任制度 3: 及时送交分管领导审批，迅速组织调查、答复): the first receiver or the office sends it (to the case's line leader by default), the leader's approval is recorded with who and when.",
        ),
      source: citationSchema,
    })
    .optional()
    .describe('First-inquiry responsibility (首问负责制).'),
  stepLimits: z.array(stepLimitSchema).default([]).describe('Time limits per handling step (受理, 办理…).'),
  review: z
    .strictObject({
      opinionWithin: durationSchema.describe('Time to give the review opinion.'),
      appealUpward: z.boolean().describe('Whether the petitioner may ask the level above to review again.'),
      scope: z
        .array(z.enum(['ASSIGNED_FROM_ABOVE', 'OWN_DECISION']))
        .optional()
        .describe(
          'Which cases are reviewed: assigned from above (上级交办) and/or chosen by the tenant itself (本镇认为要复查).',
        ),
      afterOpinion: z
        .strictObject({
          informPetitionerInWriting: z
            .boolean()
            .describe('The petitioner is informed of the opinion in writing (书面告知信访人); the notice is recorded.'),
          reportUpward: z
            .boolean()
            .describe(
              'The opinion is reported to the level above (同时报上级机关) as a report to the parent joint meeting.',
            ),
          source: citationSchema,
        })
        .optional()
        .describe('What follows the review opinion (004 復查制度 二).'),
      criteria: z
        .strictObject({
          checks: z
            .array(z.enum(REVIEW_CHECKS))
            .min(1)
            .describe(
              'What every review opinion states a finding on: FACTS (事实是否调查清楚), CHARACTERISATION (定性是否准确), EVIDENCE (证据是否可靠), LAW (适用法律是否合法), DISPOSITION (处理意见是否恰当), PROCEDURE (程序是否符合).',
            ),
          correctionWhen: z
            .array(z.enum(REVIEW_CHECKS))
            .describe(
              'A finding found wanting on one of these requires a correction opinion (纠正意见; 004 復查制度 三.3: 事实不清、或定性不当，程序不符合的).',
            ),
          source: citationSchema,
        })
        .optional()
        .describe('What a review examines (复查要求, 004 復查制度 三.1, 三.3).'),
      source: citationSchema,
    })
    .optional()
    .describe('Review (复查).'),
  areaScreening: z
    .strictObject({
      period: cadenceSchema
        .optional()
        .describe(
          'How often each cadre screens each of their areas, with the article that states it; absent: the platform default (monthly), shown as a default.',
        ),
      source: citationSchema,
    })
    .optional()
    .describe(
      'Area screening by cadres (干部包片排查, 002 六(三): 实行干部包片排查矛盾纠纷机制): the office assigns a cadre to each village or community (片); per period the cadre records the screening of each of their areas, every dispute found registered as a case or noted as resolved on the spot.',
    ),
  screening: z
    .strictObject({
      cadence: cadenceSchema.describe('How often screening runs.'),
      criteria: z
        .array(
          z.discriminatedUnion('kind', [
            z.strictObject({
              kind: z
                .literal('REPEAT')
                .describe(
                  'Repeat petitioners: the same person petitioning on the same matter (category) at least `atLeast` times, whenever received (004 预测排查制度 1: 来访或来信2次的重复信访).',
                ),
              atLeast: z.number().int().min(2).describe('Least number of petitions on the same matter.'),
              within: durationSchema
                .optional()
                .describe(
                  "Only petitions whose first and last fall within this period count; absent: whenever received (the screening's cadence is how often it runs, not a window).",
                ),
            }),
            z.strictObject({ kind: z.literal('JOINT_SIGNED').describe('Jointly signed petitions (联名信).') }),
            /** Petitions signed with the petitioner's name (署名信访, 004 预测排查制度 1), listed apart from joint-signed ones. */
            z.strictObject({
              kind: z.literal('SIGNED').describe("Petitions signed with the petitioner's name (署名信访)."),
            }),
            z.strictObject({
              kind: z.literal('LONG_UNRESOLVED').describe('Cases unresolved for long.'),
              olderThan: durationSchema.describe('Open longer than this.'),
            }),
            z.strictObject({ kind: z.literal('GROUP_ORGANISER').describe('Organisers of group petitions.') }),
          ]),
        )
        .min(1)
        .describe('What makes a case screened: REPEAT, JOINT_SIGNED, SIGNED, LONG_UNRESOLVED, GROUP_ORGANISER.'),
      requires: z
        .array(z.enum(['OWNING_LEADER', 'RESPONSIBLE_PERSON', 'TIME_LIMIT']))
        .min(1)
        .describe('What each screened case must get (包案领导, 责任人, 时限).'),
      reportTo: z
        .strictObject({
          name: z
            .string()
            .min(1)
            .max(50)
            .describe('The body reported to, as the source names it (004: 信訪工作領導小組).'),
          roles: z.array(roleSchema).min(1).describe('The roles through which its members read and answer the report.'),
          source: citationSchema,
        })
        .optional()
        .describe(
          "Who the office reports a period's screening and its forecast analysis to (004 预测排查制度 1: 超前预测分析…及时向信访工作领导小组反映预测排查情况); `reportScreening`.",
        ),
      source: citationSchema,
    })
    .optional()
    .describe('Forecast screening (预测排查).'),
  byLineResponsibility: z
    .strictObject({ source: citationSchema })
    .optional()
    .describe(
      'By-line responsibility (分线报案): each leader in charge (a `structure.leaders` post of tier IN_CHARGE) answers for the petitions in the line (categories, units) the office records for them (`setLeaderLines`); such petitions are routed to that leader.',
    ),
  participation: z
    .strictObject({
      decidedBy: z
        .string()
        .min(1)
        .max(100)
        .describe(
          'Who decides the lead and participating units, as the source words it (004 预测排查制度 5: 党委、政府).',
        ),
      source: citationSchema,
    })
    .optional()
    .describe('A case handled by a lead unit (牵头单位) and participating units (参与单位) together (共同处理解决).'),
  workingGroups: z
    .strictObject({ source: citationSchema })
    .optional()
    .describe(
      'Special working groups (专项工作小组, 002 四(三): 适时成立专项工作小组) spanning the cases of one field.',
    ),
  categories: z
    .array(
      z.strictObject({
        code: codeSchema,
        name: z.string().min(1).max(50).describe('The category as the source names it.'),
      }),
    )
    .default([])
    .describe('Case categories offered at intake.'),
});
export type Cases = z.infer<typeof casesSchema>;
