import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { AFTER_ARG, checkLimit, LIMIT_ARG, PageOf } from '@engine/graphql';
import { clamp, dateArg, idArg } from '../args';
import {
  DiscardSupervisionNoticeInput,
  PublishSupervisionNoticeInput,
  RecomputeSupervisionNoticeInput,
} from './dto/notice-drafts.inputs';
import { PublishNoticeInput } from './dto/notices.inputs';
import { NoticeKind } from '../enums';
import { SupervisionNotice, SupervisionNoticeEntry } from './notice.entity';
import { NoticeDraftsService } from './notice-drafts.service';
import { NoticesService } from './notices.service';
import { ReceivedNoticesService } from './received-notices.service';
import { UnitMetrics } from './unit-metrics.model';

@ObjectType('SupervisionNoticePage')
export class SupervisionNoticePage extends PageOf(SupervisionNotice) {}

@Resolver(() => SupervisionNotice)
export class NoticesResolver {
  constructor(
    @Inject(NoticesService) private readonly notices: NoticesService,
    @Inject(NoticeDraftsService) private readonly drafts: NoticeDraftsService,
    @Inject(ReceivedNoticesService) private readonly received: ReceivedNoticesService,
  ) {}

  @Allow('read', 'SupervisionNotice')
  @Query(() => [SupervisionNotice], {
    description: "A tenant's notices (通报), newest first (a member unit: those naming it).",
    deprecationReason: 'Use supervisionNoticesPage (cursor + limit).',
  })
  supervisionNotices(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('kind', { type: () => NoticeKind, nullable: true }) kind: NoticeKind | undefined,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
  ): Promise<SupervisionNotice[]> {
    return this.notices.list(ctx, tenantCode, kind ?? undefined, clamp(limit));
  }

  @Allow('read', 'SupervisionNotice')
  @Query(() => SupervisionNoticePage, {
    description: "A tenant's notices (通报), latest written first, a page at a time (a member unit: those naming it).",
  })
  supervisionNoticesPage(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('kind', { type: () => NoticeKind, nullable: true }) kind: NoticeKind | undefined,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('limit', LIMIT_ARG) limit: number,
  ): Promise<SupervisionNoticePage> {
    return this.notices.page(ctx, tenantCode, kind ?? undefined, checkLimit(limit), after);
  }

  @Allow('read', 'SupervisionNotice')
  @Query(() => SupervisionNotice, { nullable: true })
  supervisionNotice(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SupervisionNotice | null> {
    return this.notices.byId(ctx, idArg(id, 'id'));
  }

  @Allow('read', 'SupervisionNotice')
  @Query(() => [SupervisionNotice], {
    description:
      "Notices concerning the caller: its township in an ancestor's notices, or its unit — each with the caller's own entry.",
    deprecationReason: 'Use receivedSupervisionNoticesPage (cursor + limit).',
  })
  receivedSupervisionNotices(
    @Ctx() ctx: RequestContext,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
  ): Promise<SupervisionNotice[]> {
    return this.received.received(ctx, clamp(limit));
  }

  @Allow('read', 'SupervisionNotice')
  @Query(() => SupervisionNoticePage, {
    description:
      "Notices concerning the caller (its township in an ancestor's notices, or its unit), latest published first, a page at a time — each with the caller's own entry.",
  })
  receivedSupervisionNoticesPage(
    @Ctx() ctx: RequestContext,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('limit', LIMIT_ARG) limit: number,
  ): Promise<SupervisionNoticePage> {
    return this.received.receivedPage(ctx, { limit: checkLimit(limit), after });
  }

  @Allow('read', 'SupervisionNotice')
  @Query(() => [UnitMetrics], {
    description: "The metrics of the tenant's supervised units for a period, computed from the ledger and meetings.",
  })
  async supervisionMetrics(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('periodStart') periodStart: string,
    @Args('periodEnd') periodEnd: string,
  ): Promise<UnitMetrics[]> {
    const rows = await this.notices.unitMetrics(
      ctx,
      tenantCode,
      dateArg(periodStart, 'periodStart'),
      dateArg(periodEnd, 'periodEnd'),
    );
    return rows.map(({ unit, metrics }) => ({
      unitId: unit.id,
      unitName: unit.name,
      unitKind: unit.kind,
      targetTenantCode: unit.childTenantCode,
      metrics,
    }));
  }

  @Allow('create', 'SupervisionNotice')
  @Mutation(() => SupervisionNotice, {
    description:
      'The office publishes a regular notice (ranked) or a special notice (naming units), with named criticism where the plugin provides it.',
  })
  publishNotice(@Ctx() ctx: RequestContext, @Args('input') input: PublishNoticeInput): Promise<SupervisionNotice> {
    return this.notices.publish(ctx, input);
  }

  @Allow('create', 'SupervisionNotice')
  @Mutation(() => SupervisionNotice, {
    description:
      'The office publishes a notice the sweep drafted (monthly, half-yearly, annual), after review, with named criticism where the plugin provides it; only now is it sent, reported to the conveners and counted by the ladder.',
  })
  publishSupervisionNotice(
    @Ctx() ctx: RequestContext,
    @Args('input') input: PublishSupervisionNoticeInput,
  ): Promise<SupervisionNotice> {
    return this.drafts.publishDraft(ctx, input);
  }

  @Allow('create', 'SupervisionNotice')
  @Mutation(() => SupervisionNotice, {
    description:
      'The office recomputes a draft notice from the ledger as it stands (late facts) before publishing it; never a published notice.',
  })
  recomputeSupervisionNotice(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RecomputeSupervisionNoticeInput,
  ): Promise<SupervisionNotice> {
    return this.drafts.recomputeDraft(ctx, input);
  }

  @Allow('create', 'SupervisionNotice')
  @Mutation(() => SupervisionNotice, {
    description:
      'The office discards a draft notice with its reason: never sent, counted by no rule; never a published notice.',
  })
  discardSupervisionNotice(
    @Ctx() ctx: RequestContext,
    @Args('input') input: DiscardSupervisionNoticeInput,
  ): Promise<SupervisionNotice> {
    return this.drafts.discardDraft(ctx, input);
  }

  @Allow('acknowledge', 'SupervisionNotice')
  @Mutation(() => SupervisionNoticeEntry, {
    description: "Read receipt by the unit the notice concerns (its township's leaders, or its own users).",
  })
  markNoticeRead(
    @Ctx() ctx: RequestContext,
    @Args('noticeId', { type: () => ID }) noticeId: string,
  ): Promise<SupervisionNoticeEntry> {
    return this.received.markRead(ctx, idArg(noticeId, 'noticeId'));
  }

  @ResolveField(() => [SupervisionNoticeEntry], {
    description: 'Ranked (regular) or named (special) units, best first.',
  })
  async entries(@Ctx() ctx: RequestContext, @Parent() notice: SupervisionNotice): Promise<SupervisionNoticeEntry[]> {
    if (notice.entries) return notice.entries;
    return (
      (await ctx.loader('supervisionNoticeEntries', (ids) => this.notices.entriesOf(ctx, ids)).load(notice.id)) ?? []
    );
  }
}
