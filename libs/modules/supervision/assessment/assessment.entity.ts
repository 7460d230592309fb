import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { JSONScalar } from '@engine/graphql';
import { MemberUnitKind } from '@core/joint-meeting/entities';
import { AssessmentPeriod } from '../enums';
import { numeric } from '../numeric';

/** The outcome in one word: NOT_JUDGED where the source states no scoring and nobody recorded the jurisdiction's result. */
export enum AssessmentOutcome {
  PASSED = 'PASSED',
  FAILED = 'FAILED',
  NOT_JUDGED = 'NOT_JUDGED',
}
registerEnumType(AssessmentOutcome, { name: 'AssessmentOutcome' });

/** A unit's periodic assessment (考核) from notices, listings, interviews, accountability and metrics. */
@Entity('assessment')
@ObjectType('Assessment')
export class Assessment {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ type: 'text' })
  @Field(() => AssessmentPeriod)
  period: AssessmentPeriod;

  @Column({ name: 'period_start', type: 'date' })
  @Field()
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  @Field()
  periodEnd: string;

  @Column({ name: 'target_unit_id', type: 'uuid' })
  @Field(() => ID)
  targetUnitId: string;

  @Column({ name: 'target_tenant_id', type: 'uuid', nullable: true })
  targetTenantId: string | null;

  @Field()
  unitName: string;

  @Field(() => MemberUnitKind)
  unitKind: MemberUnitKind;

  @Column({ type: 'jsonb' })
  @Field(() => JSONScalar, {
    description: 'What was counted: notices, listings, interviews, accountability, metrics (as the plugin says).',
  })
  counts: Record<string, unknown>;

  @Column({ type: 'numeric', transformer: numeric, nullable: true })
  @Field(() => Float, {
    nullable: true,
    description: "The score by the plugin's formula or hook; null when the source states no scoring (facts only).",
  })
  score: number | null;

  @Column({ type: 'boolean', nullable: true })
  @Field(() => Boolean, {
    nullable: true,
    description:
      "Passed or failed, by the plugin's formula against its pass mark or as recorded by the person the plugin names; null when not judged.",
  })
  passed: boolean | null;

  @Field(() => AssessmentOutcome)
  outcome: AssessmentOutcome;

  @Field(() => [String], {
    description: 'Evaluations this result is an input to (002 §四(四): 平安社区、年度绩效考评), as the plugin says.',
  })
  feedsInto: string[];

  @Column({ name: 'judged_by', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "PLUGIN_SCORING, PLUGIN_HOOK or RECORDED (the jurisdiction's own result, recorded); null: not judged.",
  })
  judgedBy: string | null;

  @Column({ name: 'outcome_basis', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "A recorded outcome: the jurisdiction's decision it rests on (考核结果, document number).",
  })
  outcomeBasis: string | null;

  @Column({ name: 'outcome_recorded_by', type: 'uuid', nullable: true })
  outcomeRecordedBy: string | null;

  @Column({ name: 'outcome_recorded_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  outcomeRecordedAt: Date | null;

  @Column({ name: 'reported_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, {
    nullable: true,
    description: "When the results were reported to the plugin's departments (003 §七: 向县目标绩效部门通报).",
  })
  reportedAt: Date | null;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'One-vote veto (一票否决, 004): failed, with the consequences the plugin names.' })
  vetoed: boolean;

  @Column({ name: 'veto_reason', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  vetoReason: string | null;

  @Column({ type: 'text' })
  @Field({ description: 'The plugin rule, its source, and the formula used (hook or platform default).' })
  rule: string;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  @Field()
  computedAt: Date;
}
