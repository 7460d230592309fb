import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum MeetingTopicStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}
registerEnumType(MeetingTopicStatus, {
  name: 'MeetingTopicStatus',
  description: 'PROPOSED → ACCEPTED (onto a meeting) or DECLINED (with a reason).',
});

/** A topic (议题) proposed for a type of meeting (000 art. 15, art. 5, art. 12; 001 art. 12). */
@Entity('meeting_topic')
@ObjectType('MeetingTopic')
export class MeetingTopic {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Column({ name: 'type_code', type: 'text' })
  @Field({ description: "The meeting type it is proposed for (the plugin's code)." })
  typeCode: string;

  @Column({ type: 'text' })
  @Field()
  title: string;

  @Column({ type: 'text' })
  @Field()
  body: string;

  @Column({ name: 'proposing_unit_id', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The member unit that proposed it; null when the office did.' })
  proposingUnitId: string | null;

  @Column({ name: 'proposed_by', type: 'uuid' })
  @Field(() => ID)
  proposedById: string;

  @Column({ name: 'proposed_at', type: 'timestamptz' })
  @Field()
  proposedAt: Date;

  @Column({ type: 'text' })
  @Field(() => MeetingTopicStatus)
  status: MeetingTopicStatus;

  @Column({ name: 'meeting_id', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The meeting it was accepted onto.' })
  meetingId: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  decidedById: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  declineReason: string | null;
}

@ObjectType()
export class MeetingTopicPage {
  @Field(() => [MeetingTopic])
  items: MeetingTopic[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' })
  nextCursor: string | null;
}
