import { z } from 'zod';
import { unitAdjustmentsSchema } from './members';
import { citationSchema, keySchema, memberUnitKindSchema, roleSchema } from './primitives';

/** A post in the joint meeting (召集人, 办公室主任…): a title from the source and the platform role it holds. */
export const positionSchema = z.strictObject({
  key: keySchema,
  title: z.string().min(1).max(100).describe('The title as the source writes it, e.g. `镇政法委员`.'),
  role: roleSchema,
  source: citationSchema,
});
export type Position = z.infer<typeof positionSchema>;

/** A leadership post used by case ownership (包案) and responsibility rules (主要领导, 分管领导). */
export const leaderSchema = z.strictObject({
  key: keySchema,
  title: z.string().min(1).max(100).describe('The post as the source writes it, e.g. `镇党委书记`.'),
  tier: z
    .enum(['PRINCIPAL', 'IN_CHARGE'])
    .describe('PRINCIPAL: 主要领导 (e.g. the party secretary); IN_CHARGE: 分管领导.'),
  responsibility: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe(
      "The post's responsibility for petition work as the source words it (004 基本原則 1: 鎮委書記是信訪工作第一責任人, 各分管領導是直接負責人); absent: the source states none.",
    ),
  source: citationSchema,
});
export type Leader = z.infer<typeof leaderSchema>;

/** The joint meeting's structure (联席会议组成). */
export const structureSchema = z.strictObject({
  jointMeetingName: z.string().min(1).max(100).describe('e.g. `十字镇信访工作联席会议`.'),
  conveners: z
    .array(positionSchema)
    .min(1)
    .describe('Conveners (召集人); a chief convener (总召集人) has role CHIEF_CONVENER. At least one.'),
  office: z
    .strictObject({
      hostUnit: z
        .string()
        .min(1)
        .max(100)
        .nullable()
        .describe('Name of the member unit hosting the office (办公室设在…); must be one of the member units.'),
      section: z
        .string()
        .min(1)
        .max(100)
        .optional()
        .describe(
          'The section inside the host unit where the office sits, when the source names one (002 §三: 设在平安建设办公室综合信访维稳股 → host 平安建设办公室, section 综合信访维稳股).',
        ),
      director: positionSchema.describe(
        'The office director (办公室主任): the post and the role that runs the office.',
      ),
      source: citationSchema,
    })
    .describe("The joint meeting's office (联席会议办公室): where it sits and who directs it."),
  leaders: z.array(leaderSchema).default([]).describe('Leadership posts named by the rules (主要领导, 分管领导).'),
  principle: z
    .union([
      z.strictObject({
        text: z
          .string()
          .min(1)
          .max(500)
          .describe('The principle, quoted (e.g. 党政同责、一岗双责，属地管理、分级负责，谁主管、谁负责).'),
        source: citationSchema,
      }),
      z
        .string()
        .min(1)
        .max(500)
        .describe(
          'The principle quoted without its article: the form tenants onboarded before the article was recorded keep in their snapshot.',
        ),
    ])
    .optional()
    .describe(
      'The guiding principle member units do their petition work by (000 art. 5, 001 art. 7): shown on the joint meeting and printed on its minutes beside the agreed items.',
    ),
});
export type Structure = z.infer<typeof structureSchema>;

/** A member unit (成员单位) the source names. */
export const memberUnitSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(100)
    .describe("The unit's name as the source writes it (`司法所`); unique among the member units and their aliases."),
  kind: memberUnitKindSchema,
  aliases: z
    .array(z.string().min(1).max(100))
    .default([])
    .describe("Other spellings the sources use for the same unit (e.g. 001's annexes disagree)."),
  source: citationSchema,
});
export type MemberUnitDeclaration = z.infer<typeof memberUnitSchema>;

/**
 * Member units the source only counts ("11 community committees"): onboarding must name them.
 * Until named, the tenant is onboarded with placeholders `label 1…count` that the office renames.
 */
export const countedMemberUnitsSchema = z.strictObject({
  kind: memberUnitKindSchema,
  count: z.number().int().positive().max(500).describe('How many such units the source counts (1‥500).'),
  label: z.string().min(1).max(100).describe('e.g. `社区居委会`.'),
  source: citationSchema,
});
export type CountedMemberUnits = z.infer<typeof countedMemberUnitsSchema>;

/**
 * How membership changes are handled (备案): a change of member person (成员因分工调整或工作变化需要变更,
 * 000 art. 7, 001 art. 10) is filed with the office and reported to `reportTo`; so are the office's own
 * changes of member units. Where the source has unit adjustments proposed to the party committee
 * (000 art. 7), `unitAdjustments` says to whom.
 */
export const membershipChangesSchema = z.strictObject({
  reportTo: z
    .array(roleSchema)
    .min(1)
    .describe('Who a change of member person or unit is reported to once filed with the office.'),
  unitAdjustments: unitAdjustmentsSchema
    .optional()
    .describe('Proposals to adjust the member units and to whom they go (000 art. 7); absent: the source states none.'),
  source: citationSchema,
});
