import { unitScope } from '@engine/access';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import { RequestContext } from '@engine/context';
import { Db, type Tx } from '@engine/database';
import { AppError } from '@engine/errors';
import { JobQueue } from '@engine/jobs';
import { Tenant } from '@core/tenancy/entities';
import type {
  DiscardSupervisionNoticeInput,
  PublishSupervisionNoticeInput,
  RecomputeSupervisionNoticeInput,
} from './dto/notice-drafts.inputs';
import { NoticeKind, NoticePeriod } from '../enums';
import { afterDecision } from '../jobs';
import { SupervisionNotice, SupervisionNoticeEntry } from './notice.entity';
import { announceNotice } from './notice-announce';
import { computeMetricsOfPeriods } from './metrics.repository';
import { describeEntries, mayDraftNotices, namedNotices, NoticeComposer } from './notice-composition';
import { OutboxService } from '../outbox/outbox.service';
import { previousPeriod } from '../periods';
import { SUPERVISION_ERRORS } from '../supervision.errors';
import { nextNumber, supervisedUnits, supervisionRulesOf, unitsByIds } from '../supervision-rules';

/**
 * The drafts of regular notices (通报草稿): the sweep drafts each regular period's notice once it is over;
 * the office recomputes it from the ledger as it stands, discards it with a reason, or publishes it —
 * numbered, with named criticism where the plugin provides it, sent to the units and reported upward.
 */
