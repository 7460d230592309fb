import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { JSONScalar } from '@engine/graphql';

/** A fact for supervision (a missed cadence, an overdue item), with the rule that produced it. */
@Entity('finding')
@ObjectType('Finding')
export class Finding {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ type: 'text' })
  @Field({ description: 'MISSED_CADENCE, AGREED_ITEM_OVERDUE…' })
  kind: string;

  @Column({ type: 'text' })
  @Field({ description: 'The rule that fired, with its source article.' })
  rule: string;

  @Column({ type: 'jsonb' })
  @Field(() => JSONScalar)
  facts: Record<string, unknown>;

  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey: string;

  @CreateDateColumn({ name: 'found_at', type: 'timestamptz' })
  @Field()
  foundAt: Date;
}
