import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum WorkPlanStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
}
registerEnumType(WorkPlanStatus, {
  name: 'WorkPlanStatus',
  description:
    'DRAFT (the office edits) → SUBMITTED → APPROVED, or RETURNED with a comment (edited and submitted again).',
});

/** A year's work points (年度工作要点): drafted by the office, approved by the role the plugin names. */
@Entity('work_plan')
@ObjectType('WorkPlan', {
  description: 'The annual work points (年度工作要点) of a joint meeting (000 art. 6, 001 art. 9).',
})
export class WorkPlan {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'integer' })
  @Field(() => Int)
  year: number;

  @Column({ type: 'text' })
  @Field()
  title: string;

  @Column({ type: 'text' })
  @Field(() => WorkPlanStatus)
  status: WorkPlanStatus;

  @Column({ type: 'text' })
  @Field({ description: "The article the work points rest on (the plugin's officeDocuments.workPoints.source)." })
  source: string;

  @Column({ name: 'drafted_by', type: 'uuid' })
  @Field(() => ID)
  draftedById: string;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  submittedById: string | null;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  approvedById: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'return_comment', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  returnComment: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** One work point; tracked through the agreed items (议定事项) the office links to it. */
@Entity('work_plan_point')
@ObjectType('WorkPoint')
export class WorkPlanPoint {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  @Field(() => ID)
  id: string;

  @Column({ name: 'work_plan_id', type: 'uuid' })
  workPlanId: string;

  @Column({ type: 'integer' })
  @Field(() => Int)
  position: number;

  @Column({ type: 'text' })
  @Field()
  content: string;
}

/** How far a work point has come, from its linked agreed items (computed, never stored). */
@ObjectType('WorkPointProgress')
export class WorkPointProgress {
  @Field(() => Int, { description: 'Agreed items linked to the point.' })
  linked: number;

  @Field(() => Int, { description: "Of those, done (every owner's report accepted)." })
  done: number;

  @Field(() => Int, { description: 'Of those, open and past their due date.' })
  overdue: number;

  @Field(() => [ID], { description: 'The linked agreed items.' })
  agreedItemIds: string[];
}

export enum BriefingStatus {
  DRAFT = 'DRAFT',
  ISSUED = 'ISSUED',
}
registerEnumType(BriefingStatus, {
  name: 'BriefingStatus',
  description: 'DRAFT (the office edits) → ISSUED (numbered, sent to member units).',
});

export enum OfficePaperKind {
  BRIEFING = 'BRIEFING',
  CIRCULAR = 'CIRCULAR',
  AGREED_ITEMS_PROGRESS = 'AGREED_ITEMS_PROGRESS',
}
registerEnumType(OfficePaperKind, {
  name: 'OfficePaperKind',
  description:
    "BRIEFING (简报, 001 art. 9); CIRCULAR (工作情况通报: 收集、综合、通报有关工作情况, 000 art. 6, 001 art. 9, 002 §三), drawn from the units' work reports; AGREED_ITEMS_PROGRESS (议定事项进展通报, 002 §六(二)). Each kind is numbered in a series of its own.",
});

/** A briefing (简报) or circular (通报) compiled by the office: numbered per tenant, kind and year when issued. */
@Entity('briefing')
@ObjectType('Briefing', {
  description:
    'A briefing (简报, 001 art. 9 简报编印): numbered per year on issue, sent to member units, each acknowledging receipt.',
})
export class Briefing {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field()
  title: string;

  @Column({ type: 'text' })
  @Field()
  body: string;

  @Column({ type: 'text' })
  @Field(() => BriefingStatus)
  status: BriefingStatus;

  @Column({ type: 'text' })
  @Field({ description: 'The article the briefing rests on.' })
  source: string;

  @Column({ type: 'text', default: OfficePaperKind.BRIEFING })
  @Field(() => OfficePaperKind)
  kind: OfficePaperKind;

  @Column({ type: 'text', default: '简报' })
  @Field({
    description: 'The series as the plugin names it (简报, 工作情况通报, 议定事项进展通报): part of the number.',
  })
  series: string;

  @Column({ name: 'drawn_from', type: 'uuid', array: true, default: () => "'{}'" })
  @Field(() => [ID], {
    description:
      'The work reports member units sent to the joint meeting (000 art. 14) that a circular collects and summarises (收集、综合); empty for the other kinds.',
  })
  drawnFromReportIds: string[];

  @Column({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'The year of its number (Asia/Shanghai), once issued.' })
  year: number | null;

  @Column({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: "Its place in the year's numbering (1, 2, …), once issued." })
  seq: number | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'e.g. `十字联席简报〔2026〕第3期`, once issued.' })
  number: string | null;

  @Column({ name: 'drafted_by', type: 'uuid' })
  @Field(() => ID)
  draftedById: string;

  @Column({ name: 'issued_by', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  issuedById: string | null;

  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  issuedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  @Field(() => Date)
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** A member unit a briefing was issued to, and its receipt (签收). */
@Entity('briefing_recipient')
@ObjectType('BriefingRecipient')
export class BriefingRecipient {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'briefing_id', type: 'uuid' })
  briefingId: string;

  @PrimaryColumn({ name: 'member_unit_id', type: 'uuid' })
  @Field(() => ID)
  memberUnitId: string;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  acknowledgedById: string | null;
}
