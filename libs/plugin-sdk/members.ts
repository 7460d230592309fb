import { z } from 'zod';
import { citationSchema, keySchema } from './primitives';

/** A person's role in the joint meeting: 召集人, 成员 or 联络员. */
export const MEMBER_ROLES = ['CONVENER', 'MEMBER', 'LIAISON'] as const;
export const memberRoleSchema = z
  .enum(MEMBER_ROLES)
  .describe("The person's role in the joint meeting: CONVENER (召集人), MEMBER (成员) or LIAISON (联络员).");

/**
 * A member person (联席会议组成人员) the source names: 001 annex 2 lists its conveners and members by name
 * and unit, and its village members by post only (施吴村书记).
 */
export const memberPersonSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(50)
    .nullable()
    .default(null)
    .describe(
      "The person's name as the source writes it (without the typographic space some sources put in two-character names); null where the source names only the post.",
    ),
  post: z.string().min(1).max(100).describe('The post (职务) as the source writes it, e.g. `镇党委书记`, `村书记`.'),
  unit: z
    .string()
    .min(1)
    .max(100)
    .nullable()
    .default(null)
    .describe(
      'The member unit the person sits for (its name or one of its aliases); null for a convener, who sits for the party committee or government.',
    ),
  role: memberRoleSchema,
  convener: keySchema
    .optional()
    .describe('For a CONVENER: the key of the convener post (structure.conveners) the person holds.'),
  source: citationSchema,
});
export type MemberPersonDeclaration = z.infer<typeof memberPersonSchema>;

/** The register of the joint meeting's members (成员), as far as the source fixes it. */
export const membersSchema = z.strictObject({
  persons: z
    .array(memberPersonSchema)
    .default([])
    .describe('The persons the source names (001 annex 2), in its order.'),
  unitHeads: z
    .strictObject({
      post: z.string().min(1).max(100).describe('The post of the unit head as the source writes it, e.g. `负责人`.'),
      source: citationSchema,
    })
    .optional()
    .describe(
      "Where the source says each member unit's head is a member (000 art. 4: 由成员部门负责人担任联席会议成员): one MEMBER per member unit with no named member, the name left for the office to fill in.",
    ),
});
export type Members = z.infer<typeof membersSchema>;

/**
 * Proposals to adjust the member units (调整成员单位的工作建议): to whom the joint meeting makes them
 * (000 art. 7: 向镇党委、政府提出). The office records the proposal and the answer; a proposal changes no unit.
 */
export const unitAdjustmentsSchema = z.strictObject({
  proposedTo: z
    .string()
    .min(1)
    .max(100)
    .describe('Who decides on a proposed adjustment, as the source writes it, e.g. `镇党委、政府`.'),
  source: citationSchema,
});
export type UnitAdjustments = z.infer<typeof unitAdjustmentsSchema>;
