import { z } from 'zod';
import { cadenceSchema, citationSchema, codeSchema, durationSchema, roleSchema } from './primitives';

/** Who attends a meeting type. */
export const ATTENDANCE = ['ALL_MEMBERS', 'RELEVANT_MEMBERS', 'CONVENERS', 'OFFICE'] as const;
/** Who receives the minutes once issued. */
export const DISTRIBUTION = ['ALL_MEMBERS', 'RELEVANT_MEMBERS', 'ATTENDEES'] as const;

/** A meeting type (全体会议, 工作会议, 联络会议…). */
export const meetingTypeSchema = z.strictObject({
  code: codeSchema,
  name: z.string().min(1).max(100),
  chairRole: roleSchema,
  attendees: z.enum(ATTENDANCE),
  /** Guests may be invited (列席), e.g. village secretaries at a liaison meeting (000 art. 15). */
  guestsAllowed: z.boolean().default(false),
  /** Regular cadence; absent for meetings called as needed. */
  cadence: cadenceSchema.optional(),
  /** Stricter cadence in key periods (重点时期), e.g. weekly (001 art. 5). */
  keyPeriodCadence: cadenceSchema.optional(),
  /** Roles that may call this meeting ad hoc (临时召开); empty when it cannot be called ad hoc. */
  adHocCalledBy: z.array(roleSchema).default([]),
  minutes: z.strictObject({
    /** MINUTES: 会议纪要; MEETING_DOCUMENT: 会议文件 (000 art. 9 after a plenary). */
    kind: z.enum(['MINUTES', 'MEETING_DOCUMENT']),
    /** Role whose approval the minutes need before issue (召集人审定); null: no approval. */
    approvedBy: roleSchema.nullable(),
    /**
     * Whose holder of `approvedBy` signs: this tenant's (default) or the parent tenant's. 000 art. 15:
     * the liaison meeting's document is signed by the district office director (报请区联席会议办公室主任签批).
     */
    approverScope: z.enum(['OWN', 'PARENT']).optional(),
    /** Minutes are drawn up only when the work requires it (000 art. 15: 根据工作需要形成会议文件). */
    asNeeded: z.boolean().optional(),
    distribution: z.enum(DISTRIBUTION),
    /** Copy the issued minutes to the parent tenant's joint-meeting office (002: 抄送区联席办). */
    copyUpward: z.boolean().default(false),
    /** Time the office has to draft minutes after the meeting. */
    draftWithin: durationSchema.optional(),
  }),
  /** Agenda items may be escalated from this meeting type to these meeting types (000 art. 15). */
  escalatesTo: z.array(codeSchema).default([]),
  /** Roles that major matters from this meeting go to for review (000 art. 15: 重大问题报镇联席会议召集人审阅). */
  escalatesToRoles: z.array(roleSchema).optional(),
  source: citationSchema,
});
export type MeetingTypeDeclaration = z.infer<typeof meetingTypeSchema>;

/** Rules for agreed items (议定事项) and sensitive information flow. */
export const operationsSchema = z.strictObject({
  agreedItems: z
    .strictObject({
      /** Default time for an owner unit to report implementation when the minutes set none. */
      defaultDue: durationSchema,
      /** Who accepts implementation reports. */
      acceptedBy: roleSchema,
      /** How often the office receives a digest of open and overdue items. */
      digest: cadenceSchema.optional(),
      source: citationSchema,
    })
    .optional(),
  sensitiveInformation: z
    .strictObject({
      /** Deadline for the responsible unit to report verification and handling. */
      verifyWithin: durationSchema,
      onSiteVerification: z.boolean().default(true),
      source: citationSchema,
    })
    .optional(),
  issueLists: z
    .strictObject({
      cadence: cadenceSchema.optional(),
      recipient: roleSchema,
      source: citationSchema,
    })
    .optional(),
  /** Reports upward (000 art. 14, 001 art. 6). */
  reportsUpward: z
    .strictObject({
      to: z.enum(['OWN_JOINT_MEETING', 'PARENT_JOINT_MEETING', 'BOTH']),
      source: citationSchema,
    })
    .optional(),
});
