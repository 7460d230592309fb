import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from './roles';

/** A person who signs in. Platform users (admins) have no tenant. */
@Entity('app_user')
@ObjectType('User')
export class User {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  tenantId: string | null;

  @Column({ type: 'text' })
  @Field()
  username: string;

  @Column({ name: 'display_name', type: 'text' })
  @Field()
  displayName: string;

  @Column({ type: 'text', array: true })
  @Field(() => [Role])
  roles: Role[];

  @Column({ name: 'member_unit_id', type: 'uuid', nullable: true })
  memberUnitId: string | null;

  /** False once deactivated: refused at sign-in and, within seconds, on every request. */
  @Column({ type: 'boolean', default: true })
  @Field()
  active: boolean;

  /** Must choose a new password at the next sign-in (after a reset, or for bootstrap and demo accounts in production). */
  @Column({ name: 'password_change_required', type: 'boolean', default: false })
  @Field()
  mustChangePassword: boolean;

  /** Bumped whenever the account's tokens must stop working (deactivation, roles, unit, reset, sign-out everywhere). */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion: number;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null;

  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field()
  createdAt: Date;
}

/** A user's password hash, kept apart: only platform scope (login) may read it. */
@Entity('user_credential')
export class UserCredential {
  @PrimaryGeneratedColumn('uuid', { name: 'user_id' })
  userId: string;

  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  tenantId: string | null;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  /** For a temporary password issued by a reset: when it stops working (spent at its first sign-in). */
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;
}
