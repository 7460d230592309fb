import semver from 'semver';
import { z } from 'zod';
import { casesSchema } from './cases';
import { meetingTypeSchema, operationsSchema } from './meetings';
import { citationSchema, keySchema, levelSchema } from './primitives';
import { countedMemberUnitsSchema, memberUnitSchema, membershipChangesSchema, structureSchema } from './structure';
import { membersSchema } from './members';
import { officeDocumentsSchema } from './office-documents';
import { supervisionSchema } from './supervision';
import { rulesChangesSchema } from './governance';
import type { PluginHooks } from './hooks';

/** The SDK's own version; a plugin's `sdk` range must include it. */
export const SDK_VERSION = '1.0.0';

const semverSchema = z.string().refine((v) => semver.valid(v) !== null, 'must be a semantic version such as 1.0.0');
const rangeSchema = z.string().refine((v) => semver.validRange(v) !== null, 'must be a semver range such as ^1.0.0');

/** Identity of a plugin: who it is and which source document it encodes. */
export const identitySchema = z.strictObject({
  id: keySchema.describe('Stable id, e.g. `shizi-town`. Tenants refer to their plugin by it.'),
  version: semverSchema.describe(
    'Semantic version of this plugin (1.0.0). A published id@version is immutable: change anything, raise the version.',
  ),
  name: z.string().min(1).max(100).describe('Human name, e.g. `十字镇信访工作联席会议`.'),
  tenantName: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe("The jurisdiction's own name (`十字镇`): the default name of tenants onboarded on this plugin."),
  level: levelSchema,
  extends: z
    .array(keySchema)
    .default([])
    .describe('Plugins this one builds on, applied left to right, then this plugin on top.'),
  sdk: rangeSchema.describe('Range of plugin-SDK versions this plugin was written for.'),
  source: z
    .strictObject({
      file: z.string().min(1).max(200).describe('File name (or reference) of the rules document this plugin encodes.'),
      title: z.string().min(1).max(200).describe('Title of the rules document, as it reads.'),
      date: z.iso.date().nullable().describe('ISO date of the document, or null where the source carries none.'),
    })
    .describe('The rules document (规则文件) this plugin encodes.'),
  onboardable: z
    .boolean()
    .default(true)
    .describe('Whether tenants can be onboarded on it directly (false for pure bases).'),
});

const hooksSchema = z
  .strictObject({
    scoreAssessment: z
      .custom<NonNullable<PluginHooks['scoreAssessment']>>((v) => typeof v === 'function', 'must be a function')
      .optional(),
    rankScore: z
      .custom<NonNullable<PluginHooks['rankScore']>>((v) => typeof v === 'function', 'must be a function')
      .optional(),
  })
  .optional();

/** The data sections of a plugin (everything but identity and hooks): what a YAML or JSON plugin holds. */
export const dataSections = {
  structure: structureSchema.describe(
    'The joint meeting: its name, conveners, office and leadership posts (联席会议组成).',
  ),
  memberUnits: z
    .array(memberUnitSchema)
    .default([])
    .describe('Member units (成员单位) the source names; inherited lists merge by name.'),
  countedMemberUnits: z
    .array(countedMemberUnitsSchema)
    .default([])
    .describe('Member units the source only counts (e.g. 11 community committees): named at onboarding.'),
  membershipChanges: membershipChangesSchema.describe(
    'How a change of member persons or units is filed (备案) and who it is reported to.',
  ),
  members: membersSchema
    .default({ persons: [] })
    .describe(
      "The joint meeting's members (成员) as the source names them: persons, posts, units, roles (001 annex 2; 000 art. 4).",
    ),
  meetingTypes: z
    .array(meetingTypeSchema)
    .min(1)
    .describe('Meeting types (全体会议, 工作会议…) with their chairs, cadences and minutes; merge by code.'),
  officeDocuments: officeDocumentsSchema
    .default({})
    .describe("The office's own documents: annual work points (年度工作要点) and briefings (简报)."),
  operations: operationsSchema
    .default({})
    .describe('Agreed items (议定事项), sensitive information, issue lists and reports upward.'),
  supervision: supervisionSchema
    .default({ ladder: [], appliesToDescendants: false })
    .describe('Supervision (督查督办): notices, the escalation ladder, listed supervision, assessment.'),
  cases: casesSchema
    .default({ stepLimits: [], categories: [] })
    .describe('Petition cases: reception, ownership (包案), step time limits, categories, ledgers.'),
  rulesChanges: rulesChangesSchema
    .optional()
    .describe(
      "How a change of this tenant's rules is approved and reported (规则变更); absent: platform default, no approval, conveners told.",
    ),
};

