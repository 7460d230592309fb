import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '@core/identity';

/** DRAFT → SUBMITTED → REVIEWED. The office edits only in DRAFT. */
export enum IssueListStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  REVIEWED = 'REVIEWED',
}
registerEnumType(IssueListStatus, { name: 'IssueListStatus', description: 'DRAFT → SUBMITTED → REVIEWED.' });

/** One issue of a list with the office's recommendation (工作建议) and the units it concerns. */
@ObjectType('IssueListItem')
export class IssueListItem {
  @Field()
  issue: string;

  @Field()
  recommendation: string;

  relatedUnitIds: string[];
}

/**
 * An issue list (问题清单, 000 art. 12): the office regularly compiles the issues with its
 * recommendations and submits them to the role the plugin names (the convener), who reviews them and
 * may give instructions (批示).
 */
@Entity('issue_list')
@ObjectType('IssueList')
export class IssueList {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ type: 'text' })
  @Field()
  title: string;

  @Column({ name: 'period_start', type: 'date' })
  @Field({ description: 'First day of the period covered (YYYY-MM-DD).' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  @Field({ description: 'Last day of the period covered (YYYY-MM-DD), inclusive.' })
  periodEnd: string;

  @Column({ type: 'jsonb' })
  @Field(() => [IssueListItem])
  items: IssueListItem[];

  @Column({ type: 'text' })
  @Field(() => IssueListStatus)
  status: IssueListStatus;

  /** The role the plugin names as recipient, fixed at submission. */
  @Column({ name: 'recipient_role', type: 'text', nullable: true })
  @Field(() => Role, { nullable: true, description: 'The role the plugin names as recipient; set on submission.' })
  recipientRole: Role | null;

  /** 批示 */
  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: "The recipient's instructions (批示), if any." })
  instructions: string | null;

  /** The plugin rule this list follows, e.g. `000 art. 12`. */
  @Column({ type: 'text' })
  @Field({ description: 'The source article of the plugin rule this list follows.' })
  rule: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  @Field()
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedById: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedById: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  reviewedAt: Date | null;
}
