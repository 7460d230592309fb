import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export enum MeetingStatus {
  SCHEDULED = 'SCHEDULED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MeetingStatus, { name: 'MeetingStatus' });

export enum Attendance {
  PRESENT = 'PRESENT',
  ABSENT = 'ABSENT',
}
registerEnumType(Attendance, { name: 'Attendance' });

@ObjectType()
export class Guest {
  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  organisation: string | null;
}

/** A joint meeting held by a tenant (全体会议, 工作会议, 联络会议…), of a type its plugin declares. */
@Entity('meeting')
@ObjectType('Meeting')
export class Meeting {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'type_code', type: 'text' })
  @Field({ description: "The meeting type code from the tenant's plugin (e.g. WORKING)." })
  typeCode: string;

  @Column({ type: 'text' })
  @Field()
  title: string;

  @Column({ name: 'scheduled_at', type: 'timestamptz' })
  @Field()
  scheduledAt: Date;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  location: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String])
  topics: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  @Field(() => [Guest])
  guests: Guest[];

  @Column({ name: 'ad_hoc', type: 'boolean', default: false })
  @Field({ description: 'Called ad hoc (临时召开) rather than on the cadence.' })
  adHoc: boolean;

  @Column({ type: 'text' })
  @Field(() => MeetingStatus)
  status: MeetingStatus;

  @Column({ name: 'held_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  heldAt: Date | null;

  @Column({ name: 'chair_name', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  chairName: string | null;

  /** The chair's post (主持人职务) as the plugin writes it, e.g. 镇党委副书记、镇长; null when not recorded. */
  @Column({ name: 'chair_post', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "The chair's post (主持人职务), one of the plugin's posts; printed on the minutes.",
  })
  chairPost: string | null;

  /** The meeting whose agenda item was escalated to this one (000 art. 15). */
  @Column({ name: 'escalated_from', type: 'uuid', nullable: true })
  escalatedFromId: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A unit invited to a meeting and, once held, its attendance. */
@Entity('meeting_unit')
export class MeetingUnit {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @PrimaryColumn({ name: 'member_unit_id', type: 'uuid' })
  memberUnitId: string;

  @Column({ type: 'text', nullable: true })
  attendance: Attendance | null;

  @Column({ name: 'absence_reason', type: 'text', nullable: true })
  absenceReason: string | null;
}