const sections = { ...dataSections, hooks: hooksSchema };

/**
 * The complete, effective configuration of a plugin after `extends` is resolved. Cross-field rules
 * (the office host is a member unit, codes are unique, references resolve) are checked here.
 */
export const effectivePluginSchema = identitySchema.extend(sections).superRefine((p, ctx) => {
  const unitNames = new Set<string>();
  p.memberUnits.forEach((u, i) => {
    for (const name of [u.name, ...u.aliases]) {
      if (unitNames.has(name))
        ctx.addIssue({
          code: 'custom',
          path: ['memberUnits', i, 'name'],
          message: `duplicate member unit name "${name}"`,
        });
      unitNames.add(name);
    }
  });
  const host = p.structure.office.hostUnit;
  if (host !== null && !unitNames.has(host)) {
    ctx.addIssue({
      code: 'custom',
      path: ['structure', 'office', 'hostUnit'],
      message: `"${host}" is not one of the member units`,
    });
  }
  const chiefs = p.structure.conveners.filter((c) => c.role === 'CHIEF_CONVENER');
  if (chiefs.length > 1)
    ctx.addIssue({ code: 'custom', path: ['structure', 'conveners'], message: 'at most one chief convener' });
  p.structure.conveners.forEach((c, i) => {
    if (c.role !== 'CHIEF_CONVENER' && c.role !== 'CONVENER') {
      ctx.addIssue({
        code: 'custom',
        path: ['structure', 'conveners', i, 'role'],
        message: 'a convener must have role CONVENER or CHIEF_CONVENER',
      });
    }
  });
  if (p.structure.office.director.role !== 'OFFICE_DIRECTOR') {
    ctx.addIssue({
      code: 'custom',
      path: ['structure', 'office', 'director', 'role'],
      message: 'the office director must have role OFFICE_DIRECTOR',
    });
  }
  const convenerKeys = new Set(p.structure.conveners.map((c) => c.key));
  p.members.persons.forEach((m, i) => {
    if (m.unit !== null && !unitNames.has(m.unit))
      ctx.addIssue({
        code: 'custom',
        path: ['members', 'persons', i, 'unit'],
        message: `"${m.unit}" is not one of the member units`,
      });
    if (m.convener !== undefined && !convenerKeys.has(m.convener))
      ctx.addIssue({
        code: 'custom',
        path: ['members', 'persons', i, 'convener'],
        message: `"${m.convener}" is not one of the conveners' keys`,
      });
    if (m.convener !== undefined && m.role !== 'CONVENER')
      ctx.addIssue({
        code: 'custom',
        path: ['members', 'persons', i, 'convener'],
        message: 'only a CONVENER holds a convener post',
      });
  });
  const codes = new Set<string>();
  p.meetingTypes.forEach((m, i) => {
    if (codes.has(m.code))
      ctx.addIssue({
        code: 'custom',
        path: ['meetingTypes', i, 'code'],
        message: `duplicate meeting type code "${m.code}"`,
      });
    codes.add(m.code);
  });
  p.meetingTypes.forEach((m, i) =>
    m.escalatesTo.forEach((target, j) => {
      if (!codes.has(target))
        ctx.addIssue({
          code: 'custom',
          path: ['meetingTypes', i, 'escalatesTo', j],
          message: `unknown meeting type "${target}"`,
        });
    }),
  );
  const ladderIds = new Set<string>();
  p.supervision.ladder.forEach((r, i) => {
    if (ladderIds.has(r.id))
      ctx.addIssue({
        code: 'custom',
        path: ['supervision', 'ladder', i, 'id'],
        message: `duplicate ladder rule id "${r.id}"`,
      });
    ladderIds.add(r.id);
  });
  const listed = p.supervision.listedSupervision;
  if (listed && !listed.steps.some((s) => s.code === listed.acceptanceStep)) {
    ctx.addIssue({
      code: 'custom',
      path: ['supervision', 'listedSupervision', 'acceptanceStep'],
      message: `"${listed.acceptanceStep}" is not one of the steps`,
    });
  }
  // Key cases by ownership tier name tiers of this plugin (where it declares ownership; else an ancestor's).
  const tiers = p.cases.ownership?.tiers.map((t) => t.id);
  p.cases.keyCases?.ownershipTiers.forEach((id, i) => {
    if (tiers && !tiers.includes(id))
      ctx.addIssue({
        code: 'custom',
        path: ['cases', 'keyCases', 'ownershipTiers', i],
        message: `"${id}" is not one of cases.ownership.tiers`,
      });
  });
});

