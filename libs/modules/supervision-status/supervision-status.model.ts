import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TenantLevel } from '@core/tenancy/entities';
import { PAGE_ITEMS_COMPLEXITY, DateScalar } from '@engine/graphql';

/** What a piece of supervision evidence is. */
export const SupervisionEvidenceKind = {
  PETITION_CASE: 'PETITION_CASE',
  LISTING: 'LISTING',
  INTERVIEW: 'INTERVIEW',
  CADENCE_OBLIGATION: 'CADENCE_OBLIGATION',
  AGREED_ITEM: 'AGREED_ITEM',
  PROPOSAL: 'PROPOSAL',
} as const;
export type SupervisionEvidenceKind = keyof typeof SupervisionEvidenceKind;
registerEnumType(SupervisionEvidenceKind, { name: 'SupervisionEvidenceKind' });

export enum SupervisionStatusSortField {
  NAME = 'NAME',
  CODE = 'CODE',
  OPEN_CASES = 'OPEN_CASES',
  OVERDUE_CASES = 'OVERDUE_CASES',
  LISTED_CASES = 'LISTED_CASES',
  INTERVIEWS_AWAITING_RECTIFICATION = 'INTERVIEWS_AWAITING_RECTIFICATION',
  LATEST_RANK = 'LATEST_RANK',
  CADENCE_RATIO = 'CADENCE_RATIO',
  AGREED_ITEMS_RATIO = 'AGREED_ITEMS_RATIO',
  PROPOSED_STEPS = 'PROPOSED_STEPS',
  CONFIRMED_STEPS = 'CONFIRMED_STEPS',
}
registerEnumType(SupervisionStatusSortField, {
  name: 'SupervisionStatusSortField',
  description:
    'Sort key of supervisionStatus. Unranked tenants sort as the lowest rank; a ratio with nothing due sorts as 1 (nothing missed).',
});

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SupervisionStatusSortDirection' });

/** The numbers of the superiors' view whose rows can be listed (the drill-down). */
export enum SupervisionMetric {
  OPEN_CASES = 'OPEN_CASES',
  OVERDUE_CASES = 'OVERDUE_CASES',
  LISTED_CASES = 'LISTED_CASES',
  INTERVIEWS_AWAITING_RECTIFICATION = 'INTERVIEWS_AWAITING_RECTIFICATION',
  MISSED_CADENCE = 'MISSED_CADENCE',
  OPEN_AGREED_ITEMS = 'OPEN_AGREED_ITEMS',
  PROPOSED_STEPS = 'PROPOSED_STEPS',
  CONFIRMED_STEPS = 'CONFIRMED_STEPS',
  DISMISSED_STEPS = 'DISMISSED_STEPS',
}
registerEnumType(SupervisionMetric, {
  name: 'SupervisionMetric',
  description:
    'OPEN_CASES / OVERDUE_CASES: petition cases RECEIVED or ASSIGNED (overdue: due before overdueAsOf); LISTED_CASES: active listed supervision (挂牌督办); ' +
    'INTERVIEWS_AWAITING_RECTIFICATION: interviews (约谈) whose rectification report is awaited; MISSED_CADENCE: missed cadence obligations; OPEN_AGREED_ITEMS: issued agreed items not yet done; ' +
    'PROPOSED_STEPS / CONFIRMED_STEPS / DISMISSED_STEPS: ladder proposals (提醒, 约谈, 挂牌督办, 问责…) about the tenant awaiting the office, confirmed by it, or dismissed with a reason.',
});

/** How many ladder proposals of one step are about a tenant, by what the office made of them. */
@ObjectType('SupervisionStepCount')
export class SupervisionStepCount {
  @Field({
    description:
      'The proposed step: REMINDER, REMINDER_OR_INTERVIEW (提醒或约谈), INTERVIEW, LISTED_SUPERVISION, ACCOUNTABILITY, NAMED_CRITICISM.',
  })
  step: string;

  @Field(() => Int, { description: "Awaiting the office's decision." })
  proposed: number;

  @Field(() => Int, {
    description: 'Confirmed by the office (or automatic, where the plugin allows it): sent or filed.',
  })
  confirmed: number;

  @Field(() => Int, { description: 'Dismissed with a reason.' })
  dismissed: number;
}

/** One tenant's line in the superiors' view (上级督查视图), read from the maintained aggregate. */
@ObjectType('SupervisionStatus')
export class SupervisionStatus {
  @Field()
  tenantCode: string;

  @Field()
  tenantName: string;

  @Field(() => TenantLevel)
  level: TenantLevel;

  @Field(() => String, {
    nullable: true,
    description: "The parent tenant's code; null at the top, or when the parent is outside what you may read.",
  })
  parentCode: string | null;

  @Field(() => Int, { description: 'Petition cases RECEIVED or ASSIGNED.' })
  openCases: number;

  @Field(() => Int, { description: 'Open cases due before overdueAsOf.' })
  overdueCases: number;

  @Field({ description: 'YYYY-MM-DD (Beijing): the day overdue is counted against; the daily job moves it.' })
  overdueAsOf: string;

  @Field(() => Int, { description: 'Active listed supervision (挂牌督办) about this tenant, by itself or a superior.' })
  listedCases: number;

