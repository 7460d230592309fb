import { z } from 'zod';
import { cadenceSchema, citationSchema, codeSchema, roleSchema } from './primitives';
import { statedDurationSchema } from './supervision-escalation';

/** Who attends a meeting type. */
export const ATTENDANCE = ['ALL_MEMBERS', 'RELEVANT_MEMBERS', 'CONVENERS', 'OFFICE'] as const;
/** Who receives the minutes once issued. */
export const DISTRIBUTION = ['ALL_MEMBERS', 'RELEVANT_MEMBERS', 'ATTENDEES', 'VILLAGES_AND_RELEVANT_MEMBERS'] as const;

/** A meeting type (全体会议, 工作会议, 联络会议…). */
export const meetingTypeSchema = z.strictObject({
  code: codeSchema,
  name: z.string().min(1).max(100).describe("The meeting's name as the source writes it (全体会议, 工作例会)."),
  chairRole: roleSchema,
  attendees: z
    .enum(ATTENDANCE)
    .describe('Who attends: ALL_MEMBERS, RELEVANT_MEMBERS (相关成员单位), CONVENERS or OFFICE.'),
  guestsAllowed: z
    .boolean()
    .default(false)
    .describe('Guests may be invited (列席), e.g. village secretaries at a liaison meeting (000 art. 15).'),
  cadence: cadenceSchema.optional().describe('Regular cadence; absent for meetings called as needed.'),
  keyPeriodCadence: cadenceSchema
    .optional()
    .describe('Stricter cadence in key periods (重点时期), e.g. weekly (001 art. 5).'),
  adHocCalledBy: z
    .array(roleSchema)
    .default([])
    .describe('Roles that may call this meeting ad hoc (临时召开); empty when it cannot be called ad hoc.'),
  minutes: z
    .strictObject({
      kind: z
        .enum(['MINUTES', 'MEETING_DOCUMENT'])
        .describe('MINUTES: 会议纪要; MEETING_DOCUMENT: 会议文件 (000 art. 9 after a plenary).'),
      approvedBy: roleSchema
        .nullable()
        .describe('Role whose approval the minutes need before issue (召集人审定); null: no approval.'),
      approverScope: z
        .enum(['OWN', 'PARENT'])
        .optional()
        .describe(
          "Whose holder of `approvedBy` signs: this tenant's (default) or the parent tenant's. 000 art. 15: the liaison meeting's document is signed by the district office director (报请区联席会议办公室主任签批).",
        ),
      asNeeded: z
        .boolean()
        .optional()
        .describe('Minutes are drawn up only when the work requires it (000 art. 15: 根据工作需要形成会议文件).'),
      distribution: z
        .enum(DISTRIBUTION)
        .describe(
          'Who receives the issued minutes: ALL_MEMBERS, RELEVANT_MEMBERS (the invited units), ATTENDEES, or VILLAGES_AND_RELEVANT_MEMBERS: every active village and community unit and the invited units (001 art. 5: 印发各村和相关部门).',
        ),
      copyUpward: z
        .boolean()
        .default(false)
        .describe("Copy the issued minutes to the parent tenant's joint-meeting office (002: 抄送区联席办)."),
    })
    .describe('Minutes (会议纪要): their kind, approval and distribution.'),
  escalatesTo: z
    .array(codeSchema)
    .default([])
    .describe('Agenda items may be escalated from this meeting type to these meeting types (000 art. 15).'),
  escalatesToRoles: z
    .array(roleSchema)
    .optional()
    .describe(
      'Roles that major matters from this meeting go to for review (000 art. 15: 重大问题报镇联席会议召集人审阅): the office refers a matter of a held meeting (referMeetingMatter), the holders review it.',
    ),
  topicsProposedBy: z
    .array(roleSchema)
    .optional()
    .describe(
      'Roles that may propose topics (议题) for this meeting type besides the office, which accepts a proposal onto a meeting or declines it with a reason (000 art. 15: 会议议题由成员单位或办公室提出).',
    ),
  source: citationSchema,
});
export type MeetingTypeDeclaration = z.infer<typeof meetingTypeSchema>;

/**
 * Operating rules: sensitive information, issue lists, reports upward. Agreed items (议定事项) take their due
 * date from the minutes and the office accepts the reports; no source sets a default time or acceptor.
 */
export const operationsSchema = z.strictObject({
  sensitiveInformation: z
    .strictObject({
      verifyWithin: statedDurationSchema.describe(
        'Deadline for the responsible unit to report verification and handling; `source` only where an article states the figure (000 and 001 art. 11 say only 及时: a default, shown as such).',
      ),
      onSiteVerification: z
        .boolean()
        .default(true)
        .describe('The responsible unit verifies on site (现场核实) before it reports.'),
      source: citationSchema,
    })
    .optional()
    .describe('Sensitive information (敏感信息): how fast it is verified and reported.'),
  issueLists: z
    .strictObject({
      recipient: roleSchema.describe('Role that receives the issue lists (问题清单).'),
      source: citationSchema,
    })
    .optional()
    .describe(
      'Issue lists (问题清单) the office draws up and sends to `recipient` when it decides (000 art. 12 says 定期 and sets no period).',
    ),
  reportsUpward: z
    .strictObject({
      to: z
        .enum(['OWN_JOINT_MEETING', 'PARENT_JOINT_MEETING', 'BOTH'])
        .optional()
        .describe(
          "Which joint-meeting channels reports take: OWN_JOINT_MEETING (member units report to this joint meeting's office, 000 art. 14), PARENT_JOINT_MEETING (the office reports to the parent tenant's joint meeting, 001 art. 6), or BOTH. Absent: no joint-meeting channel (a county reporting only to its party committee).",
        ),
      partyCommittee: z
        .strictObject({
          name: z
            .string()
            .min(2)
            .max(100)
            .describe('The recipient as the source names it (镇党委、政府; 县委、县政府主要领导).'),
          source: citationSchema,
        })
        .optional()
        .describe(
          'The office also reports (请示报告) to the party committee and government; their reply is recorded by the office (000 art. 10, 13).',
        ),
      approvedBy: roleSchema
        .optional()
        .describe(
          'Role that approves a report before the office sends it (004 領導接待日制度 6: 交主要領導審核後，由辦公室反饋上級機關); absent: no approval step.',
        ),
      source: citationSchema,
    })
    .optional()
    .describe(
      'Reports upward (请示报告): the channels, the party committee as recipient, the approval before sending.',
    ),
});
