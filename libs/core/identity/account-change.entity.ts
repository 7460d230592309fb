import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Role } from './roles';

/** What happened to an account; every kind is filed (备案) and reported to the tenant's conveners. */
export enum AccountChangeKind {
  GRANTED = 'GRANTED',
  ROLES_CHANGED = 'ROLES_CHANGED',
  UNIT_CHANGED = 'UNIT_CHANGED',
  DEACTIVATED = 'DEACTIVATED',
  REACTIVATED = 'REACTIVATED',
  PASSWORD_RESET = 'PASSWORD_RESET',
  PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED',
}
registerEnumType(AccountChangeKind, {
  name: 'AccountChangeKind',
  description: 'A filed change to an account (账号变更备案).',
});

/** A filed account change (备案), like a member unit's MembershipChange: who, what, why, by whom, when. */
@Entity('account_change')
@ObjectType('AccountChange')
export class AccountChange {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  @Field(() => ID)
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  @Field(() => AccountChangeKind)
  kind: AccountChangeKind;

  @Column({ name: 'roles_before', type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [Role])
  rolesBefore: Role[];

  @Column({ name: 'roles_after', type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [Role])
  rolesAfter: Role[];

  @Column({ type: 'text' })
  @Field()
  reason: string;

  /** Unit ids before/after for UNIT_CHANGED; never a password. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail: { unitBefore?: string | null; unitAfter?: string | null; byOperator?: boolean };

  @Column({ name: 'filed_at', type: 'timestamptz', default: () => 'now()' })
  @Field()
  filedAt: Date;

  /** Null when an operator command (CLI) filed it. */
  @Column({ name: 'filed_by', type: 'uuid', nullable: true })
  filedById: string | null;
}