  @Field(() => Int, { description: 'Interviews (约谈) about this tenant awaiting the written rectification report.' })
  interviewsAwaitingRectification: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Rank in the latest published regular notice (通报) that ranked this tenant.',
  })
  latestRank: number | null;

  @Field(() => Int, { nullable: true, description: 'How many were ranked in that notice.' })
  rankedOf: number | null;

  @Field(() => String, { nullable: true })
  rankNoticeNumber: string | null;

  @Field(() => String, { nullable: true, description: 'MONTHLY, QUARTERLY, HALF_YEARLY or ANNUAL.' })
  rankPeriod: string | null;

  @Field(() => String, { nullable: true })
  rankPeriodStart: string | null;

  @Field(() => String, { nullable: true })
  rankPeriodEnd: string | null;

  @Field(() => Int, { description: 'Cadence obligations MET.' })
  cadenceMet: number;

  @Field(() => Int, { description: 'Cadence obligations decided (MET or MISSED).' })
  cadenceDue: number;

  @Field(() => Float, { nullable: true, description: 'cadenceMet / cadenceDue; null when nothing was due.' })
  cadenceRatio: number | null;

  @Field(() => Int, { description: 'Issued agreed items (议定事项) DONE.' })
  agreedItemsDone: number;

  @Field(() => Int, { description: 'Issued agreed items (OPEN or DONE).' })
  agreedItemsTotal: number;

  @Field(() => Float, { nullable: true, description: 'agreedItemsDone / agreedItemsTotal; null when none was issued.' })
  agreedItemsRatio: number | null;

  @Field(() => Int, {
    description: 'Ladder steps proposed about this tenant and awaiting the office (nothing is sent for them yet).',
  })
  proposedSteps: number;

  @Field(() => Int, { description: 'Ladder steps the office confirmed (or the plugin made automatic): sent or filed.' })
  confirmedSteps: number;

  @Field(() => Int, { description: 'Ladder steps the office dismissed with a reason.' })
  dismissedSteps: number;

  @Field(() => [SupervisionStepCount], {
    description: 'The same three counts by proposed step (steps with no proposal are left out).',
  })
  stepsByKind: SupervisionStepCount[];

  @Field({ description: 'When the aggregate last changed.' })
  updatedAt: Date;
}

@ObjectType('SupervisionStatusPage')
export class SupervisionStatusPage {
  @Field(() => [SupervisionStatus], { complexity: PAGE_ITEMS_COMPLEXITY })
  items: SupervisionStatus[];

  @Field(() => Int, { description: 'Rows matching the filter (all pages).' })
  totalCount: number;

  @Field(() => String, {
    nullable: true,
    description: 'Pass as `after` (with the same orderBy) for the next page; null on the last page.',
  })
  nextCursor: string | null;
}

/** One fact behind a number: a case, a listing, an interview, a cadence obligation or an agreed item. */
@ObjectType('SupervisionEvidenceItem')
export class SupervisionEvidenceItem {
  @Field(() => ID)
  id: string;

  @Field(() => SupervisionEvidenceKind, {
    description: 'PETITION_CASE, LISTING, INTERVIEW, CADENCE_OBLIGATION, AGREED_ITEM or PROPOSAL.',
  })
  kind: SupervisionEvidenceKind;

  @Field(() => String, {
    nullable: true,
    description:
      'Case number, action number, meeting type code or minutes number; for a proposal the action its confirmation created, else the case it is about.',
  })
  reference: string | null;

  @Field()
  status: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'YYYY-MM-DD: handling, rectification, listing or item due date.',
  })
  dueOn: string | null;

  @Field(() => String, { nullable: true })
  periodStart: string | null;

  @Field(() => String, { nullable: true })
  periodEnd: string | null;

  @Field(() => String, { nullable: true, description: 'The responsible, target or owner unit(s).' })
  unitName: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Category of a case, current step of a listing, content of an agreed item; a proposal's step (and the kind confirmed: REMINDER_OR_INTERVIEW → INTERVIEW).",
  })
  label: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The rule behind the due date, the action or the proposal (its source article).',
  })
  rule: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'A listing: what the listed matter is brought into, as the plugin words it (003 §五: 重点调度、专项督导、实地督查); null for other rows.',
  })
  scope?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'A listing, an interview or a proposal: the number of the case it is about, if any.',
  })
  caseNumber?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'A listing or a case: whether the case is a key case (重点案件); null when there is no case.',
  })
  keyCase?: boolean | null;
}

@ObjectType('SupervisionEvidence')
export class SupervisionEvidence {
  @Field()
  tenantCode: string;

  @Field(() => SupervisionMetric)
  metric: SupervisionMetric;

  @Field(() => Int, { description: 'The number shown in supervisionStatus for this metric.' })
  count: number;

  @Field({ description: 'The date overdue is counted against (as in supervisionStatus).' })
  asOf: string;

  @Field(() => [SupervisionEvidenceItem], { complexity: PAGE_ITEMS_COMPLEXITY })
  items: SupervisionEvidenceItem[];

  @Field(() => Int, { nullable: true, description: 'Pass as `offset` for the next page; null on the last page.' })
  nextOffset: number | null;
}
