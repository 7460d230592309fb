import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A leader in charge and their line (分管领域, 004 分线报案制度 1: 由分管领导负责落实分管职责内的信访工作): the
 * case categories and member units the office records for them. A petition in the line is routed to
 * that leader. Tenant data kept by the office (a 分工调整 changes it), not plugin data.
 */
@Entity('case_line')
@ObjectType('LeaderLine')
export class CaseLine {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Order in the set, from 1.' })
  position: number;

  @Column({ type: 'text' })
  @Field({ description: 'The leader (a person), e.g. 副镇长 王强.' })
  leader: string;

  @Column({ type: 'text' })
  @Field({ description: "The post, one of the plugin's `structure.leaders` titles of tier IN_CHARGE (分管领导)." })
  post: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'Case categories in the line.' })
  categories: string[];

  @Column({ name: 'unit_ids', type: 'uuid', array: true, default: () => "'{}'" })
  unitIds: string[];

  @Column({ name: 'set_by', type: 'uuid' })
  setById: string;

  @Column({ name: 'set_at', type: 'timestamptz' })
  @Field()
  setAt: Date;
}

/** The lines of a tenant's leaders in charge, as a whole (small by nature). */
@ObjectType('LeaderLines')
export class LeaderLines {
  @Field({ description: 'The by-line rule (004 分线报案制度 1) as the plugin cites it.' })
  rule: string;

  @Field(() => [CaseLine])
  lines: CaseLine[];
}

/**
 * A special working group (专项工作小组, 002 四(三): 适时成立专项工作小组) for one field of work: a leader,
 * members and units, and the cases of that field it takes on.
 */
@Entity('case_working_group')
@ObjectType('CaseWorkingGroup')
export class CaseWorkingGroup {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field({ description: 'e.g. 征地拆迁信访专项工作小组.' })
  name: string;

  @Column({ type: 'text' })
  @Field({ description: 'The field of work (领域) the group covers, in words.' })
  field: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      'The case category of that field, when the ledger classifies by category: only cases of it join the group.',
  })
  category: string | null;

  @Column({ type: 'text' })
  @Field({ description: "The group's leader." })
  leader: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String])
  members: string[];

  @Column({ name: 'unit_ids', type: 'uuid', array: true, default: () => "'{}'" })
  unitIds: string[];

  @Column({ type: 'text' })
  @Field({ description: 'The source article the group is set up under.' })
  rule: string;

  @Column({ name: 'set_up_by', type: 'uuid' })
  setUpById: string;

  @Column({ name: 'set_up_at', type: 'timestamptz' })
  @Field()
  setUpAt: Date;

  @Column({ name: 'dissolved_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  dissolvedAt: Date | null;
}

@Entity('case_working_group_case')
export class CaseWorkingGroupCase {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'added_by', type: 'uuid' })
  addedById: string;

  @Column({ name: 'added_at', type: 'timestamptz' })
  addedAt: Date;
}

/** Where a principal leader's assignment stands. */
export const PrincipalAssignmentStatus = { PENDING: 'PENDING', DONE: 'DONE' } as const;
registerEnumType(PrincipalAssignmentStatus, {
  name: 'PrincipalAssignmentStatus',
  description: "PENDING until the principal leader's 批转 is recorded, then DONE.",
});

/** A principal leader's assignment (主要领导批转, 004 领导接待日制度 5) of a registered case. */
@ObjectType('PrincipalAssignment')
export class PrincipalAssignment {
  @Field(() => PrincipalAssignmentStatus, {
    description: "PENDING until the principal leader's 批转 is recorded, then DONE.",
  })
  status: string;

  @Field({
    description:
      "Who assigns (the plugin's `structure.leaders` post of tier PRINCIPAL, e.g. 鎮委書記) and the article: 鎮委書記批转 — 004 領導接待日制度 5.",
  })
  rule: string;

  @Field(() => String, { nullable: true, description: 'The instruction (批示) the principal leader gave.' })
  instruction: string | null;

  @Field(() => Date, { nullable: true })
  at: Date | null;

  byUserId: string | null;
}