@Injectable()
export class NoticeDraftsService {
  private readonly logger = new Logger('SupervisionNotices');

  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(NoticeComposer) private readonly composer: NoticeComposer,
  ) {}

  /**
   * The sweep's duty (003 §三: 每月、半年、全年进行通报): for every regular period of the plugin, the notice of
   * the last period that ended, as a DRAFT for the office to review, criticise by name where it sees fit,
   * and publish (idempotent: one notice per period). A draft is sent to nobody and counts for no rule.
   */
  async draftDueRegularNotices(tenantId: string): Promise<SupervisionNotice[]> {
    const ctx = RequestContext.forTenantJob(tenantId, { tree: true });
    const drafts = await this.db.run(ctx, async (tx) => {
      const tenant = await tx.em.findOne(Tenant, { where: { id: tenantId } });
      if (!tenant) return [];
      const rules = await supervisionRulesOf(tx.em, tenant);
      if (!rules.notices) return [];
      const units = await supervisedUnits(tx.em, tenantId, rules.notices.ranked);
      if (!units.length) return []; // nobody to rank (a county before its townships are onboarded)
      // The periods still to draft (a discarded draft is the office's call), then their metrics in one go:
      // the ledger is read once for all of them, not once a period.
      const due: { period: NoticePeriod; range: { start: string; end: string } }[] = [];
      for (const period of rules.notices.regularPeriods as NoticePeriod[]) {
        const range = previousPeriod(period, shanghaiDateOf(this.clock.now()));
        if (!(await this.composer.regularExists(tx.em, tenantId, period, range.start, true)))
          due.push({ period, range });
      }
      if (!due.length) return [];
      const metrics = await computeMetricsOfPeriods(
        tx.em,
        tenantId,
        units,
        due.map((d) => d.range),
        shanghaiDateOf(this.clock.now()),
      );
      const out: SupervisionNotice[] = [];
      for (const [i, { period, range }] of due.entries()) {
        out.push(
          await this.composer.create(
            tx,
            rules,
            {
              kind: NoticeKind.REGULAR,
              period,
              range,
              title: this.composer.regularTitle(tenant, period, range.start),
              body: null,
              units,
              criticisms: new Map(),
            },
            null,
            'DRAFT',
            { metrics: metrics[i], describe: false },
          ),
        );
      }
      return out;
    });
    if (drafts.length)
      this.logger.log(`tenant ${tenantId}: drafted ${drafts.map((n) => `${n.period} ${n.periodStart}`).join(', ')}`);
    return drafts;
  }
  /**
   * The office publishes a draft: with its own title or text if it wants, and named criticism where the
   * plugin provides it. It is numbered, sent to the units and reported to the conveners now, and from now
   * on counts for the ladder.
   */
  async publishDraft(ctx: RequestContext, input: PublishSupervisionNoticeInput): Promise<SupervisionNotice> {
    const notice = await this.db.run(ctx, async (tx) => {
      const draft = await this.lockedDraft(tx, ctx, input.noticeId);
      const tenant = await tx.em.findOneOrFail(Tenant, { where: { id: draft.tenantId } });
      const rules = await supervisionRulesOf(tx.em, tenant);
      const entries = await tx.em.find(SupervisionNoticeEntry, { where: { noticeId: draft.id } });
      const criticisms = this.composer.criticisms(
        rules,
        new Set(entries.map((e) => e.targetUnitId)),
        input.criticisms ?? [],
      );
      const now = this.clock.now();
      draft.number = await nextNumber(tx.em, tenant, 'NOTICE', shanghaiDateOf(now).slice(0, 4));
      Object.assign(draft, {
        title: input.title ?? draft.title,
        body: input.body ?? draft.body,
        status: 'PUBLISHED',
        publishedAt: now,
        publishedById: ctx.caller.userId,
      });
      await tx.em.update(
        SupervisionNotice,
        { id: draft.id },
        {
          number: draft.number,
          title: draft.title,
          body: draft.body,
          status: draft.status,
          publishedAt: now,
          publishedById: draft.publishedById,
        },
      );
      for (const e of entries) {
        const text = criticisms.get(e.targetUnitId);
        if (text === undefined) continue;
        e.criticised = true;
        e.criticism = text;
        await tx.em.update(SupervisionNoticeEntry, { id: e.id }, { criticised: true, criticism: text });
      }
      const units = await unitsByIds(
        tx.em,
        entries.map((e) => e.targetUnitId),
      );
      await announceNotice(
        tx.em,
        this.outbox,
        rules,
        draft,
        entries,
        [...units.values()],
        rules.notices?.reportedTo ?? [],
      );
      draft.issuerName = tenant.name;
      draft.entries = (await describeEntries(tx.em, entries)).sort(
        (a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.unitName.localeCompare(b.unitName, 'zh-CN'),
      );
      return draft;
    });
    await afterDecision(this.jobs, notice.tenantId, { ladder: true });
    return notice;
  }
  /**
   * The office recomputes a draft from the ledger as it stands now (late facts: a case registered late, a
   * missed report found after the sweep): the same period, the units supervised now, metrics, scores,
   * places and bottom band again, under the same rules as a published notice. Never after publication
   * (CONFLICT): a published notice is what the units received and what the ladder counted. A draft feeds no
   * rule, so no proposal, message or filing depends on the figures it replaces.
   */
  async recomputeDraft(ctx: RequestContext, input: RecomputeSupervisionNoticeInput): Promise<SupervisionNotice> {
    return this.db.run(ctx, async (tx) => {
      const draft = await this.lockedDraft(tx, ctx, input.noticeId);
      const tenant = await tx.em.findOneOrFail(Tenant, { where: { id: draft.tenantId } });
      const rules = await supervisionRulesOf(tx.em, tenant);
      if (!rules.notices)
        throw SUPERVISION_ERRORS.badInput('input.noticeId', 'PLUGIN_DECLARES_NONE', {
          what: { en: 'notices', zh: '通报' },
        });
      const units =
        draft.kind === NoticeKind.REGULAR
          ? await supervisedUnits(tx.em, tenant.id, rules.notices.ranked)
          : [
              ...(
                await unitsByIds(
                  tx.em,
                  (await tx.em.find(SupervisionNoticeEntry, { where: { noticeId: draft.id } })).map(
                    (e) => e.targetUnitId,
                  ),
                )
              ).values(),
            ];
      const computed = await this.composer.compute(tx.em, rules, {
        kind: draft.kind,
        period: draft.period,
        range: { start: draft.periodStart, end: draft.periodEnd },
        title: draft.title,
        body: draft.body,
        units,
        criticisms: new Map(),
      });
      await tx.em.delete(SupervisionNoticeEntry, { noticeId: draft.id });
      const entries = this.composer.buildEntries(rules, draft, units, computed, new Map());
      for (let i = 0; i < entries.length; i += 500)
        await tx.em.insert(SupervisionNoticeEntry, entries.slice(i, i + 500));
      Object.assign(draft, {
        rule: computed.rule,
        ranking: computed.ranking,
        recomputedAt: this.clock.now(),
        recomputedById: ctx.caller.userId,
        recomputedCount: draft.recomputedCount + 1,
        distribution: { ...draft.distribution, units: units.length },
      });
      await tx.em.update(
        SupervisionNotice,
        { id: draft.id },
        {
          rule: draft.rule,
          ranking: draft.ranking,
          recomputedAt: draft.recomputedAt,
          recomputedById: draft.recomputedById,
          recomputedCount: draft.recomputedCount,
          distribution: () => `jsonb_set(distribution, '{units}', '${Number(units.length)}'::jsonb)`,
        },
      );
      draft.issuerName = tenant.name;
      draft.entries = await describeEntries(tx.em, this.composer.sorted(entries, units));
      return draft;
    });
  }
  /**
   * The office discards a draft, with its reason: it is never sent, never numbered, counted by no rule and
   * no assessment, and the sweep does not draft its period again (the office may still compose that
   * period's notice with publishNotice). A published notice cannot be discarded (CONFLICT).
   */
  async discardDraft(ctx: RequestContext, input: DiscardSupervisionNoticeInput): Promise<SupervisionNotice> {
    return this.db.run(ctx, async (tx) => {
      const draft = await this.lockedDraft(tx, ctx, input.noticeId);
      Object.assign(draft, {
        status: 'DISCARDED',
        discardedAt: this.clock.now(),
        discardedById: ctx.caller.userId,
        discardReason: input.reason,
      });
      await tx.em.update(
        SupervisionNotice,
        { id: draft.id },
        {
          status: draft.status,
          discardedAt: draft.discardedAt,
          discardedById: draft.discardedById,
          discardReason: draft.discardReason,
        },
      );
      return (await namedNotices(tx.em, [draft]))[0];
    });
  }
  /** A draft the caller's office may act on, locked; CONFLICT once published or discarded. */
  private async lockedDraft(tx: Tx, ctx: RequestContext, noticeId: string): Promise<SupervisionNotice> {
    const draft = await tx.em.findOne(SupervisionNotice, {
      where: { id: noticeId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!draft || unitScope(ctx) || !mayDraftNotices(ctx, draft.tenantId)) {
      if (draft && !unitScope(ctx) && ctx.ability.can('read', 'SupervisionNotice') && draft.status === 'PUBLISHED')
        throw SUPERVISION_ERRORS.forbidden('OFFICE_PUBLISHES_NOTICES');
      throw AppError.notFound('Notice');
    }
    if (draft.status === 'PUBLISHED')
      throw SUPERVISION_ERRORS.conflict('NOTICE_ALREADY_PUBLISHED', { number: draft.number }, 'input.noticeId');
    if (draft.status === 'DISCARDED')
      throw SUPERVISION_ERRORS.conflict('NOTICE_DISCARDED', { reason: draft.discardReason ?? '' }, 'input.noticeId');
    return draft;
  }
}
