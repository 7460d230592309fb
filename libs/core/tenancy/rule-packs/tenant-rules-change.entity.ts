import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HookPins } from '@jm/plugin-sdk';
import { JSONScalar } from '@engine/graphql';

export enum RulesChangeKind {
  UPGRADE = 'UPGRADE',
  ROLLBACK = 'ROLLBACK',
}
export enum RulesChangeStatus {
  AWAITING_APPROVAL = 'AWAITING_APPROVAL',
  APPLIED = 'APPLIED',
  REJECTED = 'REJECTED',
  ROLLED_BACK = 'ROLLED_BACK',
}
registerEnumType(RulesChangeKind, {
  name: 'RulesChangeKind',
  description: 'UPGRADE: to another plugin version; ROLLBACK: back to the snapshot before the last applied upgrade.',
});
registerEnumType(RulesChangeStatus, {
  name: 'RulesChangeStatus',
  description:
    'AWAITING_APPROVAL (a superior must approve), APPLIED, REJECTED, ROLLED_BACK (an applied upgrade later undone).',
});

/**
 * A change of a tenant's rules, filed (备案): the snapshot before and after (so the previous one is
 * kept and can be restored), the field-by-field diff, the reason, who asked and who decided.
 */
@Entity('tenant_rules_change')
@ObjectType('TenantRulesChange')
export class TenantRulesChange {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field(() => RulesChangeKind)
  kind: RulesChangeKind;

  @Column({ type: 'text' })
  @Field(() => RulesChangeStatus)
  status: RulesChangeStatus;

  @Column({ name: 'plugin_id', type: 'text' })
  @Field()
  pluginId: string;

  @Column({ name: 'from_version', type: 'text' })
  @Field()
  fromVersion: string;

  @Column({ name: 'to_version', type: 'text' })
  @Field()
  toVersion: string;

  @Column({ name: 'from_snapshot', type: 'jsonb' })
  fromSnapshot: Record<string, unknown>;

  @Column({ name: 'from_sdk_version', type: 'text' })
  fromSdkVersion: string;

  @Column({ name: 'from_hooks', type: 'jsonb', nullable: true })
  fromHooks: HookPins | null;

  @Column({ name: 'to_snapshot', type: 'jsonb' })
  toSnapshot: Record<string, unknown>;

  @Column({ name: 'to_sdk_version', type: 'text' })
  toSdkVersion: string;

  @Column({ name: 'to_hooks', type: 'jsonb', nullable: true })
  toHooks: HookPins | null;

  /** The diff as shown before the change (RulesDiff.changes). */
  @Column({ type: 'jsonb' })
  @Field(() => JSONScalar)
  diff: unknown;

  @Column({ type: 'text' })
  @Field()
  reason: string;

  /** Whether the rules required a superior's approval (rulesChanges.approval: SUPERIOR). */
  @Column({ name: 'approval_required', type: 'boolean' })
  @Field()
  approvalRequired: boolean;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  @Field(() => Date)
  requestedAt: Date;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_note', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  decisionNote: string | null;

  @Column({ name: 'applied_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  appliedAt: Date | null;

  /** The tenant's rules revision the change was computed from (it applies only on that revision). */
  @Column({ name: 'from_revision', type: 'integer', default: 0 })
  fromRevision: number;

  /** For a ROLLBACK: the upgrade it undid. */
  @Column({ type: 'uuid', nullable: true })
  @Field(() => String, { nullable: true })
  reverts: string | null;
}
