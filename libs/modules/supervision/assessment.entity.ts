import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { JSONScalar } from '@engine/graphql';
import { MemberUnitKind } from '@modules/joint-meeting/member-unit.entity';
import { AssessmentPeriod } from './enums';
import { numeric } from './numeric';

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
  @Field(() => JSONScalar, { description: 'What was counted: notices, listings, interviews, accountability, metrics (as the plugin says).' })
  counts: Record<string, unknown>;

  @Column({ type: 'numeric', transformer: numeric })
  @Field(() => Float)
  score: number;

  @Column({ type: 'boolean' })
  @Field()
  passed: boolean;

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
