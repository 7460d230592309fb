import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar } from '@engine/graphql';

/** REPORTED → NOTIFIED → VERIFIED → CLOSED; the office may send a verification back (VERIFIED → NOTIFIED). */
export enum SensitiveReportStatus {
  REPORTED = 'REPORTED',
  NOTIFIED = 'NOTIFIED',
  VERIFIED = 'VERIFIED',
  CLOSED = 'CLOSED',
}
registerEnumType(SensitiveReportStatus, {
  name: 'SensitiveReportStatus',
  description: 'REPORTED → NOTIFIED → VERIFIED → CLOSED (VERIFIED → NOTIFIED when sent back).',
});

/** The reporter's own grading. The sources grade nothing (000 art. 11, 001 art. 11): a platform choice. */
export enum SensitiveSeverity {
  GENERAL = 'GENERAL',
  SERIOUS = 'SERIOUS',
  MAJOR = 'MAJOR',
}
registerEnumType(SensitiveSeverity, {
  name: 'SensitiveSeverity',
  description: "一般 / 较大 / 重大 — the reporter's grading; the sources define none.",
});

export enum SensitiveReportAction {
  REPORTED = 'REPORTED',
  NOTIFIED = 'NOTIFIED',
  VERIFIED = 'VERIFIED',
  RETURNED = 'RETURNED',
  CLOSED = 'CLOSED',
  CIRCULATED = 'CIRCULATED',
}
registerEnumType(SensitiveReportAction, { name: 'SensitiveReportAction' });

/** One step of a report's history, as stored (jsonb). */
export interface SensitiveReportStep {
  action: SensitiveReportAction;
  at: string;
  byUserId: string;
  note: string | null;
}

@ObjectType('SensitiveReportEvent')
export class SensitiveReportEvent {
  @Field(() => SensitiveReportAction)
  action: SensitiveReportAction;

  @Field()
  at: Date;

  @Field(() => String, { nullable: true })
  note: string | null;
}

/**
 * Important sensitive petition information (重要敏感信访信息, 000 art. 11, 001 art. 11): reported by a
 * member unit (or the office) to the office, which notifies the responsible unit (属事单位) and follows
 * up its on-site verification (落地核查) and handling.
 */
@Entity('sensitive_report')
@ObjectType('SensitiveReport')
export class SensitiveReport {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ type: 'text' })
  @Field()
  content: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  @Field({ description: 'When it happened or became known.' })
  occurredAt: Date;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  location: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => SensitiveSeverity, { nullable: true })
  severity: SensitiveSeverity | null;

  @Column({ type: 'text' })
  @Field(() => SensitiveReportStatus)
  status: SensitiveReportStatus;

  /** The reporting member unit; null when the office recorded it itself. */
  @Column({ name: 'reporting_unit_id', type: 'uuid', nullable: true })
  reportingUnitId: string | null;

  @Column({ name: 'reported_by', type: 'uuid' })
  reportedById: string;

  @Column({ name: 'reported_at', type: 'timestamptz', default: () => 'now()' })
  @Field()
  reportedAt: Date;

  /** The responsible unit (属事单位) the office notified. */
  @Column({ name: 'responsible_unit_id', type: 'uuid', nullable: true })
  responsibleUnitId: string | null;

  /** 001 art. 11 (视情向相关部门和各村通报): the units the office circulated it to; they read it. */
  @Column({ name: 'circulated_unit_ids', type: 'uuid', array: true, default: () => "'{}'" })
  circulatedUnitIds: string[];

  /** The office's instructions with the notification. */
  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  instructions: string | null;

  /** The office's comment when it last sent the verification back (what to add). */
  @Column({ name: 'return_comment', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'What the office asked for when it last sent the verification back.',
  })
  returnComment: string | null;

  @Column({ name: 'notified_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  notifiedAt: Date | null;

  /** How many times the office has notified (1, then +1 per return): keys the notifications. */
  @Column({ type: 'integer', default: 0 })
  round: number;

  /** The plugin's verifyWithin counted from the notification date on the working-day calendar. */
  @Column({ name: 'verify_due_on', type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'YYYY-MM-DD, Beijing time; null until notified.' })
  verifyDueOn: string | null;

  /** How the due date's figure is based (D5): the article stating it, or a default; null until notified. */
  @Column({ name: 'verify_basis', type: 'jsonb', nullable: true })
  verifyBasis: unknown;

  @Column({ name: 'verify_due_provisional', type: 'boolean', default: false })
  @Field({ description: 'The due date depends on a year whose holiday arrangement is not loaded yet.' })
  verifyDueProvisional: boolean;

  @Column({ name: 'verified_on_site', type: 'boolean', nullable: true })
  @Field(() => Boolean, { nullable: true })
  verifiedOnSite: boolean | null;

  /** 核查情况 */
  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '核查情况: what the on-site verification found.' })
  verification: string | null;

  /** 处理情况 */
  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '处理情况: how the unit handled it.' })
  handling: string | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  verifiedAt: Date | null;

  @Column({ name: 'closing_note', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  closingNote: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  /** The plugin rule this record follows, e.g. `000 art. 11`. */
  @Column({ type: 'text' })
  @Field({ description: 'The source article of the plugin rule this report follows.' })
  rule: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  steps: SensitiveReportStep[];

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
