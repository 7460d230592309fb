import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { JSONScalar, DateScalar } from '@engine/graphql';
import { MemberUnitKind } from '@core/joint-meeting/entities';
import { ActionStatus, SupervisionActionKind } from '../enums';

/** A step of a listing or an interview, as recorded. */
@ObjectType('SupervisionStep')
export class SupervisionStep {
  @Field({ description: "The plugin's step code (FILE, ISSUE_NOTICE… or FORM_TEAM…)." })
  code: string;

  @Field()
  name: string;

  @Field()
  at: string;

  @Field(() => ID, { nullable: true })
  byUserId: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => Boolean, { nullable: true, description: 'For the acceptance step (组织验收): whether it passed.' })
  passed: boolean | null;
}

/**
 * A step of the escalation ladder taken against a unit (提醒, 挂牌督办, 约谈, 问责, 点名批评), with the
 * rule that fired (or the person who opened it) and the facts behind it.
 */
@Entity('supervision_action')
@ObjectType('SupervisionAction')
export class SupervisionAction {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Field({ description: 'The supervising tenant.' })
  issuerName: string;

  @Column({ type: 'text' })
  @Field({ description: "Number, e.g. 示范信访提醒〔2026〕1号 (the reminder letter's number)." })
  number: string;

  @Column({ type: 'text' })
  @Field(() => SupervisionActionKind)
  kind: SupervisionActionKind;

  @Column({ name: 'target_unit_id', type: 'uuid' })
  @Field(() => ID)
  targetUnitId: string;

  @Column({ name: 'target_tenant_id', type: 'uuid', nullable: true })
  targetTenantId: string | null;

  @Field()
  unitName: string;

  @Field(() => MemberUnitKind)
  unitKind: MemberUnitKind;

  @Field(() => String, { nullable: true, description: 'For a TOWNSHIP unit: the code of the tenant it stands for.' })
  targetTenantCode: string | null;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  caseId: string | null;

  @Column({ name: 'rule_id', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The ladder rule that fired (null when opened by a person).' })
  ruleId: string | null;

  @Column({ name: 'rule_source', type: 'text' })
  @Field({ description: 'The source article (and the plugin, when the rule is inherited from an ancestor).' })
  ruleSource: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  @Field(() => JSONScalar, {
    description: 'The evidence: which notices and ranks, reminders, flags, the overdue interview…',
  })
  facts: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'GENERAL or KEY (reminders), GENERAL or SERIOUS (interviews).' })
  severity: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'SMS, LETTER or IN_APP (reminders).' })
  channel: string | null;

  @Column({ type: 'text' })
  @Field(() => ActionStatus)
  status: string;

  @Column({ name: 'current_step', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The last step completed (listings).' })
  currentStep: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  @Field(() => [SupervisionStep])
  steps: SupervisionStep[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  @Field(() => JSONScalar, {
    description:
      "Per kind: the reminder's reason; the interview's team, targets, matters, record, signatures and rectification report; the accountability decision.",
  })
  detail: Record<string, unknown>;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  @Field(() => DateScalar, {
    nullable: true,
    description: "The listing's time limit (责令限期) or the rectification report's due date.",
  })
  dueOn: string | null;

  @Column({ name: 'due_provisional', type: 'boolean', default: false })
  @Field()
  dueProvisional: boolean;

  @Column({ name: 'caused_by', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The action that led to this one (the evidence chain).' })
  causedById: string | null;

  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey: string;

  @Column({ name: 'opened_by', type: 'uuid', nullable: true })
  openedById: string | null;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  @Field()
  openedAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  /** The actions that led to this one, nearest first; set by the query that loaded it. */
  evidenceChain?: SupervisionAction[];
}
