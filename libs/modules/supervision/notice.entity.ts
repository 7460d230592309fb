import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { JSONScalar } from '@engine/graphql';
import { MemberUnitKind } from '@modules/joint-meeting/member-unit.entity';
import { NoticeKind, NoticePeriod } from './enums';
import { numeric } from './numeric';

/** One supervised unit in a notice: its metrics, score and rank, named criticism, read receipt. */
@Entity('supervision_notice_entry')
@ObjectType('SupervisionNoticeEntry')
export class SupervisionNoticeEntry {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'notice_id', type: 'uuid' })
  @Field(() => ID)
  noticeId: string;

  @Column({ name: 'target_unit_id', type: 'uuid' })
  @Field(() => ID, { description: 'The supervised member unit.' })
  targetUnitId: string;

  @Column({ name: 'target_tenant_id', type: 'uuid', nullable: true })
  targetTenantId: string | null;

  @Field({ description: 'The unit\'s name when the notice was read.' })
  unitName: string;

  @Field(() => MemberUnitKind)
  unitKind: MemberUnitKind;

  @Field(() => String, { nullable: true, description: 'For a TOWNSHIP unit: the code of the tenant it stands for.' })
  targetTenantCode: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  @Field(() => JSONScalar, { description: 'The metrics of the period, computed from the ledger and meetings.' })
  metrics: Record<string, number>;

  @Column({ type: 'numeric', nullable: true, transformer: numeric })
  @Field(() => Float, { nullable: true, description: 'Σ weight × metric (or the plugin\'s rankScore hook); higher is better.' })
  score: number | null;

  @Column({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: '1 is the best.' })
  rank: number | null;

  @Column({ name: 'ranked_of', type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true })
  rankedOf: number | null;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'In the bottom places the tenant\'s ladder watches (排名后N位).' })
  bottom: boolean;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'Named for criticism (点名批评).' })
  criticised: boolean;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  criticism: string | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Read receipt: when the unit first read the notice.' })
  readAt: Date | null;

  @Column({ name: 'read_by', type: 'uuid', nullable: true })
  readById: string | null;
}

/** A notice (通报): regular with a ranking, or special naming units. */
@Entity('supervision_notice')
@ObjectType('SupervisionNotice')
export class SupervisionNotice {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Field({ description: 'The tenant that issued the notice.' })
  issuerName: string;

  @Column({ type: 'text' })
  @Field({ description: 'Document number, e.g. 示范信访通报〔2026〕3号.' })
  number: string;

  @Column({ type: 'text' })
  @Field(() => NoticeKind)
  kind: NoticeKind;

  @Column({ type: 'text', nullable: true })
  @Field(() => NoticePeriod, { nullable: true })
  period: NoticePeriod | null;

  @Column({ name: 'period_start', type: 'date' })
  @Field()
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  @Field()
  periodEnd: string;

  @Column({ type: 'text' })
  @Field()
  title: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  body: string | null;

  @Column({ type: 'text' })
  @Field({ description: 'DRAFT or PUBLISHED.' })
  status: 'DRAFT' | 'PUBLISHED';

  @Column({ type: 'text' })
  @Field({ description: 'The plugin rule the notice follows, with its source article, and how it was scored.' })
  rule: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedById: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  @Field(() => JSONScalar, { description: 'To whom it was published and reported: units, roles (reportedTo), departments it is recorded with.' })
  distribution: Record<string, unknown>;

  /** Set by the service when it already knows the entries the caller may see. */
  entries?: SupervisionNoticeEntry[];
}
