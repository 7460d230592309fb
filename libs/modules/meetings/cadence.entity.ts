import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar } from '@engine/graphql';

/** Where a cadence obligation stands. */
export const CadenceObligationStatus = {
  OPEN: 'OPEN',
  MET: 'MET',
  MISSED: 'MISSED',
  SUPERSEDED: 'SUPERSEDED',
} as const;
registerEnumType(CadenceObligationStatus, {
  name: 'CadenceObligationStatus',
  description: 'OPEN, MET, MISSED, or SUPERSEDED (a rules change removed its cadence before the period ended).',
});

/** A key period (重点时期) declared by the office: the stricter cadence applies inside it. */
@Entity('key_period')
@ObjectType('KeyPeriod')
export class KeyPeriod {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'starts_on', type: 'date' })
  @Field(() => DateScalar)
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  @Field(() => DateScalar)
  endsOn: string;

  @Column({ type: 'text' })
  @Field()
  reason: string;

  @Column({ name: 'declared_by', type: 'uuid' })
  declaredById: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A meeting the cadence requires in a period; MET by a held meeting of the type, or MISSED; SUPERSEDED
 * when a rules change removed its cadence before its period ended (neither met nor missed).
 */
@Entity('cadence_obligation')
@ObjectType('CadenceObligation')
export class CadenceObligation {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'type_code', type: 'text' })
  @Field()
  typeCode: string;

  @Column({ name: 'period_start', type: 'date' })
  @Field()
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  @Field()
  periodEnd: string;

  @Column({ name: 'key_period', type: 'boolean', default: false })
  @Field({ description: 'Required by the key-period cadence rather than the regular one.' })
  keyPeriod: boolean;

  @Column({ type: 'text' })
  @Field()
  rrule: string;

  @Column({ type: 'text' })
  @Field(() => CadenceObligationStatus, {
    description: 'OPEN, MET, MISSED, or SUPERSEDED (a rules change removed its cadence before the period ended).',
  })
  status: 'OPEN' | 'MET' | 'MISSED' | 'SUPERSEDED';

  @Column({ name: 'meeting_id', type: 'uuid', nullable: true })
  meetingId: string | null;
}
