import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateScalar } from '@engine/graphql';

/**
 * A cadre's area (干部包片, 002 六(三)): the office assigns a cadre (a user of the tenant) to a village or
 * community (片). One current cadre per area; a reassignment ends the earlier row (`endedAt`), so the
 * register keeps its changes. Tenant data kept by the office, not plugin data.
 */
@Entity('case_area_cadre')
@ObjectType('AreaCadre', { description: 'A cadre assigned to an area (干部包片, 002 六(三)).' })
export class CaseAreaCadre {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  @Field(() => ID)
  id: string;

  @Column({ name: 'area_unit_id', type: 'uuid' })
  areaUnitId: string;

  @Column({ name: 'cadre_user_id', type: 'uuid' })
  cadreUserId: string;

  @Column({ name: 'assigned_by', type: 'uuid' })
  assignedById: string;

  @Column({ name: 'assigned_at', type: 'timestamptz' })
  @Field(() => Date)
  assignedAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When another cadre took the area over; null while current.' })
  endedAt: Date | null;
}

/** A dispute (矛盾纠纷) a cadre found: registered as a case through the intake, or resolved on the spot. */
export interface AreaDisputeRecord {
  summary: string;
  caseId: string | null;
  resolvedNote: string | null;
}

@ObjectType('AreaDispute', { description: 'A dispute (矛盾纠纷) found in an area screening.' })
export class AreaDispute {
  @Field()
  summary: string;

  caseId: string | null;

  @Field(() => String, { nullable: true, description: 'How it was resolved on the spot (当场化解); null when a case.' })
  resolvedNote: string | null;

  @Field({ description: 'Resolved on the spot rather than registered as a case.' })
  resolvedOnSpot: boolean;
}

/**
 * The screening a cadre records for one area and period (包片排查, 002 六(三)): the disputes found (none is a
 * screening too), each registered as a case or noted as resolved on the spot. Once per area and period.
 */
@Entity('case_area_screening')
@ObjectType('AreaScreening', { description: "A cadre's screening of an area for a period (002 六(三) 干部包片排查)." })
export class CaseAreaScreening {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  @Field(() => ID)
  id: string;

  @Column({ name: 'area_unit_id', type: 'uuid' })
  areaUnitId: string;

  @Column({ name: 'cadre_user_id', type: 'uuid' })
  cadreUserId: string;

  @Column({ name: 'period_start', type: 'date' })
  @Field(() => DateScalar, { description: "The period's first day (YYYY-MM-DD)." })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  @Field(() => DateScalar, { description: "The period's last day (YYYY-MM-DD)." })
  periodEnd: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  disputes: AreaDisputeRecord[];

  @Column({ type: 'text' })
  @Field({ description: 'The article of the plugin that provides for area screening, e.g. 002 六(三).' })
  rule: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  @Field(() => Date)
  recordedAt: Date;
}

@ObjectType('AreaScreeningPeriod', { description: 'The period of area screening and where it comes from.' })
export class AreaScreeningPeriod {
  @Field(() => DateScalar)
  start: string;

  @Field(() => DateScalar)
  end: string;

  @Field({ description: 'The cadence (RRULE), e.g. FREQ=MONTHLY.' })
  rrule: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The article stating the period; null when it is the platform default (the plugin's source names none).",
  })
  source: string | null;

  @Field({ description: 'True when the plugin states no period and the platform default (monthly) applies.' })
  platformDefault: boolean;
}

/** One area of the period: its current cadre and whether it was screened. */
@ObjectType('AreaScreeningStatus', {
  description: 'An area (片) of the period, its cadre and whether it was screened.',
})
export class AreaScreeningStatus {
  @Field(() => ID, { description: "The area's member unit id." })
  id: string;

  createdAt: Date;

  cadreUserId: string | null;

  @Field(() => AreaScreeningPeriod)
  period: AreaScreeningPeriod;

  @Field(() => CaseAreaScreening, {
    nullable: true,
    description: 'The screening recorded for the period; null if none.',
  })
  screening: CaseAreaScreening | null;

  @Field({ description: 'A screening is recorded for the period.' })
  screened: boolean;
}
