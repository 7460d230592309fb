import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateScalar } from '@engine/graphql';

/**
 * Where a report goes:
 * - PARTY_COMMITTEE: the party committee and government the plugin names (镇党委、政府; 县委、县政府主要领导),
 *   outside the platform: the office records the sending and the reply;
 * - PARENT_JOINT_MEETING: the parent tenant's joint meeting, whose office reads it, acknowledges and answers;
 * - OWN_JOINT_MEETING: a member unit's work report to its own joint meeting's office (000 art. 14);
 * - CONVENER_REVIEW: a major matter of a meeting to the roles the meeting type names (000 art. 15: 重大问题报召集人审阅).
 */
export enum ReportChannel {
  PARTY_COMMITTEE = 'PARTY_COMMITTEE',
  PARENT_JOINT_MEETING = 'PARENT_JOINT_MEETING',
  OWN_JOINT_MEETING = 'OWN_JOINT_MEETING',
  CONVENER_REVIEW = 'CONVENER_REVIEW',
}
registerEnumType(ReportChannel, {
  name: 'ReportChannel',
  description:
    "PARTY_COMMITTEE (党委、政府, recorded), PARENT_JOINT_MEETING (the parent tenant's joint meeting), OWN_JOINT_MEETING (a member unit to its joint meeting), CONVENER_REVIEW (a meeting's major matter to the convener).",
});

/** DRAFT → (SUBMITTED → APPROVED, where the plugin names an approver) → SENT → ACKNOWLEDGED → ANSWERED. */
export enum ReportStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  SENT = 'SENT',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  ANSWERED = 'ANSWERED',
}
registerEnumType(ReportStatus, {
  name: 'ReportStatus',
  description:
    "DRAFT → SUBMITTED → APPROVED (only where the plugin names an approver) → SENT → ACKNOWLEDGED → ANSWERED. A returned report is a DRAFT again with the approver's comment.",
});

export enum InstructionStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
}
registerEnumType(InstructionStatus, { name: 'InstructionStatus' });

/** A report (请示报告) of a tenant's office or member unit to a recipient above it. */
@Entity('report')
@ObjectType('Report')
export class Report {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field(() => ReportChannel)
  channel: ReportChannel;

  @Column({ name: 'recipient_name', type: 'text' })
  @Field({
    description: "The recipient as the plugin names it (镇党委、政府), or the parent's joint meeting, or the convener.",
  })
  recipientName: string;

  /** The parent tenant, for PARENT_JOINT_MEETING. */
  @Column({ name: 'recipient_tenant_id', type: 'uuid', nullable: true })
  recipientTenantId: string | null;

  /** The roles that review a CONVENER_REVIEW matter (the meeting type's escalatesToRoles). */
  @Column({ name: 'recipient_roles', type: 'text', array: true, default: () => "'{}'" })
  recipientRoles: string[];

  @Column({ name: 'subject_kind', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      'What the report is about: MEETING, CASE, CASE_REVIEW, SENSITIVE_REPORT, INSPECTION … (null: a report of its own).',
  })
  subjectKind: string | null;

  @Column({ name: 'subject_id', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  subjectId: string | null;

  @Column({ type: 'text' })
  @Field()
  title: string;

  @Column({ type: 'text' })
  @Field()
  body: string;

  @Column({ type: 'text' })
  @Field({ description: "The source article the report follows (the plugin's)." })
  rule: string;

  /** The member unit that reports, on the own joint meeting's channel. */
  @Column({ name: 'reporting_unit_id', type: 'uuid', nullable: true })
  reportingUnitId: string | null;

  @Column({ type: 'text' })
  @Field(() => ReportStatus)
  status: ReportStatus;

  @Column({ name: 'needs_approval', type: 'boolean', default: false })
  @Field({
    description:
      'The plugin names an approver (reportsUpward.approvedBy): the report is approved, by someone other than its drafter, before it is sent.',
  })
  needsApproval: boolean;

  @Column({ name: 'return_comment', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  returnComment: string | null;

  @Column({ name: 'drafted_by', type: 'uuid' })
  @Field(() => ID)
  draftedById: string;

  @Column({ name: 'drafted_at', type: 'timestamptz' })
  @Field()
  draftedAt: Date;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedById: string | null;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  approvedById: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'sent_by', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  sentById: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  sentAt: Date | null;

  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  acknowledgedById: string | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'answered_by', type: 'uuid', nullable: true })
  @Field(() => ID, {
    nullable: true,
    description: "Who recorded the answer: the recipient's user, or the office recording the party committee's reply.",
  })
  answeredById: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The reply or instructions (批示) as given.' })
  reply: string | null;

  @Column({ name: 'replied_by_name', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "Who replied, as recorded (e.g. 镇长); for the party committee's reply.",
  })
  repliedByName: string | null;

  @Column({ name: 'replied_on', type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true })
  repliedOn: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** An instruction (批示) answered to a report: a tracked item of the reporting tenant. */
@Entity('report_instruction')
@ObjectType('ReportInstruction')
export class ReportInstruction {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Column({ name: 'report_id', type: 'uuid' })
  @Field(() => ID)
  reportId: string;

  /** Copied from the report: the parent that gave it reads it (RLS). */
  @Column({ name: 'recipient_tenant_id', type: 'uuid', nullable: true })
  recipientTenantId: string | null;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  @Field()
  content: string;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true })
  dueOn: string | null;

  @Column({ type: 'text' })
  @Field(() => InstructionStatus)
  status: InstructionStatus;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'How the reporting office carried it out.' })
  result: string | null;

  @Column({ name: 'completed_by', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  completedById: string | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  completedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  @Field()
  createdAt: Date;
}

@ObjectType()
export class ReportPage {
  @Field(() => [Report])
  items: Report[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' })
  nextCursor: string | null;
}
