import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One tenant's maintained aggregate (`supervision_status`), written only by database triggers and the
 * daily refresh (see migrations/1764150000000-SupervisionStatus.ts); the app role may only read it.
 */
@Entity('supervision_status')
export class SupervisionStatusRow {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  level: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ type: 'text' })
  path: string;

  @Column({ name: 'open_cases', type: 'integer' })
  openCases: number;

  @Column({ name: 'overdue_cases', type: 'integer' })
  overdueCases: number;

  @Column({ name: 'overdue_as_of', type: 'date' })
  overdueAsOf: string;

  @Column({ name: 'listed_cases', type: 'integer' })
  listedCases: number;

  @Column({ name: 'interviews_awaiting_rectification', type: 'integer' })
  interviewsAwaitingRectification: number;

  @Column({ name: 'latest_rank', type: 'integer', nullable: true })
  latestRank: number | null;

  @Column({ name: 'latest_ranked_of', type: 'integer', nullable: true })
  latestRankedOf: number | null;

  @Column({ name: 'latest_rank_notice_id', type: 'uuid', nullable: true })
  latestRankNoticeId: string | null;

  @Column({ name: 'latest_rank_notice_number', type: 'text', nullable: true })
  latestRankNoticeNumber: string | null;

  @Column({ name: 'latest_rank_period', type: 'text', nullable: true })
  latestRankPeriod: string | null;

  @Column({ name: 'latest_rank_period_start', type: 'date', nullable: true })
  latestRankPeriodStart: string | null;

  @Column({ name: 'latest_rank_period_end', type: 'date', nullable: true })
  latestRankPeriodEnd: string | null;

  @Column({ name: 'latest_rank_published_at', type: 'timestamptz', nullable: true })
  latestRankPublishedAt: Date | null;

  @Column({ name: 'cadence_met', type: 'integer' })
  cadenceMet: number;

  @Column({ name: 'cadence_due', type: 'integer' })
  cadenceDue: number;

  @Column({ name: 'cadence_ratio', type: 'numeric', nullable: true })
  cadenceRatio: string | null;

  @Column({ name: 'agreed_items_done', type: 'integer' })
  agreedItemsDone: number;

  @Column({ name: 'agreed_items_total', type: 'integer' })
  agreedItemsTotal: number;

  @Column({ name: 'agreed_items_ratio', type: 'numeric', nullable: true })
  agreedItemsRatio: string | null;

  @Column({ name: 'proposed_steps', type: 'integer' })
  proposedSteps: number;

  @Column({ name: 'confirmed_steps', type: 'integer' })
  confirmedSteps: number;

  @Column({ name: 'dismissed_steps', type: 'integer' })
  dismissedSteps: number;

  @Column({ name: 'steps_by_kind', type: 'jsonb' })
  stepsByKind: { step: string; proposed: number; confirmed: number; dismissed: number }[];

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
