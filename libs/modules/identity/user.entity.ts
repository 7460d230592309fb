import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '@engine/context';

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

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
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
}
