import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { DateScalar } from '@engine/graphql';

/** What a tenant's calendar override makes of a day. */
export const CalendarOverrideKind = { WORKDAY: 'WORKDAY', HOLIDAY: 'HOLIDAY' } as const;
registerEnumType(CalendarOverrideKind, { name: 'CalendarOverrideKind', description: 'WORKDAY or HOLIDAY' });

/** A national working-day arrangement loaded as data by an operator (e.g. 2027 once published). */
@Entity('calendar_year')
@ObjectType('CalendarYear')
export class CalendarYearRow {
  @PrimaryColumn({ type: 'integer' })
  @Field(() => Int)
  year: number;

  @Column({ type: 'date', array: true })
  @Field(() => [DateScalar], { description: 'Weekdays that are off (YYYY-MM-DD).' })
  holidays: string[];

  @Column({ type: 'date', array: true })
  @Field(() => [DateScalar], { description: 'Weekend days that are worked (调休, YYYY-MM-DD).' })
  workdays: string[];

  @Column({ type: 'text' })
  @Field()
  source: string;

  @CreateDateColumn({ name: 'loaded_at', type: 'timestamptz' })
  @Field()
  loadedAt: Date;
}

/** A tenant's local deviation from the national arrangement. */
@Entity('calendar_override')
@ObjectType('CalendarOverride')
export class CalendarOverrideRow {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ type: 'date' })
  @Field(() => DateScalar)
  date: string;

  @Column({ type: 'text' })
  @Field(() => CalendarOverrideKind, { description: 'WORKDAY or HOLIDAY' })
  kind: 'WORKDAY' | 'HOLIDAY';

  @Column({ type: 'text' })
  @Field()
  reason: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
