import { addDays } from '@engine/calendar';
import type { Prng } from '../../lib/prng';
import type { Column } from '../loader';
import type { Generator, PlannedTenant, PlannedUnit, SeedContext } from '../province';

const cols = (spec: string): Column[] =>
  spec.split(' ').map((s) => {
    const [name, type] = s.split(':');
    return { name, type: type as Column['type'] };
  });

const NOTICE = cols(
  'id:uuid tenant_id:uuid number:text kind:text period:text period_start:date period_end:date title:text body:text status:text rule:text created_by:uuid created_at:timestamptz published_by:uuid published_at:timestamptz distribution:jsonb',
);
const ENTRY = cols(
  'id:uuid tenant_id:uuid notice_id:uuid target_unit_id:uuid target_tenant_id:uuid metrics:jsonb score:int rank:int ranked_of:int bottom:bool criticised:bool criticism:text read_at:timestamptz read_by:uuid',
);
const ACTION = cols(
  'id:uuid tenant_id:uuid number:text kind:text target_unit_id:uuid target_tenant_id:uuid rule_id:text rule_source:text facts:jsonb severity:text channel:text status:text current_step:text steps:jsonb detail:jsonb due_on:date dedupe_key:text opened_by:uuid opened_at:timestamptz closed_at:timestamptz',
);
const SEQUENCE = cols('tenant_id:uuid kind:text year:int last:int');

const NUMBER_WORDS: Record<string, string> = {
  NOTICE: '通报',
  REMINDER: '提醒',
  LISTING: '挂牌督办',
  INTERVIEW: '约谈',
};

interface NoticesRule {
  regularPeriods?: string[];
  ranked?: string[];
  scoring?: Record<string, number>;
  recordedWith?: string[];
  reportedTo?: string[];
  source?: string;
}
interface LadderRule {
  when: { kind: string; bottom?: number };
}
interface SupervisionConfig {
  notices?: NoticesRule;
  ladder?: LadderRule[];
  reminders?: { reasons: { code: string; name: string }[]; channels: Record<string, string>; source: string };
  listedSupervision?: { steps: { code: string; name: string }[]; source: string };
  interviews?: { reasons: { code: string; name: string }[]; source: string };
}

/** First day of the month `offset` months from the month of `day` (YYYY-MM-DD). */
function monthStart(day: string, offset: number): string {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + offset);
  return d.toISOString().slice(0, 10);
}

/**
 * Supervision history (督查督办) of every tenant whose plugin publishes MONTHLY regular notices (the
 * county plugin): a monthly notice ranking its supervised units (townships and departments) for each
 * month from the first full month after onboarding to the month before last — the last month is left
 * for the hourly sweep to publish, as it would — each entry with metrics, score, rank, `rankedOf` and
 * the bottom band of the ladder; units carry a persistent quality, so some are in the bottom band month
 * after month (what the ladder acts on). Beside them, the office's own steps over the year: reminders
 * (issued), listings (active, a time limit past or ahead) and interviews awaiting rectification (some past
 * their report date), most about townships. Numbers continue in `supervision_sequence`. Loaded with
 * triggers off: `seed.ts` recounts `supervision_status` afterwards.
 */
export const supervisionGenerator: Generator = {
  name: 'supervision',
  available: (tables) =>
    ['supervision_notice', 'supervision_notice_entry', 'supervision_action', 'supervision_sequence'].every((t) =>
      tables.has(t),
    )
      ? true
      : 'no supervision tables',
  async run(ctx: SeedContext): Promise<void> {
    const rng = ctx.rng.fork('supervision');
    let notices = 0;
    let actions = 0;
    for (const t of ctx.all) {
      const sup = (t.template.pluginConfig as { supervision?: SupervisionConfig }).supervision;
      if (!sup?.notices?.regularPeriods?.includes('MONTHLY') || !sup.notices.ranked?.length) continue;
      const seq = new Map<string, number>();
      const number = (kind: string, year: string): string => {
        const key = `${kind}|${year}`;
        const n = (seq.get(key) ?? 0) + 1;
        seq.set(key, n);
        return `${t.name.replace(/(镇|街道|县|区)$/, '')}信访${NUMBER_WORDS[kind]}〔${year}〕${n}号`;
      };
      notices += await monthlyNotices(ctx, rng, t, sup, number);
      actions += await officeActions(ctx, rng, t, sup, number);
      for (const [key, last] of seq) {
        const [kind, year] = key.split('|');
        await ctx.load.add('supervision_sequence', SEQUENCE, { tenant_id: t.id, kind, year: Number(year), last });
      }
    }
    await ctx.load.flush();
    ctx.log(
      `supervision: ${notices} monthly notices (${ctx.load.counts.supervision_notice_entry ?? 0} entries), ${actions} office actions`,
    );
  },
};