/** A plugin as declared, before `extends` is resolved: identity plus any sections (checked once effective). */
export const declaredPluginSchema = identitySchema.extend({
  structure: z.unknown().optional(),
  memberUnits: z.unknown().optional(),
  countedMemberUnits: z.unknown().optional(),
  membershipChanges: z.unknown().optional(),
  members: z.unknown().optional(),
  officeDocuments: z.unknown().optional(),
  meetingTypes: z.unknown().optional(),
  operations: z.unknown().optional(),
  supervision: z.unknown().optional(),
  cases: z.unknown().optional(),
  rulesChanges: z.unknown().optional(),
  hooks: hooksSchema,
  remove: z
    .array(z.string().min(1).max(200))
    .default([])
    .describe('Keys of inherited keyed items to drop (`meetingTypes:PLENARY`, `supervision.ladder:bottom-three`).'),
});

export type EffectivePlugin = z.output<typeof effectivePluginSchema>;
export type PluginIdentity = z.output<typeof identitySchema>;

/** The section types of an effective plugin, one per top-level section (what hooks and the engine read). */
export type PluginSections = Omit<EffectivePlugin, keyof PluginIdentity | 'hooks'>;
export type MembershipChanges = PluginSections['membershipChanges'];
export type MembersSection = PluginSections['members'];
export type OfficeDocumentsSection = PluginSections['officeDocuments'];
export type Operations = PluginSections['operations'];
export type MemberUnits = PluginSections['memberUnits'];
export type MeetingTypes = PluginSections['meetingTypes'];
type Sections = z.input<typeof effectivePluginSchema>;

type DeepPartial<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer U)[]
    ? DeepPartial<U>[]
    : T extends object
      ? { [K in keyof T]?: DeepPartial<T[K]> }
      : T;

/** What a plugin author writes: a complete plugin, or, with `extends`, only what it adds or overrides. */
export type PluginDeclaration =
  | (Sections & { extends?: []; remove?: never })
  | (z.input<typeof identitySchema> & { extends: [string, ...string[]]; remove?: string[] } & DeepPartial<
        Omit<Sections, keyof z.input<typeof identitySchema>>
      >);

/**
 * Declares a jurisdiction plugin. The registry validates it at load time and reports any bad field
 * with its path; this function only gives the declaration its type.
 */
export function definePlugin<const T extends PluginDeclaration>(declaration: T): T {
  return declaration;
}

export { citationSchema };
