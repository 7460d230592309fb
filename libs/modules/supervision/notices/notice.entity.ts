import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { JSONScalar } from '@engine/graphql';
import { MemberUnitKind } from '@core/joint-meeting/entities';
import { NoticeKind, NoticePeriod } from '../enums';
import { numeric } from '../numeric';

/** Where a supervision notice stands. */
export const SupervisionNoticeStatus = { DRAFT: 'DRAFT', PUBLISHED: 'PUBLISHED', DISCARDED: 'DISCARDED' } as const;
registerEnumType(SupervisionNoticeStatus, { name: 'SupervisionNoticeStatus' });

/** One fact behind a unit's score: the metric, its value in the period, its weight and the points it gave. */
@ObjectType('NoticeScoreFact')
export class NoticeScoreFact {
  @Field()
  metric: string;

  @Field(() => Float)
  value: number;

  @Field(() => Float, { description: "The plugin's weight (notices.scoring); 0 when unweighted." })
  weight: number;

  @Field(() => Float)
  points: number;

  @Field({
    description: 'Counted against the unit (a negative weight): only adverse facts can put a unit in the bottom band.',
  })
  adverse: boolean;
}

/** One ranking list of a regular notice (003 §三: 乡镇 and 部门 ranked separately) and its bottom band. */
@ObjectType('NoticeRankingList')
export class NoticeRankingList {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => [String])
  kinds: string[];

  @Field(() => Int)
  units: number;

  @Field(() => Int, { description: 'Units of the list with any fact on record in the period.' })
  unitsWithFacts: number;

  @Field(() => Int, {
    description:
      "Units with facts needed before a bottom band is marked (the plugin's notices.minimumToRank, or the platform default).",
  })
  minimum: number;

  @Field({ description: "The minimum is the platform default, not the plugin's." })
  minimumIsDefault: boolean;

  @Field(() => Int, { description: 'Places the ladder watches (排名后N位); 0 when no rule watches one.' })
  bottomWidth: number;

  @Field({ description: 'Whether a bottom band was marked in this list.' })
  bottomMarked: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Why no bottom band: NO_RULE, TOO_LITTLE_DATA or NO_ADVERSE_FACTS.',
  })
  withheld: string | null;
}

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

  @Field({ description: "The unit's name when the notice was read." })
  unitName: string;

  @Field(() => MemberUnitKind)
  unitKind: MemberUnitKind;

  @Field(() => String, { nullable: true, description: 'For a TOWNSHIP unit: the code of the tenant it stands for.' })
  targetTenantCode: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  @Field(() => JSONScalar, { description: 'The metrics of the period, computed from the ledger and meetings.' })
  metrics: Record<string, number>;

  @Column({ type: 'numeric', nullable: true, transformer: numeric })
  @Field(() => Float, {
    nullable: true,
    description: "Σ weight × metric (or the plugin's rankScore hook); higher is better.",
  })
  score: number | null;

  @Column({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: '1 is the best.' })
  rank: number | null;

  @Column({ name: 'ranked_of', type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true })
  rankedOf: number | null;

  @Column({ type: 'boolean', default: false })
  @Field({
    description:
      "In the bottom places the tenant's ladder watches (排名后N位): its place is in the band, it has adverse facts, and its list has enough data.",
  })
  bottom: boolean;

  @Column({ name: 'list_code', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'The ranking list the unit was ranked in (NoticeRankingList.code).',
  })
  listCode: string | null;

  @Column({ name: 'tied_with', type: 'integer', nullable: true })
  @Field(() => Int, {
    nullable: true,
    description: 'Units sharing this place (并列), the unit included; 1 when alone.',
  })
  tiedWith: number | null;

  @Column({ name: 'adverse_facts', type: 'integer', default: 0 })
  @Field(() => Int, { description: 'Adverse facts on record in the period (metrics the plugin weighs negatively).' })
  adverseFacts: number;

  @Column({ name: 'score_facts', type: 'jsonb', default: () => "'[]'" })
  @Field(() => [NoticeScoreFact], {
    description: 'The facts behind the score: every metric with a value, its weight and points.',
  })
  scoreFacts: NoticeScoreFact[];

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
  @Field(() => SupervisionNoticeStatus, {
    description:
      'DRAFT (the sweep drafted it; the office may recompute, publish or discard it), PUBLISHED, or DISCARDED (a draft the office discarded with a reason: never sent, counted by nothing).',
  })
  status: 'DRAFT' | 'PUBLISHED' | 'DISCARDED';

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

  @Column({ name: 'recomputed_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, {
    nullable: true,
    description: 'When the office last recomputed the draft from the ledger (late facts), before publishing it.',
  })
  recomputedAt: Date | null;

  @Column({ name: 'recomputed_by', type: 'uuid', nullable: true })
  recomputedById: string | null;

  @Column({ name: 'recomputed_count', type: 'integer', default: 0 })
  @Field(() => Int, { description: "How many times the draft was recomputed (0: the figures are the sweep's)." })
  recomputedCount: number;

  @Column({ name: 'discarded_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  discardedAt: Date | null;

  @Column({ name: 'discarded_by', type: 'uuid', nullable: true })
  discardedById: string | null;

  @Column({ name: 'discard_reason', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the office discarded the draft.' })
  discardReason: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  @Field(() => JSONScalar, {
    description: 'To whom it was published and reported: units, roles (reportedTo), departments it is recorded with.',
  })
  distribution: Record<string, unknown>;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  @Field(() => [NoticeRankingList], {
    description: 'Regular notices: the ranking lists, each with its bottom band or why it was withheld.',
  })
  ranking: NoticeRankingList[];

  /** Set by the service when it already knows the entries the caller may see. */
  entries?: SupervisionNoticeEntry[];
}
