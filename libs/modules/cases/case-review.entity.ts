import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar } from '@engine/graphql';
import { EXCLUDED_PERIODS } from '@jm/plugin-sdk';

// A case's review (复查, 004 复查制度): its vocabularies, pauses, findings and the review record itself.

export enum ReviewBasis {
  ASSIGNED_FROM_ABOVE = 'ASSIGNED_FROM_ABOVE',
  OWN_DECISION = 'OWN_DECISION',
}
registerEnumType(ReviewBasis, { name: 'ReviewBasis', description: '上级交办 / 本级认为需要复查 (004 复查制度 一).' });

export enum ReviewStatus {
  OPEN = 'OPEN',
  DECIDED = 'DECIDED',
}
registerEnumType(ReviewStatus, { name: 'ReviewStatus' });

export enum ReviewOutcome {
  UPHELD = 'UPHELD',
  AMENDED = 'AMENDED',
  OVERTURNED = 'OVERTURNED',
}
registerEnumType(ReviewOutcome, { name: 'ReviewOutcome', description: '维持 / 变更 / 撤销 the original handling.' });

/** The periods a plugin may exclude from a deadline (the plugin SDK's EXCLUDED_PERIODS) as a GraphQL enum. */
export const ReviewPauseKind = Object.fromEntries(EXCLUDED_PERIODS.map((k) => [k, k])) as {
  [K in (typeof EXCLUDED_PERIODS)[number]]: K;
};
registerEnumType(ReviewPauseKind, { name: 'ReviewPauseKind', description: 'HEARING, EXPERT_APPRAISAL or SUSPENSION.' });

/** A period excluded from a review's count (e.g. a hearing, 听证). Stored as jsonb on the review. */
@ObjectType('ReviewPause')
export class ReviewPause {
  @Field(() => ReviewPauseKind, { description: 'HEARING, EXPERT_APPRAISAL or SUSPENSION.' })
  kind: string;

  @Field(() => DateScalar)
  from: string;

  @Field(() => DateScalar)
  to: string;
}

/** How a written notice reached the petitioner. */
export enum WrittenNoticeMethod {
  IN_PERSON = 'IN_PERSON',
  POST = 'POST',
  ELECTRONIC = 'ELECTRONIC',
}
registerEnumType(WrittenNoticeMethod, {
  name: 'WrittenNoticeMethod',
  description: 'IN_PERSON (当面送达), POST (邮寄), ELECTRONIC (电子送达).',
});

/** One check of a review opinion (004 复查制度 三.1): sound or found wanting, with a note. */
@ObjectType('ReviewFinding')
export class ReviewFinding {
  @Field({ description: 'FACTS, CHARACTERISATION, EVIDENCE, LAW, DISPOSITION or PROCEDURE (the plugin lists which).' })
  check: string;

  @Field({ description: 'True: found sound (清楚, 准确, 可靠, 合法, 恰当, 符合); false: found wanting.' })
  sound: boolean;

  @Field(() => String, { nullable: true })
  note: string | null;
}

/** A review (复查) of a handled case (004 复查制度). */
@Entity('case_review')
@ObjectType('CaseReview')
export class CaseReview {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  @Field(() => ReviewBasis)
  basis: ReviewBasis;

  @Column({ type: 'text' })
  @Field(() => ReviewStatus)
  status: ReviewStatus;

  @Column({ name: 'accepted_on', type: 'date' })
  @Field(() => DateScalar)
  acceptedOn: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  @Field(() => [ReviewPause])
  pauses: ReviewPause[];

  @Column({ name: 'due_on', type: 'date' })
  @Field(() => DateScalar, {
    description: 'The opinion is due by this date; excluded periods (hearings) do not count.',
  })
  dueOn: string;

  @Column({ name: 'due_provisional', type: 'boolean', default: false })
  @Field()
  dueProvisional: boolean;

  @Column({ type: 'text' })
  @Field({ description: 'The plugin rule with its source article.' })
  rule: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  opinion: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => ReviewOutcome, { nullable: true })
  outcome: ReviewOutcome | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  @Field(() => [ReviewFinding], {
    description: "The opinion's finding on each check the plugin lists (004 復查制度 三.1); empty where it lists none.",
  })
  findings: ReviewFinding[];

  @Column({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'The correction opinion (纠正意见, 004 復查制度 三.3), required when a listed check is found wanting.',
  })
  correction: string | null;

  @Column({ name: 'decided_on', type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true })
  decidedOn: string | null;

  @Column({ name: 'in_time', type: 'boolean', nullable: true })
  @Field(() => Boolean, { nullable: true, description: 'Whether the opinion came by its due date.' })
  inTime: boolean | null;

  @Column({ name: 'appealed_to', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Where the petitioner appealed (上级有关部门 / 区信访局).' })
  appealedTo: string | null;

  @Column({ name: 'appealed_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  appealedAt: Date | null;

  /** 004 復查制度 二: the day the petitioner was told the opinion in writing (书面告知信访人). */
  @Column({ name: 'petitioner_informed_on', type: 'date', nullable: true })
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day the petitioner was informed of the opinion in writing (书面告知信访人); null until recorded.',
  })
  petitionerInformedOn: string | null;

  @Column({ name: 'petitioner_notice_method', type: 'text', nullable: true })
  @Field(() => WrittenNoticeMethod, { nullable: true, description: 'How the written notice was served.' })
  petitionerNoticeMethod: WrittenNoticeMethod | null;

  @Column({ name: 'petitioner_informed_by', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Who recorded the written notice.' })
  petitionerInformedById: string | null;

  /** The report of the opinion to the level above (同时报上级机关), in the reporting context. */
  @Column({ name: 'report_id', type: 'uuid', nullable: true })
  @Field(() => ID, {
    nullable: true,
    description: 'The report of the opinion upward (同时报上级机关): read it with `report(id)`.',
  })
  reportId: string | null;

  @Column({ name: 'opened_by', type: 'uuid' })
  openedById: string;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  @Field()
  openedAt: Date;
}
