import { Inject, Injectable, Logger } from '@nestjs/common';
import { subject } from '@casl/ability';
import { In, type EntityManager } from 'typeorm';
import { daysBetween, shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import { RequestContext } from '@engine/context';
import { Db, type Tx } from '@engine/database';
import type { Page } from '@engine/graphql';
import { AppError } from '@engine/errors';
import { SUPERVISION_ERRORS, periodProblem } from './supervision.errors';
import { JobQueue } from '@engine/jobs';
import { PluginRegistry } from '@engine/plugins';
import { MEMBER_UNIT_KINDS } from '@jm/plugin-sdk';
import { Tenant } from '@core/tenancy/entities';
import { hookOf } from '@core/tenancy';
import type {
  DiscardSupervisionNoticeInput,
  PublishSupervisionNoticeInput,
  RecomputeSupervisionNoticeInput,
} from './dto/notice-drafts.inputs';
import type { PublishNoticeInput } from './dto/supervision.inputs';
import { NoticeKind, NoticePeriod } from './enums';
import { afterDecision } from './jobs';
import { bottomBand } from './ladder';
import { computeMetrics } from './metrics.repository';
import { SupervisionNotice, SupervisionNoticeEntry } from './notice.entity';
import {
  concernedEntries,
  concernedEntriesOf,
  concernedEntry,
  concernedNoticesPage,
  noticesOf,
  noticesPage,
} from './notices.query';
import { announceNotice } from './notice-announce';
import { OutboxService } from './outbox.service';
import { periodFrom, periodWords, previousPeriod, type PeriodRange } from './periods';
import { scoreFacts, weightedScore, type Metrics } from './ranking';
import { minimumToRank, rankLists, type RankedEntry } from './ranking-lists';
import {
  actsForUnit,
  concernSql,
  nextNumber,
  openAncestors,
  supervisedUnits,
  supervisionRulesOf,
  tenantByCode,
  unitsByIds,
  type SupervisedUnit,
  type SupervisionRules,
} from './supervision-rules';

/** A unit's metrics for a period, as computed from the ledger and meetings. */
export interface UnitMetricsView {
  unit: SupervisedUnit;
  metrics: Metrics;
}

interface ComputedNotice {
  metrics: Map<string, Metrics>;
  ranked: Map<string, RankedEntry>;
  ranking: SupervisionNotice['ranking'];
  rule: string;
}

interface NoticeDraft {
  kind: NoticeKind;
  period: NoticePeriod | null;
  range: PeriodRange;
  title: string;
  body: string | null;
  units: SupervisedUnit[];
  criticisms: Map<string, string>;
}

/**
 * Notices (通报): regular ones per the plugin's periods, ranking the supervised units by the plugin's
 * scoring (or its rankScore hook) over metrics computed from the ledger; special ones naming units;
 * named criticism where the plugin provides it. Published to the units' users and reported to the roles
 * the plugin names, through the outbox; read receipts per unit. The sweep drafts each regular period's
 * notice once it is over; the office recomputes, discards or publishes the draft.
 */
@Injectable()
export class NoticesService {
  private readonly logger = new Logger('SupervisionNotices');

  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(PluginRegistry) private readonly registry: PluginRegistry,
  ) {}

  async publish(ctx: RequestContext, input: PublishNoticeInput): Promise<SupervisionNotice> {
    const notice = await this.db.run(ctx, async (tx) => {
      const tenant = await tenantByCode(tx.em, input.tenantCode);
      if (!ctx.ability.can('create', subject('SupervisionNotice', { tenantId: tenant.id })))
        throw SUPERVISION_ERRORS.forbidden('OFFICE_PUBLISHES_NOTICES');
      const rules = await supervisionRulesOf(tx.em, tenant);
      const draft = await this.validated(tx.em, rules, input);
      return this.create(tx, rules, draft, ctx.caller.userId);
    });
    await afterDecision(this.jobs, notice.tenantId, { ladder: true });
    return notice;
  }

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
      const out: SupervisionNotice[] = [];
      for (const period of rules.notices.regularPeriods as NoticePeriod[]) {
        const range = previousPeriod(period, shanghaiDateOf(this.clock.now()));
        if (await this.regularExists(tx.em, tenantId, period, range.start, true)) continue; // discarded: the office's call
        out.push(
          await this.create(
            tx,
            rules,
            {
              kind: NoticeKind.REGULAR,
              period,
              range,
              title: this.regularTitle(tenant, period, range.start),
              body: null,
              units,
              criticisms: new Map(),
            },
            null,
            'DRAFT',
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
      const criticisms = this.criticisms(rules, new Set(entries.map((e) => e.targetUnitId)), input.criticisms ?? []);
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
      draft.entries = (await this.describe(tx.em, entries)).sort(
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
      const computed = await this.compute(tx.em, rules, {
        kind: draft.kind,
        period: draft.period,
        range: { start: draft.periodStart, end: draft.periodEnd },
        title: draft.title,
        body: draft.body,
        units,
        criticisms: new Map(),
      });
      await tx.em.delete(SupervisionNoticeEntry, { noticeId: draft.id });
      const entries = this.buildEntries(rules, draft, units, computed, new Map());
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
      draft.entries = await this.describe(tx.em, this.sorted(entries, units));
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
      return (await this.named(tx.em, [draft]))[0];
    });
  }

  /** A draft the caller's office may act on, locked; CONFLICT once published or discarded. */
  private async lockedDraft(tx: Tx, ctx: RequestContext, noticeId: string): Promise<SupervisionNotice> {
    const draft = await tx.em.findOne(SupervisionNotice, {
      where: { id: noticeId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!draft || actsForUnit(ctx) || !this.mayDraft(ctx, draft.tenantId)) {
      if (draft && !actsForUnit(ctx) && ctx.ability.can('read', 'SupervisionNotice') && draft.status === 'PUBLISHED')
        throw SUPERVISION_ERRORS.forbidden('OFFICE_PUBLISHES_NOTICES');
      throw AppError.notFound('Notice');
    }
    if (draft.status === 'PUBLISHED')
      throw SUPERVISION_ERRORS.conflict('NOTICE_ALREADY_PUBLISHED', { number: draft.number }, 'input.noticeId');
    if (draft.status === 'DISCARDED')
      throw SUPERVISION_ERRORS.conflict('NOTICE_DISCARDED', { reason: draft.discardReason ?? '' }, 'input.noticeId');
    return draft;
  }

  private mayDraft(ctx: RequestContext, tenantId: string): boolean {
    return ctx.ability.can('create', subject('SupervisionNotice', { tenantId }));
  }

  private criticisms(
    rules: SupervisionRules,
    inNotice: ReadonlySet<string>,
    input: readonly { unitId: string; text: string }[],
  ): Map<string, string> {
    const out = new Map<string, string>();
    if (input.length && !rules.notices?.namedCriticism)
      throw SUPERVISION_ERRORS.badInput('input.criticisms', 'PLUGIN_DECLARES_NONE', {
        what: { en: 'named criticism', zh: '点名批评' },
      });
    input.forEach((c, i) => {
      if (!inNotice.has(c.unitId)) throw SUPERVISION_ERRORS.badInput(`input.criticisms.${i}.unitId`, 'NOT_IN_NOTICE');
      if (out.has(c.unitId)) throw SUPERVISION_ERRORS.badInput(`input.criticisms.${i}.unitId`, 'CRITICISED_TWICE');
      out.set(c.unitId, c.text);
    });
    return out;
  }

  /** Metrics of the tenant's supervised units for a period (computed, never stored until a notice is published). */
  async unitMetrics(ctx: RequestContext, tenantCode: string, start: string, end: string): Promise<UnitMetricsView[]> {
    if (end < start) throw SUPERVISION_ERRORS.badInput('periodEnd', 'BEFORE_PERIOD_START');
    if (daysBetween(start, end) > 366)
      throw SUPERVISION_ERRORS.badInput('periodEnd', 'PERIOD_TOO_LONG', { what: { en: 'period lasts', zh: '周期' } });
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode, 'tenantCode');
      if (actsForUnit(ctx)) throw SUPERVISION_ERRORS.forbidden('METRICS_READERS');
      const rules = await supervisionRulesOf(em, tenant);
      const units = await supervisedUnits(em, tenant.id, rules.notices?.ranked ?? MEMBER_UNIT_KINDS);
      const metrics = await computeMetrics(em, tenant.id, units, {
        start,
        end,
        today: shanghaiDateOf(this.clock.now()),
      });
      return units.map((unit) => ({ unit, metrics: metrics.get(unit.id)! }));
    });
  }

  async list(
    ctx: RequestContext,
    tenantCode: string,
    kind: NoticeKind | undefined,
    limit: number,
  ): Promise<SupervisionNotice[]> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode, 'tenantCode');
      const notices = await noticesOf(
        em,
        tenant.id,
        { kind, withDrafts: this.mayDraft(ctx, tenant.id), unitId: actsForUnit(ctx) },
        limit,
      );
      return this.named(em, notices);
    });
  }

  /** One page of what `list` shows, latest written first, named the same way. */
  async page(
    ctx: RequestContext,
    tenantCode: string,
    kind: NoticeKind | undefined,
    limit: number,
    after: string | null,
  ): Promise<Page<SupervisionNotice>> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode, 'tenantCode');
      const page = await noticesPage(
        em,
        tenant.id,
        { kind, withDrafts: this.mayDraft(ctx, tenant.id), unitId: actsForUnit(ctx) },
        limit,
        after,
      );
      return { items: await this.named(em, page.items), nextCursor: page.nextCursor };
    });
  }

  async byId(ctx: RequestContext, id: string): Promise<SupervisionNotice | null> {
    return this.db.run(ctx, async ({ em }) => {
      const notice = await em.findOne(SupervisionNotice, { where: { id } });
      const unit = actsForUnit(ctx);
      if (!notice || (notice.status !== 'PUBLISHED' && !this.mayDraft(ctx, notice.tenantId))) return null;
      if (unit && !(await em.exists(SupervisionNoticeEntry, { where: { noticeId: id, targetUnitId: unit } })))
        return null;
      return (await this.named(em, [notice]))[0];
    });
  }

  /** Entries of notices, for the per-request loader; a member unit sees its own entry only. */
  async entriesOf(ctx: RequestContext, noticeIds: readonly string[]): Promise<Map<string, SupervisionNoticeEntry[]>> {
    return this.db.run(ctx, async ({ em }) => {
      const unit = actsForUnit(ctx);
      const rows = await em.find(SupervisionNoticeEntry, {
        where: { noticeId: In([...noticeIds]), ...(unit ? { targetUnitId: unit } : {}) },
      });
      const described = await this.describe(em, rows);
      const out = new Map<string, SupervisionNoticeEntry[]>(noticeIds.map((id) => [id, []]));
      for (const e of described.sort(
        (a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.unitName.localeCompare(b.unitName, 'zh-CN'),
      ))
        out.get(e.noticeId)?.push(e);
      return out;
    });
  }

  /**
   * Notices of the tenant's ancestors about the caller's township (its leaders and superiors), and of its
   * own tenant about the unit the caller acts for — each with the caller's own entry.
   */
  async received(ctx: RequestContext, limit: number): Promise<SupervisionNotice[]> {
    const concern = concernSql(ctx, 'e', 'read');
    if (!concern) return [];
    return this.db.run(ctx, async (tx) => {
      await openAncestors(this.db, tx, ctx);
      const entries = await concernedEntries(tx.em, concern, limit);
      if (!entries.length) return [];
      const notices = await this.named(
        tx.em,
        await tx.em.find(SupervisionNotice, {
          where: { id: In(entries.map((e) => e.noticeId)) },
          order: { publishedAt: 'DESC', id: 'DESC' },
        }),
      );
      const described = await this.describe(tx.em, entries);
      for (const n of notices) n.entries = described.filter((e) => e.noticeId === n.id);
      return notices;
    });
  }

  /** One page of what `received` answers, latest published first, each notice with the caller's own entries. */
  async receivedPage(
    ctx: RequestContext,
    page: { limit: number; after: string | null },
  ): Promise<Page<SupervisionNotice>> {
    const concern = concernSql(ctx, 'e', 'read');
    if (!concern) return { items: [], nextCursor: null };
    return this.db.run(ctx, async (tx) => {
      await openAncestors(this.db, tx, ctx);
      const found = await concernedNoticesPage(tx.em, concern, page);
      if (!found.items.length) return found;
      const notices = await this.named(tx.em, found.items);
      const described = await this.describe(
        tx.em,
        await concernedEntriesOf(
          tx.em,
          concern,
          notices.map((n) => n.id),
        ),
      );
      for (const n of notices) n.entries = described.filter((e) => e.noticeId === n.id);
      return { items: notices, nextCursor: found.nextCursor };
    });
  }

  /** A read receipt, by the unit the notice concerns (a township's leaders, or the unit's own users). */
  async markRead(ctx: RequestContext, noticeId: string): Promise<SupervisionNoticeEntry> {
    const concern = concernSql(ctx, 'e', 'write');
    if (!concern) throw SUPERVISION_ERRORS.forbidden('NOTICE_UNITS_RECEIPT');
    return this.db.run(ctx, async (tx) => {
      await openAncestors(this.db, tx, ctx);
      const entry = await concernedEntry(tx.em, noticeId, concern);
      if (!entry) throw AppError.notFound('Notice');
      if (!entry.readAt) {
        entry.readAt = this.clock.now();
        entry.readById = ctx.caller.userId;
        await tx.em.update(
          SupervisionNoticeEntry,
          { id: entry.id },
          { readAt: entry.readAt, readById: entry.readById },
        );
      }
      return (await this.describe(tx.em, [entry]))[0];
    });
  }

  private async validated(em: EntityManager, rules: SupervisionRules, input: PublishNoticeInput): Promise<NoticeDraft> {
    const notices = rules.notices;
    if (!notices)
      throw SUPERVISION_ERRORS.badInput('input.tenantCode', 'PLUGIN_DECLARES_NONE', {
        what: { en: 'notices', zh: '通报' },
      });
    const today = shanghaiDateOf(this.clock.now());
    let draft: NoticeDraft;
    if (input.kind === NoticeKind.REGULAR) {
      if (!input.period) throw SUPERVISION_ERRORS.badInput('input.period', 'REGULAR_PERIOD_REQUIRED');
      if (!(notices.regularPeriods as string[]).includes(input.period))
        throw SUPERVISION_ERRORS.badInput('input.period', 'NOT_A_REGULAR_PERIOD', { allowed: notices.regularPeriods });
      if (input.unitIds?.length) throw SUPERVISION_ERRORS.badInput('input.unitIds', 'REGULAR_RANKS_ALL');
      if (input.periodEnd) throw SUPERVISION_ERRORS.badInput('input.periodEnd', 'REGULAR_COVERS_PERIOD');
      const range = periodFrom(input.period, input.periodStart);
      if ('problem' in range) throw periodProblem('input.periodStart', range.problem);
      if (range.end >= today)
        throw SUPERVISION_ERRORS.badInput('input.periodStart', 'PERIOD_NOT_OVER', { end: range.end });
      if (await this.regularExists(em, rules.tenant.id, input.period, range.start))
        throw SUPERVISION_ERRORS.conflict(
          'REGULAR_NOTICE_EXISTS',
          { period: input.period, start: range.start },
          'input.periodStart',
        );
      const units = await supervisedUnits(em, rules.tenant.id, notices.ranked);
      draft = {
        kind: NoticeKind.REGULAR,
        period: input.period,
        range,
        title: input.title ?? this.regularTitle(rules.tenant, input.period, range.start),
        body: input.body ?? null,
        units,
        criticisms: new Map(),
      };
    } else {
      if (!notices.special)
        throw SUPERVISION_ERRORS.badInput('input.kind', 'PLUGIN_DECLARES_NONE', {
          what: { en: 'special notices', zh: '专项通报' },
        });
      if (input.period) throw SUPERVISION_ERRORS.badInput('input.period', 'SPECIAL_HAS_NO_PERIOD');
      if (!input.title) throw SUPERVISION_ERRORS.badInput('input.title', 'TITLE_REQUIRED');
      if (!input.unitIds?.length) throw SUPERVISION_ERRORS.badInput('input.unitIds', 'SPECIAL_NAMES_UNITS');
      const end = input.periodEnd ?? input.periodStart;
      if (end < input.periodStart) throw SUPERVISION_ERRORS.badInput('input.periodEnd', 'BEFORE_PERIOD_START');
      if (daysBetween(input.periodStart, end) > 366)
        throw SUPERVISION_ERRORS.badInput('input.periodEnd', 'PERIOD_TOO_LONG', {
          what: { en: 'notice covers', zh: '通报' },
        });
      if (input.periodStart > today) throw SUPERVISION_ERRORS.badInput('input.periodStart', 'IN_THE_FUTURE');
      const eligible = new Map((await supervisedUnits(em, rules.tenant.id, notices.ranked)).map((u) => [u.id, u]));
      const units = input.unitIds.map((id, i) => {
        const unit = eligible.get(id);
        if (!unit)
          throw SUPERVISION_ERRORS.badInput(`input.unitIds.${i}`, 'NOT_A_RANKED_UNIT', { kinds: notices.ranked });
        return unit;
      });
      draft = {
        kind: NoticeKind.SPECIAL,
        period: null,
        range: { start: input.periodStart, end },
        title: input.title,
        body: input.body ?? null,
        units,
        criticisms: new Map(),
      };
    }
    for (const [unitId, text] of this.criticisms(rules, new Set(draft.units.map((u) => u.id)), input.criticisms ?? []))
      draft.criticisms.set(unitId, text);
    return draft;
  }

  private regularTitle(tenant: Tenant, period: NoticePeriod, start: string): string {
    return `${tenant.name}${periodWords(period, start)}信访工作通报`;
  }

  /** A regular notice of the period: published or a draft; a discarded draft counts only for the sweep. */
  private async regularExists(
    em: EntityManager,
    tenantId: string,
    period: NoticePeriod,
    start: string,
    discardedToo = false,
  ): Promise<boolean> {
    return em.exists(SupervisionNotice, {
      where: {
        tenantId,
        kind: NoticeKind.REGULAR,
        period,
        periodStart: start,
        ...(discardedToo ? {} : { status: In(['DRAFT', 'PUBLISHED']) }),
      },
    });
  }

  /** Metrics, scores, places and bottom band of a notice's units, and the rule text that says how. */
  private async compute(em: EntityManager, rules: SupervisionRules, draft: NoticeDraft): Promise<ComputedNotice> {
    const tenant = rules.tenant;
    const notices = rules.notices!;
    const today = shanghaiDateOf(this.clock.now());
    const metrics = await computeMetrics(em, tenant.id, draft.units, { ...draft.range, today });
    const hook = hookOf(this.registry, tenant, 'rankScore');
    const score = (m: Metrics): number => {
      if (hook) {
        try {
          const s = hook(m);
          if (Number.isFinite(s)) return s;
        } catch {
          // fall through: a failing hook must not stop the notice
        }
        this.logger.warn(`rankScore hook of ${tenant.pluginId} failed; the weighted sum is used`);
      }
      return weightedScore(m, notices.scoring);
    };
    const band = bottomBand(rules.ladder);
    const { ranked, ranking } =
      draft.kind === NoticeKind.REGULAR
        ? rankLists(notices, draft.units, metrics, score, band)
        : { ranked: new Map<string, RankedEntry>(), ranking: [] };
    const scoring = hook ? `rankScore hook (${tenant.pluginId})` : 'Σ weight × metric';
    const minimum = minimumToRank(notices);
    const rankingRule = `ranked in ${ranking.map((l) => `${l.name} (${l.kinds.join('+')})`).join(', ')} by ${scoring}; ties share a place; bottom ${band} of units with adverse facts, when a list has ${minimum.minimum} unit(s) with facts (${minimum.isDefault ? 'platform default' : (minimum.source ?? 'plugin')})`;
    return {
      metrics,
      ranked,
      ranking,
      rule: draft.kind === NoticeKind.REGULAR ? `${notices.source}; ${rankingRule}` : notices.source,
    };
  }

  private buildEntries(
    rules: SupervisionRules,
    notice: SupervisionNotice,
    units: readonly SupervisedUnit[],
    computed: ComputedNotice,
    criticisms: ReadonlyMap<string, string>,
  ): SupervisionNoticeEntry[] {
    const scoring = rules.notices!.scoring;
    return units.map((u) => {
      const r = computed.ranked.get(u.id);
      const m = computed.metrics.get(u.id)!;
      const criticism = criticisms.get(u.id) ?? null;
      return Object.assign(new SupervisionNoticeEntry(), {
        tenantId: rules.tenant.id,
        noticeId: notice.id,
        targetUnitId: u.id,
        targetTenantId: u.childTenantId,
        metrics: m,
        score: r ? r.score : null,
        rank: r ? r.rank : null,
        rankedOf: r ? r.rankedOf : null,
        bottom: r ? r.bottom : false,
        listCode: r ? r.listCode : null,
        tiedWith: r ? r.tiedWith : null,
        adverseFacts: r
          ? r.adverseFacts
          : scoreFacts(m, scoring)
              .filter((f) => f.adverse)
              .reduce((n, f) => n + f.value, 0),
        scoreFacts: scoreFacts(m, scoring),
        criticised: criticism !== null,
        criticism,
      });
    });
  }

  private sorted(entries: SupervisionNoticeEntry[], units: readonly SupervisedUnit[]): SupervisionNoticeEntry[] {
    const position = new Map(units.map((u, i) => [u.id, i]));
    return entries.sort(
      (a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || position.get(a.targetUnitId)! - position.get(b.targetUnitId)!,
    );
  }

  /** Computes, ranks, writes the notice and its entries, and the outbox messages, in the caller's transaction. */
  private async create(
    tx: Tx,
    rules: SupervisionRules,
    draft: NoticeDraft,
    userId: string | null,
    status: 'DRAFT' | 'PUBLISHED' = 'PUBLISHED',
  ): Promise<SupervisionNotice> {
    const { em } = tx;
    const tenant = rules.tenant;
    const notices = rules.notices!;
    const now = this.clock.now();
    const today = shanghaiDateOf(now);
    const computed = await this.compute(em, rules, draft);
    const reportedTo = notices.reportedTo ?? [];
    const notice = await em.save(
      em.create(SupervisionNotice, {
        tenantId: tenant.id,
        // A draft is numbered when it is published (a discarded draft must not use up a document number).
        number:
          status === 'DRAFT'
            ? `草稿 ${draft.period ?? ''} ${draft.range.start}`
            : await nextNumber(em, tenant, 'NOTICE', today.slice(0, 4)),
        kind: draft.kind,
        period: draft.period,
        periodStart: draft.range.start,
        periodEnd: draft.range.end,
        title: draft.title,
        body: draft.body,
        status,
        rule: computed.rule,
        ranking: computed.ranking,
        createdById: userId,
        createdAt: now,
        publishedById: status === 'DRAFT' ? null : userId,
        publishedAt: status === 'DRAFT' ? null : now,
        distribution: { units: draft.units.length, reportedTo, recordedWith: notices.recordedWith },
      }),
    );
    const entries = this.buildEntries(rules, notice, draft.units, computed, draft.criticisms);
    for (let i = 0; i < entries.length; i += 500) await em.insert(SupervisionNoticeEntry, entries.slice(i, i + 500));
    if (status === 'PUBLISHED') await announceNotice(em, this.outbox, rules, notice, entries, draft.units, reportedTo);
    notice.issuerName = tenant.name;
    notice.entries = await this.describe(em, this.sorted(entries, draft.units));
    return notice;
  }

  /** Entries with their unit's name and kind, and the child tenant's code for a township. */
  private async describe(em: EntityManager, entries: SupervisionNoticeEntry[]): Promise<SupervisionNoticeEntry[]> {
    const units = await unitsByIds(
      em,
      entries.map((e) => e.targetUnitId),
    );
    return entries.map((e) => {
      const u = units.get(e.targetUnitId);
      return Object.assign(e, {
        unitName: u?.name ?? '',
        unitKind: u?.kind,
        targetTenantCode: u?.childTenantCode ?? null,
      });
    });
  }

  private async named(em: EntityManager, notices: SupervisionNotice[]): Promise<SupervisionNotice[]> {
    const ids = [...new Set(notices.map((n) => n.tenantId))];
    const names = new Map(
      (await em.find(Tenant, { where: { id: In(ids) }, select: { id: true, name: true } })).map((t) => [t.id, t.name]),
    );
    return notices.map((n) => Object.assign(n, { issuerName: names.get(n.tenantId) ?? '' }));
  }
}
