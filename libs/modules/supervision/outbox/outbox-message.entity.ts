import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { OutboxChannel, OutboxStatus } from '../enums';

/**
 * An outbound notification, written in the transaction that decided it and delivered by a job through
 * the channel's adapter. `recipient` names an addressee (`user:<id>`, `unit:<id>`, `department:<name>`),
 * never a phone number or address: adapters resolve those.
 */
@Entity('outbox_message')
@ObjectType('OutboxMessage')
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ type: 'text' })
  @Field(() => OutboxChannel)
  channel: OutboxChannel;

  @Column({ type: 'text' })
  @Field()
  recipient: string;

  @Column({ type: 'text' })
  @Field()
  subject: string;

  @Column({ type: 'text' })
  @Field()
  body: string;

  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey: string;

  @Column({ type: 'text' })
  @Field(() => OutboxStatus)
  status: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  @Field(() => Int)
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  @Field()
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  sentAt: Date | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the channel adapter answered (its message id).' })
  receipt: string | null;

  @Column({ name: 'ref_id', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The notice or action the message is about.' })
  refId: string | null;
}
