import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { JSONScalar } from '@engine/graphql';

/** A concern the office flags against a unit (造成严重影响, 越级访…): the ladder's FLAGGED rules act on it. */
@Entity('supervision_flag')
@ObjectType('SupervisionFlag')
export class SupervisionFlag {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'target_unit_id', type: 'uuid' })
  @Field(() => ID)
  targetUnitId: string;

  @Column({ name: 'target_tenant_id', type: 'uuid', nullable: true })
  targetTenantId: string | null;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  caseId: string | null;

  @Column({ type: 'text' })
  @Field({ description: "A reason code a FLAGGED rule of the tenant's ladder listens to." })
  reason: string;

  @Column({ type: 'text' })
  @Field()
  note: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  @Field(() => JSONScalar)
  facts: Record<string, unknown>;

  @Column({ name: 'flagged_by', type: 'uuid', nullable: true })
  flaggedById: string | null;

  @Column({ name: 'flagged_at', type: 'timestamptz' })
  @Field()
  flaggedAt: Date;

  @Column({ name: 'evaluated_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the ladder evaluated it.' })
  evaluatedAt: Date | null;
}
