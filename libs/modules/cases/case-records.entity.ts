import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar } from '@engine/graphql';

// The records a case accumulates: progress reports, ledger entries, extensions, reception rosters and
// screenings; reviews live in case-review.entity.ts.

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
