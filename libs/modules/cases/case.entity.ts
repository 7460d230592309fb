import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar } from '@engine/graphql';
import {
  AssigningLevel,
  CaseChannel,
  CaseSource,
  CaseStatus,
  HandlingLevel,
  KeyCaseBasis,
  LeaderTier,
  Roadmap,
  type InChargeApprovalRecord,
  type UrgencyRecord,
} from './case.enums';

// The petition case itself; its vocabularies (case.enums.ts), petitioners and links
// (case-petitioner.entity.ts) and events (case-event.entity.ts) live beside it, each imported from its file.

@ObjectType('CaseAttachment', {
  description: 'Metadata of a file attached to a case (the file itself lives in the records system).',
})
export class CaseAttachment {
  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  kind: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the file is kept (document number or archive reference).',
  })
  reference: string | null;
}

/** A petition case (信访事项): one record in the ledger. */
@Entity('petition_case')
@ObjectType('PetitionCase')
export class PetitionCase {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ type: 'text' })
  @Field({ description: "The tenant's case number, e.g. 2026-0007." })
  number: string;

  @Column({ type: 'text' })
  @Field(() => CaseChannel)
  channel: CaseChannel;

  @Column({ name: 'assigned_by_level', type: 'text', nullable: true })
  @Field(() => AssigningLevel, { nullable: true, description: 'For ASSIGNED cases: the level that assigned it.' })
  assignedByLevel: AssigningLevel | null;

  @Column({ type: 'text' })
  @Field(() => CaseSource)
  source: CaseSource;

  @Column({ type: 'text' })
  @Field({ description: 'What the petitioner asks (诉求内容).' })
  matter: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  category: string | null;

  @Column({ name: 'location_unit_id', type: 'uuid', nullable: true })
  locationUnitId: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The grid (网格) the matter belongs to.' })
  grid: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  location: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  @Field(() => [CaseAttachment])
  attachments: CaseAttachment[];

  @Column({ name: 'people_count', type: 'integer' })
  @Field(() => Int, { description: 'How many people came or signed.' })
  peopleCount: number;

  @Column({ name: 'group_petition', type: 'boolean', default: false })
  @Field({ description: "At least the plugin's group-petition threshold of people (集体访)." })
  groupPetition: boolean;

  @Column({ type: 'boolean', default: false })
  @Field({ description: "Signed with the petitioner's name (署名)." })
  signed: boolean;

  @Column({ name: 'joint_signed', type: 'boolean', default: false })
  @Field({ description: 'Signed jointly by several petitioners (联名).' })
  jointSigned: boolean;

  @Column({ name: 'skip_level', type: 'boolean', default: false })
  @Field({ description: 'Petitioned above the competent level (越级访).' })
  skipLevel: boolean;

  @Column({ name: 'repeat_count', type: 'integer', default: 0 })
  @Field(() => Int, { description: 'Earlier cases of the same petitioner and matter (detected at intake).' })
  repeatCount: number;

  @Column({ type: 'text' })
  @Field(() => CaseStatus)
  status: CaseStatus;

  @Column({ name: 'received_at', type: 'timestamptz' })
  @Field()
  receivedAt: Date;

  @Column({ name: 'received_on', type: 'date' })
  @Field(() => DateScalar, { description: 'YYYY-MM-DD, Beijing time.' })
  receivedOn: string;

  @Column({ name: 'received_by', type: 'uuid' })
  receivedById: string;

  /** 首问责任人: the first receiver, on the case until transferred with a reason (004). */
  @Column({ name: 'first_inquiry_user_id', type: 'uuid' })
  firstInquiryUserId: string;

  @Column({ name: 'reception_leader', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'The leader on reception duty who received the visit (after any recusal).',
  })
  receptionLeader: string | null;

  @Column({ name: 'handling_level', type: 'text', nullable: true })
  @Field(() => HandlingLevel, { nullable: true })
  handlingLevel: HandlingLevel | null;

  @Column({ name: 'first_responsible', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'The first responsible at the handling level, as the plugin names it (e.g. 社区书记).',
  })
  firstResponsible: string | null;

  @Column({ name: 'responsible_unit_id', type: 'uuid', nullable: true })
  responsibleUnitId: string | null;

  @Column({ name: 'responsible_person', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  responsiblePerson: string | null;

  @Column({ name: 'owner_tier', type: 'text', nullable: true })
  @Field(() => LeaderTier, {
    nullable: true,
    description:
      "The leader tier the plugin's ownership tiers require for this case (null: no leader ownership required).",
  })
  ownerTier: LeaderTier | null;

  @Column({ name: 'owner_rule', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'The ownership rule that decided the tier, with its source article.',
  })
  ownerRule: string | null;

  @Column({ name: 'owner_leader', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The owning leader (包案领导).' })
  ownerLeader: string | null;

  @Column({ name: 'owned_on', type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true })
  ownedOn: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => Roadmap, { nullable: true })
  roadmap: Roadmap | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'The working team (专班).' })
  team: string[];

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The plan (方案).' })
  plan: string | null;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'The handling time limit (YYYY-MM-DD).' })
  dueOn: string | null;

  @Column({ name: 'due_provisional', type: 'boolean', default: false })
  @Field()
  dueProvisional: boolean;

  @Column({ name: 'due_rule', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Where the time limit comes from (a plugin step limit, or set by the office).',
  })
  dueRule: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  resolution: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'For TRANSFERRED or GUIDED cases: to whom, and why.' })
  referral: string | null;

  /** 004 首问责任制度 3: set when the case is sent to the leader in charge for approval (`in-charge-approval.service.ts`). */
  @Column({ name: 'in_charge_approval', type: 'jsonb', nullable: true })
  inChargeApproval: InChargeApprovalRecord | null;

  /** 002 §三 协调处理紧急信访问题: set when the case is marked urgent (`urgency.ts`). */
  @Column({ type: 'jsonb', nullable: true })
  urgency: UrgencyRecord | null;

  /** 004 领导接待日制度 5: PENDING from registration until the principal leader's 批转 is recorded (DONE). */
  @Column({ name: 'principal_status', type: 'text', nullable: true })
  principalStatus: 'PENDING' | 'DONE' | null;

  @Column({ name: 'principal_rule', type: 'text', nullable: true })
  principalRule: string | null;

  @Column({ name: 'principal_instruction', type: 'text', nullable: true })
  principalInstruction: string | null;

  @Column({ name: 'principal_by', type: 'uuid', nullable: true })
  principalById: string | null;

  @Column({ name: 'principal_at', type: 'timestamptz', nullable: true })
  principalAt: Date | null;

  @Column({ name: 'line_leader', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      'The leader in charge whose line (分管领域) the petition falls in (004 分线报案制度 1), as the office recorded the lines.',
  })
  lineLeader: string | null;

  @Column({ name: 'line_leader_user_id', type: 'uuid', nullable: true })
  lineLeaderUserId: string | null;

  @Column({ name: 'line_rule', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Why the petition went to that leader: the line that matched and the source article.',
  })
  lineRule: string | null;

  /** 004 预测排查制度 5: participating units (参与单位) beside the lead unit (the responsible unit). */
  @Column({ name: 'participating_unit_ids', type: 'uuid', array: true, default: () => "'{}'" })
  participatingUnitIds: string[];

  @Column({ name: 'participation_basis', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      'Who decided the lead and participating units (004 预测排查制度 5: 党委、政府确定), as the office recorded it.',
  })
  participationBasis: string | null;

  @Column({ name: 'county_owner_tier', type: 'text', nullable: true })
  @Field(() => LeaderTier, {
    nullable: true,
    description:
      'The county leader tier that co-owns this township case (003 二: 县级领导包案), from the ownership tier of its source; null: no county ownership required.',
  })
  countyOwnerTier: LeaderTier | null;

  @Column({ name: 'county_owner_rule', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'The ownership rule that requires the county leader, with its article.',
  })
  countyOwnerRule: string | null;

  @Column({ name: 'county_owner_leader', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "The county leader co-owning the case (县级包案领导), beside the township's owning leader.",
  })
  countyOwnerLeader: string | null;

  @Column({ name: 'county_owned_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: "When the township recorded the county leader's ownership." })
  countyOwnedAt: Date | null;

  @Column({ name: 'key_case', type: 'boolean', default: false })
  @Field({
    description:
      "A key case (重点案件, 003 §二, §五): by the plugin's rule (keyCases) or marked by the office. The ladder lists a key case reminded twice.",
  })
  keyCase: boolean;

  @Column({ name: 'key_case_basis', type: 'text', nullable: true })
  @Field(() => KeyCaseBasis, {
    nullable: true,
    description: "Why it is (or stopped being) a key case: RULE (the plugin's keyCases) or OFFICE (set by the office).",
  })
  keyCaseBasis: KeyCaseBasis | null;

  @Column({ name: 'key_case_rule', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: "The rule with its source article, or the office's reason." })
  keyCaseRule: string | null;

  @Column({ name: 'key_case_since', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the flag last changed (the history has every change).' })
  keyCaseSince: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  @Field()
  updatedAt: Date;
}
