import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@core/identity/entities';
import { JSONScalar } from '@engine/graphql';

export enum RuleChangeKind {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  CHANGED = 'CHANGED',
}
registerEnumType(RuleChangeKind, {
  name: 'RuleChangeKind',
  description: 'What happens to a field of the rules: ADDED, REMOVED or CHANGED.',
});

/** One changed field of the rules. */
@ObjectType()
export class RuleChangeModel {
  @Field({ description: 'The field, keyed list items named by their key: `meetingTypes[MONTHLY_WORK].cadence.rrule`.' })
  path: string;

  @Field(() => RuleChangeKind)
  kind: RuleChangeKind;

  @Field(() => JSONScalar, { nullable: true, description: 'The value in force (null when ADDED).' })
  before: unknown;

  @Field(() => JSONScalar, { nullable: true, description: 'The value after the change (null when REMOVED).' })
  after: unknown;
}

/** A running item of the tenant that the change touches. */
@ObjectType()
export class AffectedItemModel {
  @Field({
    description:
      "CADENCE_OBLIGATION (an open or superseded cadence obligation), SUPERVISION_PROPOSAL (a pending ladder proposal), CASE_DEADLINE (an open case's time limit).",
  })
  kind: string;

  @Field()
  id: string;

  @Field({ description: 'Meeting type and period, ladder rule and unit, or case number and due date.' })
  label: string;

  @Field(() => [String], { description: 'The changed fields that touch it.' })
  paths: string[];

  @Field({ description: 'What applying the change does to it.' })
  effect: string;
}

/** What a change of a tenant's rules to another plugin version would change, before it is asked for. */
@ObjectType()
export class RulesDiff {
  @Field()
  tenantCode: string;

  @Field()
  pluginId: string;

  @Field()
  fromVersion: string;

  @Field()
  toVersion: string;

  @Field({
    description: 'Whether the rules in force say a superior approves a change (rulesChanges.approval: SUPERIOR).',
  })
  approvalRequired: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'The article of the rules in force on rules changes; null: the platform default (no approval; the conveners are told).',
  })
  rulesChangesSource: string | null;

  @Field(() => [Role], { description: 'Roles of the tenant the filed change is reported to.' })
  reportTo: Role[];

  @Field(() => [RuleChangeModel], { description: 'Field by field; empty when the rules are the same.' })
  changes: RuleChangeModel[];

  @Field(() => [AffectedItemModel], {
    description:
      'Running items the change would touch: open cadence obligations, pending ladder proposals, open case deadlines.',
  })
  affected: AffectedItemModel[];
}
