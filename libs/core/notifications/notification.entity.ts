import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An in-app notification. `dedupeKey` makes delivery idempotent: one per user and event. */
@Entity('notification')
@ObjectType('Notification')
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** WELCOME, MEMBERSHIP_CHANGE_FILED… */
  @Column({ type: 'text' })
  @Field()
  kind: string;

  @Column({ type: 'text' })
  @Field()
  title: string;

  @Column({ type: 'text' })
  @Field()
  body: string;

  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  readAt: Date | null;
}
