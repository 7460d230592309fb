import { Inject, Injectable, Logger } from '@nestjs/common';
import { subject } from '@casl/ability';
import { In, type EntityManager } from 'typeorm';
import { daysBetween, shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import type { Tx } from '@engine/database';
import { PluginRegistry } from '@engine/plugins';
import { Tenant } from '@core/tenancy/entities';
import { hookOf } from '@core/tenancy';
import type { PublishNoticeInput } from './dto/notices.inputs';
import { NoticeKind, NoticePeriod } from '../enums';
import { bottomBand } from '../ladder/ladder';
import { computeMetrics } from './metrics.repository';
import { SupervisionNotice, SupervisionNoticeEntry } from './notice.entity';
import { announceNotice } from './notice-announce';
import { OutboxService } from '../outbox/outbox.service';
import { periodFrom, periodWords, type PeriodRange } from '../periods';
import { scoreFacts, weightedScore, type Metrics } from './ranking';
import { minimumToRank, rankLists, type RankedEntry } from './ranking-lists';
import { SUPERVISION_ERRORS, periodProblem } from '../supervision.errors';
import {
  nextNumber,
  supervisedUnits,
  unitsByIds,
  type SupervisedUnit,
  type SupervisionRules,
} from '../supervision-rules';

/** What the composer computed for a notice's units: metrics, places, the lists, and the rule text that says how. */
export interface ComputedNotice {
  metrics: Map<string, Metrics>;
  ranked: Map<string, RankedEntry>;
  ranking: SupervisionNotice['ranking'];
  rule: string;
}

/** A notice before it is written: what it covers, whom it ranks or names, and the criticisms. */
export interface NoticeDraft {
  kind: NoticeKind;
  period: NoticePeriod | null;
  range: PeriodRange;
  title: string;
  body: string | null;
  units: SupervisedUnit[];
  criticisms: Map<string, string>;
}

/**
 * Composing a notice (通报), shared by the office's own notices (NoticesService) and the sweep's drafts
 * (NoticeDraftsService): the input checked against the plugin's notice rules, the units' metrics computed,
 * scored (the plugin's weights or its rankScore hook) and ranked into the plugin's lists with the bottom
 * band, and the notice with its entries written, announced through the outbox when published.
 */
@Injectable()
export class NoticeComposer {
  private readonly logger = new Logger('SupervisionNotices');

  constructor(
    @Inject(Clock) private readonly clock: Clock,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(PluginRegistry) private readonly registry: PluginRegistry,
  ) {}

  async validated(em: EntityManager, rules: SupervisionRules, input: PublishNoticeInput): Promise<NoticeDraft> {
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
  criticisms(
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
  regularTitle(tenant: Tenant, period: NoticePeriod, start: string): string {
    return `${tenant.name}${periodWords(period, start)}信访工作通报`;
  }
  /** A regular notice of the period: published or a draft; a discarded draft counts only for the sweep. */
  async regularExists(
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
  async compute(
    em: EntityManager,
    rules: SupervisionRules,
    draft: NoticeDraft,
    known?: Map<string, Metrics>,
  ): Promise<ComputedNotice> {
    const tenant = rules.tenant;
    const notices = rules.notices!;
    const today = shanghaiDateOf(this.clock.now());
    // `known`: the draft's metrics computed already (the sweep computes its periods' together).
    const metrics = known ?? (await computeMetrics(em, tenant.id, draft.units, { ...draft.range, today }));
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
  buildEntries(
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
  sorted(entries: SupervisionNoticeEntry[], units: readonly SupervisedUnit[]): SupervisionNoticeEntry[] {
    const position = new Map(units.map((u, i) => [u.id, i]));
    return entries.sort(
      (a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || position.get(a.targetUnitId)! - position.get(b.targetUnitId)!,
    );
  }
  /**
   * Computes, ranks, writes the notice and its entries, and the outbox messages, in the caller's transaction.
   * `options.metrics`: the units' metrics computed already; `options.describe: false` leaves the entries
   * without their units' names (the sweep's drafts: nobody reads what it returns).
   */
  async create(
    tx: Tx,
    rules: SupervisionRules,
    draft: NoticeDraft,
    userId: string | null,
    status: 'DRAFT' | 'PUBLISHED' = 'PUBLISHED',
    options: { metrics?: Map<string, Metrics>; describe?: boolean } = {},
  ): Promise<SupervisionNotice> {
    const { em } = tx;
    const tenant = rules.tenant;
    const notices = rules.notices!;
    const now = this.clock.now();
    const today = shanghaiDateOf(now);
    const computed = await this.compute(em, rules, draft, options.metrics);
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
    notice.entries =
      options.describe === false
        ? this.sorted(entries, draft.units)
        : await describeEntries(em, this.sorted(entries, draft.units));
    return notice;
  }
}

/** Whether the caller's office may draft, recompute, discard and publish the tenant's notices (and so sees its drafts). */
export function mayDraftNotices(ctx: RequestContext, tenantId: string): boolean {
  return ctx.ability.can('create', subject('SupervisionNotice', { tenantId }));
}

/** Entries with their unit's name and kind, and the child tenant's code for a township. */
export async function describeEntries(
  em: EntityManager,
  entries: SupervisionNoticeEntry[],
): Promise<SupervisionNoticeEntry[]> {
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

/** Notices with their issuer's name (the tenant that published them). */
export async function namedNotices(em: EntityManager, notices: SupervisionNotice[]): Promise<SupervisionNotice[]> {
  const ids = [...new Set(notices.map((n) => n.tenantId))];
  const names = new Map(
    (await em.find(Tenant, { where: { id: In(ids) }, select: { id: true, name: true } })).map((t) => [t.id, t.name]),
  );
  return notices.map((n) => Object.assign(n, { issuerName: names.get(n.tenantId) ?? '' }));
}
