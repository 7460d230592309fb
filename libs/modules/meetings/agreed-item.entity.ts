import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar } from '@engine/graphql';

export enum AgreedItemStatus {
  /** In minutes not yet issued. */
  PENDING = 'PENDING',
  OPEN = 'OPEN',
  DONE = 'DONE',
}
registerEnumType(AgreedItemStatus, { name: 'AgreedItemStatus' });

export enum ReportStatus {
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  SENT_BACK = 'SENT_BACK',
}
registerEnumType(ReportStatus, { name: 'ImplementationReportStatus' });

/** How an agreed item's due date was given: a date, or N working/calendar days from issue. */
export interface DueSpec {
  date?: string;
  amount?: number;
  unit?: 'WORKING_DAYS' | 'CALENDAR_DAYS';
}

/** An agreed item (议定事项): a decision with owner units and a due date, done when accepted. */
@Entity('agreed_item')
@ObjectType('AgreedItem')
export class AgreedItem {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'minutes_id', type: 'uuid' })
  minutesId: string;

  @Column({ type: 'integer' })
  @Field()
  position: number;

  @Column({ type: 'text' })
  @Field()
  content: string;

  @Column({ name: 'due_spec', type: 'jsonb' })
  dueSpec: DueSpec;

  /** Set when the minutes are issued (a count of days runs from the issue date). */
  @Column({ name: 'due_on', type: 'date', nullable: true })
  @Field(() => DateScalar, {
    nullable: true,
    description: 'YYYY-MM-DD, Beijing time; null until the minutes are issued.',
  })
  dueOn: string | null;

  /** The due date falls in a year whose official holiday arrangement is not loaded yet. */
  @Column({ name: 'due_provisional', type: 'boolean', default: false })
  @Field()
  dueProvisional: boolean;

  @Column({ type: 'text' })
  @Field(() => AgreedItemStatus)
  status: AgreedItemStatus;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  doneAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('agreed_item_owner')
export class AgreedItemOwner {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'agreed_item_id', type: 'uuid' })
  agreedItemId: string;

  @PrimaryColumn({ name: 'member_unit_id', type: 'uuid' })
  memberUnitId: string;

  /** When the office accepted this owner's implementation report. */
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;
}

/** An owner unit's implementation report (落实情况报告) on an agreed item. */
@Entity('implementation_report')
@ObjectType('ImplementationReport')
export class ImplementationReport {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'agreed_item_id', type: 'uuid' })
  agreedItemId: string;

  @Column({ name: 'member_unit_id', type: 'uuid' })
  memberUnitId: string;

  @Column({ type: 'text' })
  @Field()
  body: string;

  @Column({ type: 'text' })
  @Field(() => ReportStatus)
  status: ReportStatus;

  @Column({ name: 'review_comment', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  reviewComment: string | null;

  @Column({ name: 'filed_by', type: 'uuid' })
  filedById: string;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  reviewedAt: Date | null;
}
