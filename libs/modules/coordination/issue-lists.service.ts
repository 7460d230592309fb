import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { In, type EntityManager } from 'typeorm';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Role } from '@core/identity';
import { Db } from '@engine/database';
import type { Page } from '@engine/graphql';
import { AppError } from '@engine/errors';
import { COORDINATION_ERRORS } from './coordination.errors';
import { MemberUnit } from '@core/joint-meeting/entities';
import type { Tenant } from '@core/tenancy/entities';
import { issueListRule, pluginOf, tenantByCode, tenantById } from './coordination-rules';
import { holdersOf, satisfies, unitScope } from '@engine/access';
import type { DraftIssueListInput, ReviewIssueListInput } from './dto/issue-list.inputs';
import { issueListsOf, issueListsPage } from './issue-lists.query';
import { IssueList, IssueListStatus } from './issue-list.entity';
import { notify } from '@core/notifications';

type Change = (em: EntityManager, list: IssueList, tenant: Tenant) => Promise<void>;

/**
 * Issue lists (问题清单, 000 art. 12): the office compiles the issues with its recommendations and
 * submits them to the role the tenant's plugin names as recipient, who reviews them, optionally with
 * instructions (批示). Drafts are the office's alone; member units read submitted lists naming them.
 */
@Injectable()
export class IssueListsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Starts a list, or edits a draft (`issueListId`). */
  async draft(ctx: RequestContext, input: DraftIssueListInput): Promise<IssueList> {
    if (input.periodEnd < input.periodStart)
      throw COORDINATION_ERRORS.badInput('input.periodEnd', 'BEFORE_PERIOD_START');
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, input.tenantCode);
      if (!ctx.ability.can('update', subject('IssueList', { tenantId: tenant.id })))
        throw COORDINATION_ERRORS.forbidden('OFFICE_COMPILES_ISSUE_LISTS');
      const rule = issueListRule(tenant, 'input.tenantCode');
      await this.checkUnits(em, tenant.id, input);
      const now = this.clock.now();
      let list: IssueList | null = null;
      if (input.issueListId) {
        list = await em.findOne(IssueList, { where: { id: input.issueListId, tenantId: tenant.id } });
        if (!list) throw AppError.notFound('Issue list');
        if (list.status !== IssueListStatus.DRAFT)
          throw COORDINATION_ERRORS.conflict('ISSUE_LIST_LOCKED', { status: list.status }, 'input.issueListId');
      }
      list ??= em.create(IssueList, {
        tenantId: tenant.id,
        status: IssueListStatus.DRAFT,
        rule: rule.source,
        createdById: ctx.caller.userId,
        createdAt: now,
      });
      Object.assign(list, {
        title: input.title,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        items: input.items.map((i) => ({
          issue: i.issue,
          recommendation: i.recommendation,
          relatedUnitIds: i.relatedUnitIds,
        })),
        updatedAt: now,
      });
      return em.save(list);
    });
  }

  /** Submits a draft to the recipient the plugin names; its holders are notified. */
  async submit(ctx: RequestContext, issueListId: string): Promise<IssueList> {
    return this.transition(ctx, issueListId, async (em, list, tenant) => {
      this.office(ctx, list);
      this.expect(list, [IssueListStatus.DRAFT], 'issueListId');
      const recipient = issueListRule(tenant, 'issueListId').recipient as Role;
      Object.assign(list, {
        status: IssueListStatus.SUBMITTED,
        recipientRole: recipient,
        submittedById: ctx.caller.userId,
        submittedAt: this.clock.now(),
      });
      await notify(
        em,
        list.tenantId,
        { roles: holdersOf(recipient) },
        {
          kind: 'ISSUE_LIST_SUBMITTED',
          title: '问题清单及工作建议报请研究',
          body: `联席会议办公室报送《${list.title}》（${list.periodStart}至${list.periodEnd}，${list.items.length}项），请研究参阅（${list.rule}）。`,
          dedupeKey: `issue-list-submitted:${list.id}`,
        },
      );
    });
  }

  /** The recipient marks the list reviewed, optionally with instructions (批示); the office is told. */
  async review(ctx: RequestContext, input: ReviewIssueListInput): Promise<IssueList> {
    return this.transition(ctx, input.issueListId, async (em, list, tenant) => {
      const recipient = list.recipientRole ?? (issueListRule(tenant, 'input.issueListId').recipient as Role);
      const allowed =
        ctx.caller.tenantId === list.tenantId &&
        ctx.ability.can('approve', subject('IssueList', { tenantId: list.tenantId })) &&
        satisfies(ctx.caller.roles, recipient);
      if (!allowed) throw COORDINATION_ERRORS.forbidden('ISSUE_LIST_REVIEWED_BY', { role: recipient });
      this.expect(list, [IssueListStatus.SUBMITTED], 'input.issueListId');
      Object.assign(list, {
        status: IssueListStatus.REVIEWED,
        instructions: input.instructions ?? null,
        reviewedById: ctx.caller.userId,
        reviewedAt: this.clock.now(),
      });
      await notify(
        em,
        list.tenantId,
        { roles: [pluginOf(tenant).structure.office.director.role as Role] },
        {
          kind: 'ISSUE_LIST_REVIEWED',
          title: '问题清单已阅',
          body: `《${list.title}》已阅${input.instructions ? `，批示：${input.instructions}` : '。'}`,
          dedupeKey: `issue-list-reviewed:${list.id}`,
        },
      );
    });
  }

  /** A tenant's lists, newest first: drafts for its office only; a member unit, submitted lists naming it. */
  async list(ctx: RequestContext, tenantCode: string): Promise<IssueList[]> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode);
      issueListRule(tenant, 'tenantCode');
      return issueListsOf(em, tenant.id, {
        withDrafts: ctx.ability.can('update', subject('IssueList', { tenantId: tenant.id })),
        unitId: unitScope(ctx),
      });
    });
  }

  /** One page of what `list` shows, latest first. */
  async page(ctx: RequestContext, tenantCode: string, limit: number, after: string | null): Promise<Page<IssueList>> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode);
      issueListRule(tenant, 'tenantCode');
      return issueListsPage(
        em,
        tenant.id,
        {
          withDrafts: ctx.ability.can('update', subject('IssueList', { tenantId: tenant.id })),
          unitId: unitScope(ctx),
        },
        limit,
        after,
      );
    });
  }

  private canSee(ctx: RequestContext, list: IssueList): boolean {
    if (list.status === IssueListStatus.DRAFT)
      return ctx.ability.can('update', subject('IssueList', { tenantId: list.tenantId }));
    const unit = unitScope(ctx);
    return !unit || list.items.some((i) => i.relatedUnitIds.includes(unit));
  }

  private async transition(ctx: RequestContext, id: string, change: Change): Promise<IssueList> {
    return this.db.run(ctx, async ({ em }) => {
      const list = await em.findOne(IssueList, { where: { id } });
      if (!list || !this.canSee(ctx, list)) throw AppError.notFound('Issue list');
      await change(em, list, await tenantById(em, list.tenantId));
      list.updatedAt = this.clock.now();
      return em.save(list);
    });
  }

  private office(ctx: RequestContext, list: IssueList): void {
    if (!ctx.ability.can('update', subject('IssueList', { tenantId: list.tenantId })))
      throw COORDINATION_ERRORS.forbidden('OFFICE_SUBMITS_ISSUE_LISTS');
  }

  private expect(list: IssueList, states: IssueListStatus[], field: string): void {
    if (!states.includes(list.status))
      throw COORDINATION_ERRORS.conflict(
        'ISSUE_LIST_WRONG_STATUS',
        { status: list.status, needed: states.join(' / ') },
        field,
      );
  }

  private async checkUnits(em: EntityManager, tenantId: string, input: DraftIssueListInput): Promise<void> {
    const ids = [...new Set(input.items.flatMap((i) => i.relatedUnitIds))];
    if (!ids.length) return;
    const found = new Set(
      (await em.find(MemberUnit, { where: { id: In(ids), tenantId, active: true }, select: { id: true } })).map(
        (u) => u.id,
      ),
    );
    input.items.forEach((item, i) =>
      item.relatedUnitIds.forEach((id, j) => {
        if (!found.has(id))
          throw COORDINATION_ERRORS.badInput(`input.items.${i}.relatedUnitIds.${j}`, 'NOT_AN_ACTIVE_UNIT');
      }),
    );
  }
}
