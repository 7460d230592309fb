import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A signed-in session: what refresh tokens extend, up to `expiresAt` (absolute, never extended).
 * Readable and writable in platform scope only.
 */
@Entity('auth_session')
@ObjectType('Session')
export class AuthSession {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  tenantId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  @Field()
  createdAt: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', default: () => 'now()' })
  @Field()
  lastUsedAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  @Field()
  expiresAt: Date;

  /** Signed in with a password that must be changed first: no refresh token, only changePassword. */
  @Column({ name: 'password_change_only', type: 'boolean', default: false })
  passwordChangeOnly: boolean;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_reason', type: 'text', nullable: true })
  revokedReason: string | null;
}

/** One refresh token of a session, by its SHA-256 (the token itself is shown once, never stored). */
@Entity('refresh_token')
export class RefreshToken {
  @PrimaryColumn({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ name: 'issued_at', type: 'timestamptz', default: () => 'now()' })
  issuedAt: Date;

  /** Set when rotated: presenting it again is reuse, and ends the whole session. */
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
