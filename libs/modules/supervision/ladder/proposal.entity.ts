import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { JSONScalar } from '@engine/graphql';
import { MemberUnitKind } from '@core/joint-meeting/entities';

/** The step a ladder rule proposes (the plugin's `then`). */
export type ProposedStep =
  'REMINDER' | 'REMINDER_OR_INTERVIEW' | 'INTERVIEW' | 'LISTED_SUPERVISION' | 'ACCOUNTABILITY' | 'NAMED_CRITICISM';
export const PROPOSAL_STATUSES = ['PROPOSED', 'CONFIRMED', 'DISMISSED'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
/** PROPOSAL_STATUSES as a GraphQL enum. */
export const SupervisionProposalStatus = Object.fromEntries(PROPOSAL_STATUSES.map((s) => [s, s])) as {
  [S in ProposalStatus]: S;
};
registerEnumType(SupervisionProposalStatus, { name: 'SupervisionProposalStatus' });

/**
 * A step the ladder proposes (提醒, 约谈, 挂牌督办, 问责…) with the rule, its source article and the
 * evidence. Nothing is sent or filed until the office confirms it; a dismissal carries its reason.
 */
@Entity('supervision_proposal')
@ObjectType('SupervisionProposal')
export class SupervisionProposal {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  @Field(() => ID)
  id: string;

  @Column({ name: 'rule_id', type: 'text' })
  @Field({ description: 'The ladder rule that fired.' })
  ruleId: string;

  @Column({ name: 'rule_source', type: 'text' })
  @Field({ description: 'The source article (and the plugin, when the rule is inherited from an ancestor).' })
  ruleSource: string;

  @Column({ type: 'text' })
  @Field(() => String, {
    description:
      'What the rule proposes: REMINDER, REMINDER_OR_INTERVIEW (提醒或约谈: the office chooses), INTERVIEW, LISTED_SUPERVISION, ACCOUNTABILITY, NAMED_CRITICISM.',
  })
  step: ProposedStep;

  @Field(() => [String], { description: 'The kinds of action the office may confirm it as.' })
  options: string[];

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
  @Field(() => ID, { nullable: true, description: 'The key case the step is about (a listing of that case, 003 §五).' })
  caseId: string | null;

  @Column({ name: 'caused_by', type: 'uuid', nullable: true })
  @Field(() => ID, {
    nullable: true,
    description: 'The action that led to it (the overdue interview, the last reminder).',
  })
  causedById: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  @Field(() => JSONScalar, {
    description: 'The rule, its trigger in words and the evidence (notices with ranks, reminders, the flag…).',
  })
  facts: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The severity the rule suggests (the office may change it).' })
  severity: string | null;

  @Column({ type: 'boolean', default: false })
  @Field({
    description: 'Confirmed as written because the plugin declares the rule automatic (a general reminder only).',
  })
  automatic: boolean;

  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey: string;

  @Column({ type: 'text' })
  @Field(() => SupervisionProposalStatus, { description: 'PROPOSED, CONFIRMED or DISMISSED.' })
  status: ProposalStatus;

  @Column({ name: 'proposed_at', type: 'timestamptz' })
  @Field()
  proposedAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Who confirmed or dismissed it (null: automatic).' })
  decidedById: string | null;

  @Column({ type: 'jsonb', nullable: true })
  @Field(() => JSONScalar, {
    nullable: true,
    description: 'The decision: the kind, severity and channel confirmed, or the reason for dismissing.',
  })
  decision: Record<string, unknown> | null;

  @Column({ name: 'action_id', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The action the confirmation created.' })
  actionId: string | null;
}
