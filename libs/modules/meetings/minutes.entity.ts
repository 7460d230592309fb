import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export enum MinutesStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  APPROVED = 'APPROVED',
  ISSUED = 'ISSUED',
}
registerEnumType(MinutesStatus, { name: 'MinutesStatus' });

/** What the meeting's record is, as the plugin says for the meeting type. */
export const MinutesKind = { MINUTES: 'MINUTES', MEETING_DOCUMENT: 'MEETING_DOCUMENT' } as const;
registerEnumType(MinutesKind, {
  name: 'MinutesKind',
  description: 'MINUTES (会议纪要) or MEETING_DOCUMENT (会议文件).',
});

/** Minutes (会议纪要) or a meeting document (会议文件): drafted by the office, approved, issued. */
@Entity('minutes')
@ObjectType('Minutes')
export class Minutes {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  /** MINUTES (会议纪要) or MEETING_DOCUMENT (会议文件), as the plugin says for the meeting type. */
  @Column({ type: 'text' })
  @Field(() => MinutesKind)
  kind: 'MINUTES' | 'MEETING_DOCUMENT';

  /** The document number (文号), e.g. 十字联席〔2026〕3号. */
  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  number: string | null;

  @Column({ type: 'text' })
  @Field()
  body: string;

  @Column({ type: 'text' })
  @Field(() => MinutesStatus)
  status: MinutesStatus;

  /** The approver's comments when returned. */
  @Column({ name: 'return_comment', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  returnComment: string | null;

  /** Who drafted and who submitted the minutes: neither may approve them (separation of duties). */
  @Column({ name: 'drafted_by', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  draftedById: string | null;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  submittedById: string | null;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  approvedById: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  issuedAt: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** A unit the issued minutes went to, and its acknowledgement of receipt (签收). */
@Entity('minutes_recipient')
export class MinutesRecipient {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'minutes_id', type: 'uuid' })
  minutesId: string;

  @PrimaryColumn({ name: 'member_unit_id', type: 'uuid' })
  memberUnitId: string;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true })
  acknowledgedById: string | null;
}
