import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A filed membership change (备案): a unit added, renamed or deactivated, with reason, who and when. */
@Entity('membership_change')
@ObjectType('MembershipChange')
export class MembershipChange {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'member_unit_id', type: 'uuid' })
  memberUnitId: string;

  /** ADDED, RENAMED or DEACTIVATED. */
  @Column({ type: 'text' })
  @Field()
  kind: 'ADDED' | 'RENAMED' | 'DEACTIVATED';

  @Column({ type: 'text' })
  @Field()
  reason: string;

  /** For RENAMED: the names before and after. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail: { from?: string; to?: string };

  @Column({ name: 'filed_at', type: 'timestamptz', default: () => 'now()' })
  filedAtDate: Date;

  @Column({ name: 'filed_by', type: 'uuid' })
  filedById: string;
}
