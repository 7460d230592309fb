import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { JSONScalar, DateScalar } from '@engine/graphql';

export enum InspectionKind {
  /** Proposed by the roles the plugin names and approved by its approver. */
  PLANNED = 'PLANNED',
  /** Drawn by the platform on the plugin's cadence (002 §四(四): 每季度随机抽查). */
  RANDOM = 'RANDOM',
  /** Scheduled by the platform on the plugin's cadence, proposed to the approver (004 預測排查3: 每季度一次). */
  REGULAR = 'REGULAR',
  /** Before a major meeting, holiday or event the office registers (004 預測排查3: 在重大會議、節日、活動前). */
  EVENT = 'EVENT',
}
registerEnumType(InspectionKind, {
  name: 'InspectionKind',
  description:
    "PLANNED: proposed and approved; RANDOM: drawn by the platform (随机抽查); REGULAR: scheduled on the plugin's cadence; EVENT: before a major meeting, holiday or event.",
});

/** PROPOSED → APPROVED or REJECTED; APPROVED → CARRIED_OUT (findings recorded) → REPORTED. */
export enum InspectionStatus {
  PROPOSED = 'PROPOSED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  CARRIED_OUT = 'CARRIED_OUT',
  REPORTED = 'REPORTED',
}
registerEnumType(InspectionStatus, {
  name: 'InspectionStatus',
  description: 'PROPOSED → APPROVED | REJECTED; APPROVED → CARRIED_OUT → REPORTED.',
});

/** Where the plugin says an inspection is reported (`supervision.inspections.reportTo`). */
export enum InspectionReportTo {
  OWN_JOINT_MEETING = 'OWN_JOINT_MEETING',
  PARENT_CONVENER = 'PARENT_CONVENER',
}
registerEnumType(InspectionReportTo, {
  name: 'InspectionReportTo',
  description:
    "OWN_JOINT_MEETING: the tenant's conveners; PARENT_CONVENER: the parent tenant's conveners (000 art. 13).",
});

export enum InspectionReportDelivery {
  DELIVERED = 'DELIVERED',
  /** PARENT_CONVENER with no parent tenant on the platform: recorded, to be reported outside it. */
  UNDELIVERABLE = 'UNDELIVERABLE',
}
registerEnumType(InspectionReportDelivery, {
  name: 'InspectionReportDelivery',
  description:
    "UNDELIVERABLE: the plugin reports to the parent's convener but the tenant has no parent on the platform.",
});

export enum FindingSeverity {
  GENERAL = 'GENERAL',
  SERIOUS = 'SERIOUS',
}
registerEnumType(FindingSeverity, { name: 'InspectionFindingSeverity' });

/** Stored in `reported_to` after the destination when the report could not be delivered. */
export const UNDELIVERABLE_SUFFIX = ':UNDELIVERABLE';

/** An inspection (督查): proposed, approved by the convener, carried out with findings per unit, reported. */
@Entity('inspection')
@ObjectType('Inspection')
export class Inspection {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ type: 'text' })
  @Field(() => InspectionKind)
  kind: InspectionKind;

  @Column({ type: 'text' })
  @Field()
  title: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What is inspected (督查内容).' })
  scope: string | null;

  @Column({ type: 'text' })
  @Field(() => InspectionStatus)
  status: InspectionStatus;

  @Column({ name: 'period_start', type: 'date', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD: the period inspected (a random inspection: its cadence period).',
  })
  periodStart: string | null;

  @Column({ name: 'period_end', type: 'date', nullable: true })
  @Field(() => String, { nullable: true })
  periodEnd: string | null;

  /** For RANDOM: the recorded draw (seed, candidates, drawn units); see `InspectionSample`. */
  @Column({ name: 'organiser_unit_id', type: 'uuid', nullable: true })
  @Field(() => ID, {
    nullable: true,
    description:
      'A joint inspection organised by a member unit (001 art. 13: 也可由相关部门组织实施); null: the office organises.',
  })
  organiserUnitId: string | null;

  @Column({ name: 'participant_unit_ids', type: 'uuid', array: true, default: () => "'{}'" })
  @Field(() => [ID], { description: 'The member units taking part (001 art. 13: 相关部门派员参加).' })
  participantUnitIds: string[];

  @Column({ name: 'event_name', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'EVENT: the major meeting, holiday or event it comes before.' })
  eventName: string | null;

  @Column({ name: 'event_on', type: 'date', nullable: true })
  @Field(() => DateScalar, {
    nullable: true,
    description: 'EVENT: the day of the event (YYYY-MM-DD); the inspection is due before it.',
  })
  eventOn: string | null;

  @Column({ type: 'jsonb', nullable: true })
  @Field(() => JSONScalar, {
    nullable: true,
    description: 'RANDOM only: the recorded draw — algorithm, seed, candidates, sample size and the units drawn.',
  })
  sample: Record<string, unknown> | null;

  @Column({ type: 'text' })
  @Field({ description: 'The plugin rule the inspection follows, with its source article.' })
  rule: string;

  @Column({ name: 'proposed_by', type: 'uuid', nullable: true })
  proposedById: string | null;

  @Column({ name: 'proposed_at', type: 'timestamptz' })
  @Field()
  proposedAt: Date;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_note', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  decisionNote: string | null;

  @Column({ name: 'carried_out_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  carriedOutAt: Date | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The report (督查情况报告).' })
  report: string | null;

  /** `OWN_JOINT_MEETING`, `PARENT_CONVENER`, or `PARENT_CONVENER:UNDELIVERABLE`. */
  @Column({ name: 'reported_to', type: 'text', nullable: true })
  reportedTo: string | null;

  @Column({ name: 'reported_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  reportedAt: Date | null;

  @Column({ name: 'dedupe_key', type: 'text', nullable: true })
  dedupeKey: string | null;
}

/** A finding (督查发现的问题) about one unit: a member unit, and for a TOWNSHIP unit the child tenant it stands for. */
@Entity('inspection_finding')
@ObjectType('InspectionFinding')
export class InspectionFinding {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'inspection_id', type: 'uuid' })
  inspectionId: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ name: 'target_tenant_id', type: 'uuid', nullable: true })
  targetTenantId: string | null;

  @Column({ type: 'text' })
  @Field()
  finding: string;

  @Column({ type: 'text' })
  @Field(() => FindingSeverity)
  severity: FindingSeverity;

  @Column({ name: 'rectification_due_on', type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'YYYY-MM-DD: when the unit must have rectified it.' })
  rectificationDueOn: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedById: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  @Field()
  recordedAt: Date;
}
