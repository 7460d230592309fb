import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Role } from '@core/identity/entities';
import { MemberUnitKind } from './member-unit.entity';

/** A person's role in the joint meeting (召集人, 成员, 联络员). */
export enum MemberRole {
  CONVENER = 'CONVENER',
  MEMBER = 'MEMBER',
  LIAISON = 'LIAISON',
}
registerEnumType(MemberRole, {
  name: 'MemberRole',
  description: "A person's role in the joint meeting: CONVENER (召集人), MEMBER (成员), LIAISON (联络员).",
});

/**
 * A member person (联席会议组成人员): who sits in the joint meeting, in which post (职务), for which member
 * unit, in which role. Loaded from the plugin at onboarding (001 annex 2; 000 art. 4's unit heads, name
 * left empty), kept by the office; every change is filed (MemberPersonChange).
 */
@Entity('member_person')
@ObjectType('MemberPerson')
export class MemberPerson {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "The person's name; null where the source names only the post and the office has not filled it in.",
  })
  name: string | null;

  @Column({ type: 'text' })
  @Field({ description: 'The post (职务), e.g. 镇党委书记, 负责同志, 村书记.' })
  post: string;

  @Column({ name: 'member_unit_id', type: 'uuid', nullable: true })
  @Field(() => ID, {
    nullable: true,
    description: 'The member unit the person sits for; null for a convener (the party committee or government).',
  })
  memberUnitId: string | null;

  @Column({ type: 'text' })
  @Field(() => MemberRole)
  role: MemberRole;

  /** For a convener loaded from the plugin: the key of the convener post (structure.conveners). */
  @Column({ name: 'convener_key', type: 'text', nullable: true })
  convenerKey: string | null;

  @Column({ type: 'integer', default: 0 })
  position: number;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "The plugin's citation for a person loaded from the source; null for one the office appointed.",
  })
  source: string | null;

  @Column({ type: 'boolean', default: true })
  @Field({ description: 'False once removed from the joint meeting (the filing record keeps the history).' })
  active: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  removedAt: Date | null;
}

/** What a change of member person is (备案 kinds). */
export enum MemberPersonChangeKind {
  APPOINTED = 'APPOINTED',
  CHANGED = 'CHANGED',
  REMOVED = 'REMOVED',
}
registerEnumType(MemberPersonChangeKind, {
  name: 'MemberPersonChangeKind',
  description:
    'APPOINTED: a person joins; CHANGED: 分工调整 (another person, post, unit or role); REMOVED: leaves the joint meeting.',
});

/** The person's entry as it stood before or after a change. */
@ObjectType('MemberPersonSnapshot')
export class MemberPersonSnapshot {
  @Field(() => String, { nullable: true })
  name: string | null;

  @Field()
  post: string;

  @Field(() => ID, { nullable: true })
  memberUnitId: string | null;

  @Field(() => String, { nullable: true, description: "The unit's name when the change was filed." })
  unitName: string | null;

  @Field(() => MemberRole)
  role: MemberRole;
}

/**
 * A filed change of member person (成员变更备案, 000 art. 7, 001 art. 10): what changed, why, who filed it
 * and when, and the roles it was reported to (the plugin's membershipChanges.reportTo: the conveners).
 */
@Entity('member_person_change')
@ObjectType('MemberPersonChange')
export class MemberPersonChange {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  @Field(() => ID)
  id: string;

  @Column({ name: 'member_person_id', type: 'uuid' })
  @Field(() => ID)
  memberPersonId: string;

  @Column({ type: 'text' })
  @Field(() => MemberPersonChangeKind)
  kind: MemberPersonChangeKind;

  @Column({ type: 'text' })
  @Field()
  reason: string;

  @Column({ type: 'jsonb', nullable: true })
  @Field(() => MemberPersonSnapshot, { nullable: true, description: 'The entry before (null for APPOINTED).' })
  before: MemberPersonSnapshot | null;

  @Column({ type: 'jsonb', nullable: true })
  @Field(() => MemberPersonSnapshot, { nullable: true, description: 'The entry after (null for REMOVED).' })
  after: MemberPersonSnapshot | null;

  @Column({ name: 'reported_roles', type: 'text', array: true })
  @Field(() => [Role], {
    description: "The roles the filed change is reported to (the plugin's membershipChanges.reportTo).",
  })
  reportedRoles: Role[];

  @Column({ name: 'filed_at', type: 'timestamptz', default: () => 'now()' })
  @Field(() => Date)
  filedAt: Date;

  @Column({ name: 'filed_by', type: 'uuid' })
  @Field(() => ID)
  filedById: string;
}

/** What a proposal to adjust the member units asks for. */
export enum UnitAdjustmentKind {
  ADD = 'ADD',
  REMOVE = 'REMOVE',
  RENAME = 'RENAME',
}
registerEnumType(UnitAdjustmentKind, {
  name: 'UnitAdjustmentKind',
  description: 'ADD a member unit, REMOVE one, RENAME one.',
});

export enum UnitAdjustmentStatus {
  PROPOSED = 'PROPOSED',
  ADOPTED = 'ADOPTED',
  NOT_ADOPTED = 'NOT_ADOPTED',
}
registerEnumType(UnitAdjustmentStatus, {
  name: 'UnitAdjustmentStatus',
  description: 'PROPOSED to the deciding body; ADOPTED or NOT_ADOPTED as it answered (recorded by the office).',
});

/**
 * A proposal to adjust the member units (调整成员单位的工作建议, 000 art. 7), made to the party committee and
 * government: a record. It changes no unit; the office records the answer, and once adopted makes the
 * change itself (addMemberUnit / renameMemberUnit / deactivateMemberUnit, filed as usual).
 */
@Entity('member_unit_proposal')
@ObjectType('MemberUnitProposal')
export class MemberUnitProposal {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field(() => UnitAdjustmentKind)
  kind: UnitAdjustmentKind;

  @Column({ name: 'member_unit_id', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The unit to remove or rename; null for ADD.' })
  memberUnitId: string | null;

  @Column({ name: 'unit_name', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The name of the unit to add, or the new name.' })
  unitName: string | null;

  @Column({ name: 'unit_kind', type: 'text', nullable: true })
  @Field(() => MemberUnitKind, {
    nullable: true,
    description: 'For ADD: the kind of unit (DEPARTMENT, VILLAGE, COMMUNITY).',
  })
  unitKind: string | null;

  @Column({ type: 'text' })
  @Field()
  reason: string;

  @Column({ name: 'deciding_body', type: 'text' })
  @Field({ description: 'Whom the proposal goes to, as the plugin says (000 art. 7: 镇党委、政府).' })
  decidingBody: string;

  @Column({ type: 'text' })
  @Field({ description: 'The article the proposal rests on.' })
  source: string;

  @Column({ type: 'text' })
  @Field(() => UnitAdjustmentStatus)
  status: UnitAdjustmentStatus;

  @Column({ name: 'proposed_at', type: 'timestamptz', default: () => 'now()' })
  @Field(() => Date)
  proposedAt: Date;

  @Column({ name: 'proposed_by', type: 'uuid' })
  @Field(() => ID)
  proposedById: string;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the office recorded the answer.' })
  decidedAt: Date | null;

  @Column({ name: 'decision_basis', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "The answer's reference (e.g. the party committee meeting or its document number).",
  })
  decisionBasis: string | null;

  @Column({ name: 'decision_recorded_by', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  decisionRecordedById: string | null;
}