async function monthlyNotices(
  ctx: SeedContext,
  rng: Prng,
  t: PlannedTenant,
  sup: SupervisionConfig,
  number: (kind: string, year: string) => string,
): Promise<number> {
  const rules = sup.notices!;
  const units = t.units.filter((u) => rules.ranked!.includes(u.kind));
  if (!units.length) return 0;
  const band = Math.max(
    0,
    ...(sup.ladder ?? [])
      .filter((r) => r.when.kind === 'BOTTOM_IN_CONSECUTIVE_REGULAR_NOTICES')
      .map((r) => r.when.bottom ?? 0),
  );
  const quality = new Map(units.map((u) => [u.id, rng.next()]));
  const weights = rules.scoring ?? {};
  const first = monthStart(t.createdAt.toISOString().slice(0, 10), 1);
  const lastStart = monthStart(ctx.asOf, -2);
  let count = 0;
  for (let start = first; start <= lastStart; start = monthStart(start, 1)) {
    const end = addDays(monthStart(start, 1), -1);
    const published = new Date(`${addDays(end, 5)}T02:00:00Z`);
    const id = rng.uuid();
    const scored = units.map((u) => {
      const q = quality.get(u.id)!;
      const bad = (scale: number): number => Math.max(0, Math.round((1 - q) * scale * (0.5 + rng.next())));
      const metrics: Record<string, number> = {
        CASES_RECEIVED: rng.int(0, 30),
        CASES_OVERDUE: bad(6),
        RESOLVED_IN_TIME: Math.round(q * 20 * (0.5 + rng.next())),
        REPEAT_PETITIONS: bad(4),
        SKIP_LEVEL_PETITIONS: bad(2),
        BEIJING_PETITIONS: rng.chance(0.05 * (1 - q)) ? 1 : 0,
        MISSING_WEEKLY_REPORTS: bad(1.5),
        AGREED_ITEMS_OVERDUE: bad(3),
        MISSED_CADENCE: bad(1),
        REVIEWS_OVERTURNED: rng.chance(0.03) ? 1 : 0,
      };
      const score = Object.entries(weights).reduce((s, [k, w]) => s + w * (metrics[k] ?? 0), 0);
      return { unit: u, metrics, score };
    });
    scored.sort(
      (a, b) => b.score - a.score || a.unit.position - b.unit.position || a.unit.name.localeCompare(b.unit.name),
    );
    await ctx.load.add('supervision_notice', NOTICE, {
      id,
      tenant_id: t.id,
      number: number('NOTICE', start.slice(0, 4)),
      kind: 'REGULAR',
      period: 'MONTHLY',
      period_start: start,
      period_end: end,
      title: `${t.name}${start.slice(0, 4)}年${Number(start.slice(5, 7))}月信访工作定期通报`,
      body: null,
      status: 'PUBLISHED',
      rule: `${rules.source ?? ''}; ranked ${rules.ranked!.join(', ')} by Σ weight × metric; bottom ${band}`,
      created_by: t.office?.id ?? null,
      created_at: published,
      published_by: t.office?.id ?? null,
      published_at: published,
      distribution: { units: units.length, reportedTo: rules.reportedTo ?? [], recordedWith: rules.recordedWith ?? [] },
    });
    for (const [i, s] of scored.entries()) {
      const read = rng.chance(0.8);
      await ctx.load.add('supervision_notice_entry', ENTRY, {
        id: rng.uuid(),
        tenant_id: t.id,
        notice_id: id,
        target_unit_id: s.unit.id,
        target_tenant_id: s.unit.childTenantId,
        metrics: s.metrics,
        score: s.score,
        rank: i + 1,
        ranked_of: scored.length,
        bottom: i >= scored.length - band,
        criticised: false,
        criticism: null,
        read_at: read ? new Date(published.getTime() + rng.int(1, 72) * 3_600_000) : null,
        read_by: null,
      });
    }
    count += 1;
  }
  return count;
}

