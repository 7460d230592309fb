import { Inject, Injectable, Logger } from '@nestjs/common';
import { subject } from '@casl/ability';
import { In, type EntityManager } from 'typeorm';
import { daysBetween, shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import { RequestContext } from '@engine/context';
import { Db, type Tx } from '@engine/database';
import { AppError } from '@engine/errors';
import { JobQueue } from '@engine/jobs';
import { PluginRegistry } from '@engine/plugins';
import { MEMBER_UNIT_KINDS } from '@jm/plugin-sdk';
import { Tenant } from '@modules/tenancy/tenant.entity';
import { hookOf } from '@modules/tenancy/tenant-lookup';
import type { PublishNoticeInput } from './dto/supervision.inputs';
import { NoticeKind, NoticePeriod, OutboxChannel } from './enums';
import { afterDecision } from './jobs';
import { bottomBand } from './ladder';
import { computeMetrics } from './metrics.repository';
import { SupervisionNotice, SupervisionNoticeEntry, type NoticeRankingList } from './notice.entity';
import { OutboxService, type OutboxDraft } from './outbox.service';
import { periodFrom, previousPeriod, type PeriodRange } from './periods';
import { rankUnits, scoreFacts, weightedScore, type Metrics, type RankedUnit } from './ranking';
import { minimumToRank, rankingListsOf } from './ranking-lists';
import {
  actsForUnit,
  concernSql,
  nextNumber,
  openAncestors,
  roleRecipients,
  supervisedUnits,
  supervisionRulesOf,
  tenantByCode,
  unitRecipients,
  unitsByIds,
  type SupervisedUnit,
  type SupervisionRules,
} from './supervision-rules';

/** A unit's metrics for a period, as computed from the ledger and meetings. */
export interface UnitMetricsView {
  unit: SupervisedUnit;
  metrics: Metrics;
}

type RankedEntry = RankedUnit & { listCode: string };

interface NoticeDraft {
  kind: NoticeKind;
  period: NoticePeriod | null;
  range: PeriodRange;
  title: string;
  body: string | null;
  units: SupervisedUnit[];
  criticisms: Map<string, string>;
}

const PERIOD_WORDS = (period: NoticePeriod, start: string): string => {
  const year = `${start.slice(0, 4)}年`;
  const month = Number(start.slice(5, 7));
  switch (period) {
    case NoticePeriod.MONTHLY:
      return `${year}${month}月`;
    case NoticePeriod.QUARTERLY:
      return `${year}第${(month + 2) / 3}季度`;
    case NoticePeriod.HALF_YEARLY:
      return `${year}${month === 1 ? '上' : '下'}半年`;
    case NoticePeriod.ANNUAL:
      return `${year}度`;
  }
};

/**
 * Notices (通报): regular ones per the plugin's periods, ranking the supervised units by the plugin's
 * scoring (or its rankScore hook) over metrics computed from the ledger; special ones naming units;
 * named criticism where the plugin provides it. Published to the units' users and reported to the roles
 * the plugin names, through the outbox; read receipts per unit. The monthly notice is also drafted and
 * published by the sweep at the start of the next month.
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
      if (!ctx.ability.can('create', subject('SupervisionNotice', { tenantId: tenant.id }))) throw AppError.forbidden('Only the office publishes notices');
      const rules = await supervisionRulesOf(tx.em, tenant);
      const draft = await this.validated(tx.em, rules, input);
      return this.create(tx, rules, draft, ctx.caller.userId);
    });
    await afterDecision(this.jobs, notice.tenantId, { ladder: true });
    return notice;
  }

  /**
   * The sweep's duty: the last month's regular notice, once the month is over (idempotent). The ladder
   * runs after it: enqueued, unless the caller runs it itself next (the tenant sweep).
   */
  async publishDueRegularNotices(tenantId: string, options: { runLadder: boolean } = { runLadder: true }): Promise<SupervisionNotice | null> {
    const ctx = RequestContext.forTenantJob(tenantId, { tree: true });
    const notice = await this.db.run(ctx, async (tx) => {
      const tenant = await tx.em.findOne(Tenant, { where: { id: tenantId } });
      if (!tenant) return null;
      const rules = await supervisionRulesOf(tx.em, tenant);
      if (!rules.notices?.regularPeriods.includes(NoticePeriod.MONTHLY)) return null;
      const range = previousPeriod(NoticePeriod.MONTHLY, shanghaiDateOf(this.clock.now()));
      if (await this.regularExists(tx.em, tenantId, NoticePeriod.MONTHLY, range.start)) return null;
      const units = await supervisedUnits(tx.em, tenantId, rules.notices.ranked);
      if (!units.length) return null; // nobody to rank (a county before its townships are onboarded)
      return this.create(tx, rules, { kind: NoticeKind.REGULAR, period: NoticePeriod.MONTHLY, range, title: this.regularTitle(tenant, NoticePeriod.MONTHLY, range.start), body: null, units, criticisms: new Map() }, null);
    });
    if (notice) {
      this.logger.log(`tenant ${tenantId}: monthly notice ${notice.number} published`);
      await afterDecision(this.jobs, tenantId, { ladder: options.runLadder });
    }
    return notice;
  }

  /** Metrics of the tenant's supervised units for a period (computed, never stored until a notice is published). */
  async unitMetrics(ctx: RequestContext, tenantCode: string, start: string, end: string): Promise<UnitMetricsView[]> {
    if (end < start) throw AppError.badInput('periodEnd', 'is before periodStart');
    if (daysBetween(start, end) > 366) throw AppError.badInput('periodEnd', 'a period lasts a year at most');
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode, 'tenantCode');
      if (actsForUnit(ctx)) throw AppError.forbidden('Metrics of all units are for the office, the conveners and superiors');
      const rules = await supervisionRulesOf(em, tenant);
      const units = await supervisedUnits(em, tenant.id, rules.notices?.ranked ?? MEMBER_UNIT_KINDS);
      const metrics = await computeMetrics(em, tenant.id, units, { start, end, today: shanghaiDateOf(this.clock.now()) });
      return units.map((unit) => ({ unit, metrics: metrics.get(unit.id)! }));
    });
  }

  async list(ctx: RequestContext, tenantCode: string, kind: NoticeKind | undefined, limit: number): Promise<SupervisionNotice[]> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode, 'tenantCode');
      const qb = em.createQueryBuilder(SupervisionNotice, 'n').where('n.tenant_id = :t', { t: tenant.id });
      if (kind) qb.andWhere('n.kind = :kind', { kind });
      const unit = actsForUnit(ctx);
      if (unit) qb.andWhere(`n.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM supervision_notice_entry e WHERE e.notice_id = n.id AND e.target_unit_id = :unit)`, { unit });
      const notices = await qb.orderBy('n.published_at', 'DESC', 'NULLS LAST').addOrderBy('n.id', 'DESC').take(limit).getMany();
      return this.named(em, notices);
    });
  }

  async byId(ctx: RequestContext, id: string): Promise<SupervisionNotice | null> {
    return this.db.run(ctx, async ({ em }) => {
      const notice = await em.findOne(SupervisionNotice, { where: { id } });
      const unit = actsForUnit(ctx);
      if (!notice || (unit && !(await em.exists(SupervisionNoticeEntry, { where: { noticeId: id, targetUnitId: unit } })))) return null;
      return (await this.named(em, [notice]))[0];
    });
  }

  /** Entries of notices, for the per-request loader; a member unit sees its own entry only. */
  async entriesOf(ctx: RequestContext, noticeIds: readonly string[]): Promise<Map<string, SupervisionNoticeEntry[]>> {
    return this.db.run(ctx, async ({ em }) => {
      const unit = actsForUnit(ctx);
      const rows = await em.find(SupervisionNoticeEntry, { where: { noticeId: In([...noticeIds]), ...(unit ? { targetUnitId: unit } : {}) } });
      const described = await this.describe(em, rows);
      const out = new Map<string, SupervisionNoticeEntry[]>(noticeIds.map((id) => [id, []]));
      for (const e of described.sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.unitName.localeCompare(b.unitName, 'zh-CN'))) out.get(e.noticeId)?.push(e);
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
      const entries = await tx.em
        .createQueryBuilder(SupervisionNoticeEntry, 'e')
        .innerJoin(SupervisionNotice, 'n', 'n.id = e.notice_id')
        .where(concern.sql, concern.params)
        .andWhere(`n.status = 'PUBLISHED'`)
        .orderBy('n.published_at', 'DESC')
        .addOrderBy('e.id', 'DESC')
        .limit(limit)
        .getMany();
      if (!entries.length) return [];
      const notices = await this.named(tx.em, await tx.em.find(SupervisionNotice, { where: { id: In(entries.map((e) => e.noticeId)) }, order: { publishedAt: 'DESC', id: 'DESC' } }));
      const described = await this.describe(tx.em, entries);
      for (const n of notices) n.entries = described.filter((e) => e.noticeId === n.id);
      return notices;
    });
  }

  /** A read receipt, by the unit the notice concerns (a township's leaders, or the unit's own users). */
  async markRead(ctx: RequestContext, noticeId: string): Promise<SupervisionNoticeEntry> {
    const concern = concernSql(ctx, 'e', 'write');
    if (!concern) throw AppError.forbidden('Read receipts are given by the units a notice concerns');
    return this.db.run(ctx, async (tx) => {
      await openAncestors(this.db, tx, ctx);
      const entry = await tx.em
        .createQueryBuilder(SupervisionNoticeEntry, 'e')
        .innerJoin(SupervisionNotice, 'n', `n.id = e.notice_id AND n.status = 'PUBLISHED'`)
        .where('e.notice_id = :noticeId', { noticeId })
        .andWhere(concern.sql, concern.params)
        .getOne();
      if (!entry) throw AppError.notFound('Notice');
      if (!entry.readAt) {
        entry.readAt = this.clock.now();
        entry.readById = ctx.caller.userId;
        await tx.em.update(SupervisionNoticeEntry, { id: entry.id }, { readAt: entry.readAt, readById: entry.readById });
      }
      return (await this.describe(tx.em, [entry]))[0];
    });
  }

  private async validated(em: EntityManager, rules: SupervisionRules, input: PublishNoticeInput): Promise<NoticeDraft> {
    const notices = rules.notices;
    if (!notices) throw AppError.badInput('input.tenantCode', 'this tenant\'s plugin declares no notices');
    const today = shanghaiDateOf(this.clock.now());
    let draft: NoticeDraft;
    if (input.kind === NoticeKind.REGULAR) {
      if (!input.period) throw AppError.badInput('input.period', 'is required for a regular notice');
      if (!(notices.regularPeriods as string[]).includes(input.period)) throw AppError.badInput('input.period', `must be one of this tenant's regular periods (${notices.regularPeriods.join(', ')})`);
      if (input.unitIds?.length) throw AppError.badInput('input.unitIds', 'a regular notice ranks every supervised unit; name units in a special notice');
      if (input.periodEnd) throw AppError.badInput('input.periodEnd', 'a regular notice covers its whole period');
      const range = periodFrom(input.period, input.periodStart);
      if ('problem' in range) throw AppError.badInput('input.periodStart', range.problem);
      if (range.end >= today) throw AppError.badInput('input.periodStart', `the period ends on ${range.end}: a regular notice is published once it is over`);
      if (await this.regularExists(em, rules.tenant.id, input.period, range.start)) throw AppError.conflict(`The ${input.period} notice for ${range.start} is already published`, 'input.periodStart');
      const units = await supervisedUnits(em, rules.tenant.id, notices.ranked);
      draft = { kind: NoticeKind.REGULAR, period: input.period, range, title: input.title ?? this.regularTitle(rules.tenant, input.period, range.start), body: input.body ?? null, units, criticisms: new Map() };
    } else {
      if (!notices.special) throw AppError.badInput('input.kind', 'this tenant\'s plugin provides no special notices');
      if (input.period) throw AppError.badInput('input.period', 'a special notice has no regular period');
      if (!input.title) throw AppError.badInput('input.title', 'is required for a special notice');
      if (!input.unitIds?.length) throw AppError.badInput('input.unitIds', 'a special notice names at least one unit');
      const end = input.periodEnd ?? input.periodStart;
      if (end < input.periodStart) throw AppError.badInput('input.periodEnd', 'is before periodStart');
      if (daysBetween(input.periodStart, end) > 366) throw AppError.badInput('input.periodEnd', 'a notice covers a year at most');
      if (input.periodStart > today) throw AppError.badInput('input.periodStart', 'is in the future');
      const eligible = new Map((await supervisedUnits(em, rules.tenant.id, notices.ranked)).map((u) => [u.id, u]));
      const units = input.unitIds.map((id, i) => {
        const unit = eligible.get(id);
        if (!unit) throw AppError.badInput(`input.unitIds.${i}`, `is not an active unit of the kinds this tenant's notices cover (${notices.ranked.join(', ')})`);
        return unit;
      });
      draft = { kind: NoticeKind.SPECIAL, period: null, range: { start: input.periodStart, end }, title: input.title, body: input.body ?? null, units, criticisms: new Map() };
    }
    if (input.criticisms?.length) {
      if (!notices.namedCriticism) throw AppError.badInput('input.criticisms', 'this tenant\'s plugin provides no named criticism');
      const inNotice = new Set(draft.units.map((u) => u.id));
      input.criticisms.forEach((c, i) => {
        if (!inNotice.has(c.unitId)) throw AppError.badInput(`input.criticisms.${i}.unitId`, 'is not one of the units in this notice');
        if (draft.criticisms.has(c.unitId)) throw AppError.badInput(`input.criticisms.${i}.unitId`, 'is criticised twice');
        draft.criticisms.set(c.unitId, c.text);
      });
    }
    return draft;
  }

  private regularTitle(tenant: Tenant, period: NoticePeriod, start: string): string {
    return `${tenant.name}${PERIOD_WORDS(period, start)}信访工作通报`;
  }

  private async regularExists(em: EntityManager, tenantId: string, period: NoticePeriod, start: string): Promise<boolean> {
    return em.exists(SupervisionNotice, { where: { tenantId, kind: NoticeKind.REGULAR, period, periodStart: start } });
  }

  /** Computes, ranks, writes the notice and its entries, and the outbox messages, in the caller's transaction. */
  private async create(tx: Tx, rules: SupervisionRules, draft: NoticeDraft, userId: string | null): Promise<SupervisionNotice> {
    const { em } = tx;
    const tenant = rules.tenant;
    const notices = rules.notices!;
    const now = this.clock.now();
    const today = shanghaiDateOf(now);
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
    const { ranked, ranking } = draft.kind === NoticeKind.REGULAR ? this.rank(rules, draft.units, metrics, score, band) : { ranked: new Map<string, RankedEntry>(), ranking: [] };
    const scoring = hook ? `rankScore hook (${tenant.pluginId})` : 'Σ weight × metric';
    const minimum = minimumToRank(notices);
    const rankingRule = `ranked in ${ranking.map((l) => `${l.name} (${l.kinds.join('+')})`).join(', ')} by ${scoring}; ties share a place; bottom ${band} of units with adverse facts, when a list has ${minimum.minimum} unit(s) with facts (${minimum.isDefault ? 'platform default' : (minimum.source ?? 'plugin')})`;
    const reportedTo = notices.reportedTo ?? [];
    const notice = await em.save(
      em.create(SupervisionNotice, {
        tenantId: tenant.id,
        number: await nextNumber(em, tenant, 'NOTICE', today.slice(0, 4)),
        kind: draft.kind,
        period: draft.period,
        periodStart: draft.range.start,
        periodEnd: draft.range.end,
        title: draft.title,
        body: draft.body,
        status: 'PUBLISHED',
        rule: draft.kind === NoticeKind.REGULAR ? `${notices.source}; ${rankingRule}` : notices.source,
        ranking,
        createdById: userId,
        createdAt: now,
        publishedById: userId,
        publishedAt: now,
        distribution: { units: draft.units.length, reportedTo, recordedWith: notices.recordedWith },
      }),
    );
    const entries = draft.units.map((u) => {
      const r = ranked.get(u.id);
      const criticism = draft.criticisms.get(u.id) ?? null;
      return em.create(SupervisionNoticeEntry, {
        tenantId: tenant.id,
        noticeId: notice.id,
        targetUnitId: u.id,
        targetTenantId: u.childTenantId,
        metrics: metrics.get(u.id)!,
        score: r ? r.score : null,
        rank: r ? r.rank : null,
        rankedOf: r ? r.rankedOf : null,
        bottom: r ? r.bottom : false,
        listCode: r ? r.listCode : null,
        tiedWith: r ? r.tiedWith : null,
        adverseFacts: r ? r.adverseFacts : scoreFacts(metrics.get(u.id)!, notices.scoring).filter((f) => f.adverse).reduce((n, f) => n + f.value, 0),
        scoreFacts: scoreFacts(metrics.get(u.id)!, notices.scoring),
        criticised: criticism !== null,
        criticism,
      });
    });
    for (let i = 0; i < entries.length; i += 500) await em.insert(SupervisionNoticeEntry, entries.slice(i, i + 500));
    await this.announce(em, rules, notice, entries, draft.units, reportedTo);
    notice.issuerName = tenant.name;
    const position = new Map(draft.units.map((u, i) => [u.id, i]));
    entries.sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || position.get(a.targetUnitId)! - position.get(b.targetUnitId)!);
    notice.entries = await this.describe(em, entries);
    return notice;
  }

  /** Ranks every list on its own (003 §三: 乡镇 and 部门), each with its own places and bottom band. */
  private rank(rules: SupervisionRules, units: SupervisedUnit[], metrics: Map<string, Metrics>, score: (m: Metrics) => number, band: number): { ranked: Map<string, RankedEntry>; ranking: NoticeRankingList[] } {
    const notices = rules.notices!;
    const minimum = minimumToRank(notices);
    const ranked = new Map<string, RankedEntry>();
    const ranking: NoticeRankingList[] = [];
    for (const list of rankingListsOf(notices)) {
      const members = units.filter((u) => list.kinds.includes(u.kind));
      const { units: places, bottomBand: b } = rankUnits(members.map((u) => ({ unitId: u.id, position: u.position, name: u.name, metrics: metrics.get(u.id)! })), score, band, notices.scoring, minimum.minimum);
      for (const p of places) ranked.set(p.unitId, { ...p, listCode: list.code });
      ranking.push({ code: list.code, name: list.name, kinds: [...list.kinds], units: members.length, unitsWithFacts: b.unitsWithFacts, minimum: minimum.minimum, minimumIsDefault: minimum.isDefault, bottomWidth: band, bottomMarked: b.marked, withheld: b.withheld });
    }
    return { ranked, ranking };
  }

  private async announce(em: EntityManager, rules: SupervisionRules, notice: SupervisionNotice, entries: SupervisionNoticeEntry[], units: SupervisedUnit[], reportedTo: readonly string[]): Promise<void> {
    const recipients = await unitRecipients(em, units.map((u) => u.id));
    const name = new Map(units.map((u) => [u.id, u.name]));
    const drafts: OutboxDraft[] = [];
    for (const e of entries) {
      const place = e.rank ? `本期排名${(e.tiedWith ?? 1) > 1 ? '并列' : ''}第${e.rank}位（共${e.rankedOf}个单位）` : '被通报';
      const body = `${notice.title}（${notice.number}）已印发。${name.get(e.targetUnitId)}${place}${e.criticised ? `，被点名批评：${e.criticism}` : ''}。`;
      for (const user of recipients.get(e.targetUnitId) ?? []) {
        drafts.push({ channel: OutboxChannel.IN_APP, recipient: `user:${user}`, subject: `通报：${notice.number}`, body, dedupeKey: `notice:${notice.id}:${user}`, refId: notice.id });
      }
    }
    // 003 §三: 并报信访工作联席会议各召集人.
    for (const user of await roleRecipients(em, rules.tenant.id, reportedTo)) {
      drafts.push({ channel: OutboxChannel.IN_APP, recipient: `user:${user}`, subject: `通报报告：${notice.number}`, body: `${notice.title}（${notice.number}）已印发，涉及${units.length}个单位。`, dedupeKey: `notice:${notice.id}:reported:${user}`, refId: notice.id });
    }
    await this.outbox.write(em, rules.tenant.id, drafts);
  }

  /** Entries with their unit's name and kind, and the child tenant's code for a township. */
  private async describe(em: EntityManager, entries: SupervisionNoticeEntry[]): Promise<SupervisionNoticeEntry[]> {
    const units = await unitsByIds(em, entries.map((e) => e.targetUnitId));
    return entries.map((e) => {
      const u = units.get(e.targetUnitId);
      return Object.assign(e, { unitName: u?.name ?? '', unitKind: u?.kind, targetTenantCode: u?.childTenantCode ?? null });
    });
  }

  private async named(em: EntityManager, notices: SupervisionNotice[]): Promise<SupervisionNotice[]> {
    const ids = [...new Set(notices.map((n) => n.tenantId))];
    const names = new Map((await em.find(Tenant, { where: { id: In(ids) }, select: { id: true, name: true } })).map((t) => [t.id, t.name]));
    return notices.map((n) => Object.assign(n, { issuerName: names.get(n.tenantId) ?? '' }));
  }
}
