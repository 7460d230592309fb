import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { AppError } from '@engine/errors';
import { SupervisionStatusFilter, SupervisionStatusOrder } from './dto/supervision-status.inputs';
import { MAX_EVIDENCE_OFFSET, MAX_EVIDENCE_PAGE, SupervisionEvidenceQuery } from './supervision-evidence.query';
import {
  SortDirection,
  SupervisionEvidence,
  SupervisionMetric,
  SupervisionStatus,
  SupervisionStatusPage,
  SupervisionStatusSortField,
} from './supervision-status.model';
import { MAX_STATUS_PAGE, SupervisionStatusQuery } from './supervision-status.query';

@Resolver(() => SupervisionStatus)
export class SupervisionStatusResolver {
  constructor(
    @Inject(SupervisionStatusQuery) private readonly query: SupervisionStatusQuery,
    @Inject(SupervisionEvidenceQuery) private readonly evidenceQuery: SupervisionEvidenceQuery,
  ) {}

  @Allow('read', 'SupervisionStatus')
  @Query(() => SupervisionStatusPage, {
    description:
      "The superiors' view: per tenant in the subtree of `tenantCode` that you may read (itself included) — open, overdue and listed cases, interviews awaiting rectification, " +
      `latest rank, cadence compliance, agreed-item completion — from maintained aggregates. Keyset-paginated (\`after\` = nextCursor, same orderBy), at most ${MAX_STATUS_PAGE} per page.`,
  })
  supervisionStatus(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('filter', { type: () => SupervisionStatusFilter, nullable: true }) filter?: SupervisionStatusFilter,
    @Args('orderBy', { type: () => SupervisionStatusOrder, nullable: true }) orderBy?: SupervisionStatusOrder,
    @Args('limit', { type: () => Int, defaultValue: 50, description: `At most ${MAX_STATUS_PAGE}.` }) limit = 50,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<SupervisionStatusPage> {
    if (limit < 1 || limit > MAX_STATUS_PAGE)
      throw AppError.badInput('limit', `must be between 1 and ${MAX_STATUS_PAGE}`);
    if (after !== undefined && after !== null && (after.length === 0 || after.length > 1000))
      throw AppError.badInput('after', 'is not a cursor this API returned');
    return this.query.page(
      ctx,
      tenantCode,
      filter ?? {},
      orderBy?.field ?? SupervisionStatusSortField.NAME,
      orderBy?.direction ?? SortDirection.ASC,
      limit,
      after ?? null,
    );
  }

  @Allow('read', 'SupervisionStatus')
  @Query(() => SupervisionEvidence, {
    description:
      "The drill-down: the rows behind one number of one tenant's status (read-only; no petitioner personal data).",
  })
  supervisionEvidence(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('metric', { type: () => SupervisionMetric }) metric: SupervisionMetric,
    @Args('limit', { type: () => Int, defaultValue: 50, description: `At most ${MAX_EVIDENCE_PAGE}.` }) limit = 50,
    @Args('offset', { type: () => Int, defaultValue: 0, description: `At most ${MAX_EVIDENCE_OFFSET}.` }) offset = 0,
  ): Promise<SupervisionEvidence> {
    if (limit < 1 || limit > MAX_EVIDENCE_PAGE)
      throw AppError.badInput('limit', `must be between 1 and ${MAX_EVIDENCE_PAGE}`);
    if (offset < 0 || offset > MAX_EVIDENCE_OFFSET)
      throw AppError.badInput('offset', `must be between 0 and ${MAX_EVIDENCE_OFFSET}`);
    return this.evidenceQuery.evidence(ctx, tenantCode, metric, limit, offset);
  }
}
