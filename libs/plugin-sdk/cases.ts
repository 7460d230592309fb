import { z } from 'zod';
import { cadenceSchema, citationSchema, codeSchema, durationSchema, keySchema, roleSchema } from './primitives';
import { stepLimitSchema } from './supervision';

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

/** Leader ownership tier: cases with these sources are owned by a leader of this tier at each level. */
export const ownershipTierSchema = z.strictObject({
  id: keySchema,
  sources: z.array(z.enum(CASE_SOURCES)).min(1),
  /** Owning leader tier at the county (PRINCIPAL: 主要领导; IN_CHARGE: 分管领导). */
  countyLeader: z.enum(['PRINCIPAL', 'IN_CHARGE']).optional(),
  /** Owning leader tier at the township. */
  townshipLeader: z.enum(['PRINCIPAL', 'IN_CHARGE']),
  source: citationSchema,
});

export const casesSchema = z.strictObject({
  /** Petitions by at least this many people are group petitions (集体访). */
  groupPetitionThreshold: z.strictObject({ people: z.number().int().min(2), source: citationSchema }).optional(),
  ownership: z
    .strictObject({
      tiers: z.array(ownershipTierSchema).min(1),
      /** One case, one leader, one team, one plan (一案一领导、一个专班、一套方案). */
      teamAndPlanRequired: z.boolean(),
      /** Progress reports due until resolved and closed (化解结案销号). */
      progressReports: cadenceSchema,
      roadmaps: z.array(z.enum(['RESOLVE', 'STABILISE', 'STRIKE'])).default([]),
      source: citationSchema,
    })
    .optional(),
  /** Roadmap strategies on key cases (002: 化解、稳控、打击), where ownership does not declare them. */
  roadmaps: z
    .strictObject({ strategies: z.array(z.enum(['RESOLVE', 'STABILISE', 'STRIKE'])).min(1), source: citationSchema })
    .optional(),
  /** Tiered handling (分级处理): who is first responsible at each level. */
  tieredHandling: z
    .array(z.strictObject({ level: z.enum(['COMMUNITY', 'TOWN']), firstResponsible: z.string().min(1).max(50), role: roleSchema.optional(), source: citationSchema }))
    .optional(),
  /** Grid system (网格化): levels from the top, and escalation one level up. */
  grid: z
    .strictObject({ levels: z.array(z.string().min(1).max(50)).min(2), escalation: z.literal('ONE_LEVEL_UP'), source: citationSchema })
    .optional(),
  /** Ledgers (台账) and their lists at each level. */
  ledgers: z
    .strictObject({
      levels: z.array(z.enum(['TOWN', 'COMMUNITY'])).min(1),
      lists: z.array(z.enum(['PROBLEM', 'RESPONSIBILITY', 'TASK'])).min(1),
      /**
       * What each ledger entry must state (002 §五(四): 诉求内容、分类处理情况、具体工作措施、包案领导、
       * 具体责任单位和责任人以及问题处理时限).
       */
      fields: z
        .array(z.enum(['CONTENT', 'CLASSIFICATION', 'MEASURES', 'OWNING_LEADER', 'RESPONSIBLE_UNIT', 'RESPONSIBLE_PERSON', 'TIME_LIMIT']))
        .optional(),
      source: citationSchema,
    })
    .optional(),
  /** Leader reception day (领导接访日). */
  reception: z
    .strictObject({ rotation: cadenceSchema, recusal: z.boolean(), confidentiality: z.boolean(), source: citationSchema })
    .optional(),
  /** First-inquiry responsibility (首问负责制). */
  firstInquiry: z
    .strictObject({
      transferRequiresReason: z.boolean(),
      /** The first receiver follows the case up and reports back to the petitioner (004 首问责任制度 2, 5: 跟踪服务). */
      followUp: z.boolean().optional(),
      source: citationSchema,
    })
    .optional(),
  /** Time limits per handling step (受理, 办理…). */
  stepLimits: z.array(stepLimitSchema).default([]),
  /** Review (复查). */
  review: z
    .strictObject({
      opinionWithin: durationSchema,
      appealUpward: z.boolean(),
      /** Which cases are reviewed: assigned from above (上级交办) and/or chosen by the tenant itself (本镇认为要复查). */
      scope: z.array(z.enum(['ASSIGNED_FROM_ABOVE', 'OWN_DECISION'])).optional(),
      source: citationSchema,
    })
    .optional(),
  /** Forecast screening (预测排查). */
  screening: z
    .strictObject({
      cadence: cadenceSchema,
      criteria: z
        .array(
          z.discriminatedUnion('kind', [
            z.strictObject({ kind: z.literal('REPEAT'), atLeast: z.number().int().min(2), within: durationSchema }),
            z.strictObject({ kind: z.literal('JOINT_SIGNED') }),
            /** Petitions signed with the petitioner's name (署名信访, 004 预测排查制度 1), listed apart from joint-signed ones. */
            z.strictObject({ kind: z.literal('SIGNED') }),
            z.strictObject({ kind: z.literal('LONG_UNRESOLVED'), olderThan: durationSchema }),
            z.strictObject({ kind: z.literal('GROUP_ORGANISER') }),
          ]),
        )
        .min(1),
      /** What each screened case must get (包案领导, 责任人, 时限). */
      requires: z.array(z.enum(['OWNING_LEADER', 'RESPONSIBLE_PERSON', 'TIME_LIMIT'])).min(1),
      source: citationSchema,
    })
    .optional(),
  /** By-line responsibility (分线报案): leaders in charge answer for their line. */
  byLineResponsibility: z.strictObject({ source: citationSchema }).optional(),
  /** Case categories offered at intake. */
  categories: z.array(z.strictObject({ code: codeSchema, name: z.string().min(1).max(50) })).default([]),
});
export type Cases = z.infer<typeof casesSchema>;
