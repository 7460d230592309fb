import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { JSONScalar } from '@engine/graphql';

/** One step in a case's history, with who did it and the rule behind it. */
@Entity('case_event')
@ObjectType('CaseEvent')
export class CaseEvent {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  /** Order of recording (several steps can share a timestamp). */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  @Field({
    description:
      'RECEIVED, ASSIGNED, OWNER_ASSIGNED, KEY_CASE_MARKED, KEY_CASE_UNMARKED, PROGRESS_REPORTED, ESCALATED, RECUSED, FIRST_INQUIRY_TRANSFERRED, TRANSFERRED, GUIDED, EXTENSION_*, RESOLVED, CLOSED, REVIEW_*…',
  })
  kind: string;

  @Column({ type: 'timestamptz' })
  @Field()
  at: Date;

  @Column({ name: 'by_user_id', type: 'uuid', nullable: true })
  byUserId: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  note: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The plugin rule behind the step, with its source article.' })
  rule: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  @Field(() => JSONScalar)
  data: Record<string, unknown>;
}
