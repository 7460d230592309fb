import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar } from '@engine/graphql';
import { EXCLUDED_PERIODS } from '@jm/plugin-sdk';

/** A weekly progress report on an owned case (003 §二: 每周报告一次工作进度). */
@Entity('case_progress_report')
@ObjectType('CaseProgressReport')
export class CaseProgressReport {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'period_start', type: 'date' })
  @Field()
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  @Field()
  periodEnd: string;

  @Column({ type: 'text' })
  @Field()
  content: string;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  @Field()
  reportedAt: Date;

  @Column({ name: 'reported_by', type: 'uuid' })
  reportedById: string;
}

export enum LedgerLevel {
  TOWN = 'TOWN',
  COMMUNITY = 'COMMUNITY',
}
registerEnumType(LedgerLevel, {
  name: 'LedgerLevel',
  description: 'Street/town-level or community-level ledger (002 §五(四)).',
});

export enum LedgerList {
  PROBLEM = 'PROBLEM',
  RESPONSIBILITY = 'RESPONSIBILITY',
  TASK = 'TASK',
}
registerEnumType(LedgerList, { name: 'LedgerList', description: '问题清单 / 责任清单 / 任务清单' });

/** An entry of a problem, responsibility or task list (002 §五(四)). */
@Entity('case_ledger_entry')
@ObjectType('CaseLedgerEntry')
export class CaseLedgerEntry {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  @Field(() => LedgerLevel)
  level: LedgerLevel;

  @Column({ type: 'text' })
  @Field(() => LedgerList)
  list: LedgerList;

  @Column({ name: 'community_unit_id', type: 'uuid', nullable: true })
  communityUnitId: string | null;

  @Column({ type: 'text' })
  @Field()
  content: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  classification: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  measures: string | null;

  @Column({ name: 'owning_leader', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  owningLeader: string | null;

  @Column({ name: 'responsible_unit_id', type: 'uuid', nullable: true })
  responsibleUnitId: string | null;

  @Column({ name: 'responsible_person', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  responsiblePerson: string | null;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true })
  dueOn: string | null;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  doneAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  @Field()
  createdAt: Date;
}

export enum ExtensionStatus {
  REQUESTED = 'REQUESTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(ExtensionStatus, { name: 'ExtensionStatus' });

/** A request to extend a case's time limit (延期), decided by the office with a reason. */
@Entity('case_extension')
@ObjectType('CaseExtension')
export class CaseExtension {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'current_due_on', type: 'date' })
  @Field(() => DateScalar)
  currentDueOn: string;

  @Column({ name: 'requested_due_on', type: 'date' })
  @Field(() => DateScalar)
  requestedDueOn: string;

  @Column({ type: 'text' })
  @Field()
  reason: string;

  @Column({ type: 'text' })
  @Field(() => ExtensionStatus)
  status: ExtensionStatus;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedById: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  @Field()
  requestedAt: Date;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_note', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  decisionNote: string | null;
}

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

/** One leader of a reception rota (stored as jsonb on the roster). */
@ObjectType('DutyLeader')
export class DutyLeader {
  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: "The leader's platform user, when they have one." })
  userId: string | null;
}

/** The rotating reception duty of leaders (004 領導接待日制度 2), effective from a date. */
@Entity('reception_roster')
@ObjectType('ReceptionRoster')
export class ReceptionRoster {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'starts_on', type: 'date' })
  @Field(() => DateScalar)
  startsOn: string;

  @Column({ type: 'jsonb' })
  @Field(() => [DutyLeader])
  leaders: DutyLeader[];

  @Column({ type: 'text' })
  @Field({ description: "The plugin's rotation cadence at the time the roster was set." })
  rrule: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  @Field()
  createdAt: Date;
}

/** A case a monthly forecast screening found (004 預測排查制度), and what it was given. */
@Entity('case_screening')
@ObjectType('CaseScreening')
export class CaseScreening {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'period_start', type: 'date' })
  @Field()
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  @Field()
  periodEnd: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'text', array: true })
  @Field(() => [String], {
    description: 'Which criteria matched: REPEAT, SIGNED, JOINT_SIGNED, LONG_UNRESOLVED, GROUP_ORGANISER.',
  })
  criteria: string[];

  @Column({ type: 'text' })
  @Field()
  rule: string;

  @Column({ name: 'owning_leader', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  owningLeader: string | null;

  @Column({ name: 'responsible_person', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  responsiblePerson: string | null;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true })
  dueOn: string | null;

  @Column({ name: 'settled_by', type: 'uuid', nullable: true })
  settledById: string | null;

  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  settledAt: Date | null;

  @Column({ name: 'screened_at', type: 'timestamptz' })
  @Field()
  screenedAt: Date;
}