async function officeActions(
  ctx: SeedContext,
  rng: Prng,
  t: PlannedTenant,
  sup: SupervisionConfig,
  number: (kind: string, year: string) => string,
): Promise<number> {
  const targets: PlannedUnit[] = t.units.filter((u) => u.kind === 'TOWNSHIP' || u.kind === 'DEPARTMENT');
  if (!targets.length) return 0;
  const at = (daysAgo: number): Date => new Date(`${addDays(ctx.asOf, -daysAgo)}T03:00:00Z`);
  const base = (kind: string, unit: PlannedUnit, opened: Date, source: string): Record<string, unknown> => ({
    id: rng.uuid(),
    tenant_id: t.id,
    number: number(kind, opened.toISOString().slice(0, 4)),
    kind,
    target_unit_id: unit.id,
    target_tenant_id: unit.childTenantId,
    rule_id: null,
    rule_source: source,
    steps: [],
    dedupe_key: `manual:${rng.uuid()}`,
    opened_by: t.office?.id ?? null,
    opened_at: opened,
    closed_at: null,
    due_on: null,
    current_step: null,
    severity: null,
    channel: null,
  });
  let n = 0;
  const pickUnit = (): PlannedUnit =>
    rng.chance(0.75)
      ? targets.filter((u) => u.kind === 'TOWNSHIP')[0]
        ? rng.pick(targets.filter((u) => u.kind === 'TOWNSHIP'))
        : rng.pick(targets)
      : rng.pick(targets);
  if (sup.reminders) {
    for (let i = rng.int(3, 8); i > 0; i -= 1) {
      const reason = rng.pick(sup.reminders.reasons);
      const severity = rng.chance(0.3) ? 'KEY' : 'GENERAL';
      const opened = at(rng.int(5, 330));
      await ctx.load.add('supervision_action', ACTION, {
        ...base('REMINDER', pickUnit(), opened, sup.reminders.source),
        facts: { reasonCode: reason.code, openedBy: 'office' },
        severity,
        channel: sup.reminders.channels[severity] ?? 'SMS',
        status: 'ISSUED',
        detail: { reasonCode: reason.code, reasonName: reason.name, note: null },
      });
      n += 1;
    }
  }
  if (sup.listedSupervision) {
    const steps = sup.listedSupervision.steps;
    for (let i = rng.int(1, 3); i > 0; i -= 1) {
      const opened = at(rng.int(20, 200));
      const stepAt = rng.int(0, Math.min(2, steps.length - 1));
      await ctx.load.add('supervision_action', ACTION, {
        ...base('LISTING', pickUnit(), opened, sup.listedSupervision.source),
        facts: { reason: '重点信访事项久拖不决', openedBy: 'office' },
        status: 'ACTIVE',
        current_step: steps[stepAt].code,
        steps: steps.slice(0, stepAt + 1).map((s) => ({
          code: s.code,
          name: s.name,
          at: opened.toISOString(),
          byUserId: t.office?.id ?? null,
          note: null,
          passed: null,
        })),
        detail: { reason: '重点信访事项久拖不决' },
        due_on: addDays(ctx.asOf, rng.int(-20, 60)),
      });
      n += 1;
    }
  }
  if (sup.interviews) {
    for (let i = rng.int(0, 2); i > 0; i -= 1) {
      const reason = rng.pick(sup.interviews.reasons);
      const held = rng.int(10, 40);
      await ctx.load.add('supervision_action', ACTION, {
        ...base('INTERVIEW', pickUnit(), at(held + 7), sup.interviews.source),
        facts: { reasonCode: reason.code, openedBy: 'office' },
        severity: 'GENERAL',
        status: 'AWAITING_RECTIFICATION',
        detail: {
          reasonCode: reason.code,
          reasonName: reason.name,
          team: ['联席办'],
          targets: ['主要领导'],
          matters: reason.name,
          heldOn: addDays(ctx.asOf, -held),
        },
        // 15 working days ≈ 21 calendar days after the interview: some reports are overdue already.
        due_on: addDays(ctx.asOf, 21 - held),
      });
      n += 1;
    }
  }
  return n;
}
