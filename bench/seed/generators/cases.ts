import { addDays } from '@engine/calendar';
import { PiiCipher } from '@engine/crypto';
import { BENCH_PII_KEY } from '../../lib/constants';
import type { Prng } from '../../lib/prng';
import type { Column } from '../loader';
import type { Generator, PlannedTenant, PlannedUnit, SeedContext } from '../province';

const cols = (spec: string): Column[] =>
  spec.split(' ').map((s) => {
    const [name, type] = s.split(':');
    return { name, type: type as Column['type'] };
  });

const CASE = cols(
  'id:uuid tenant_id:uuid number:text channel:text assigned_by_level:text source:text matter:text category:text location_unit_id:uuid people_count:int group_petition:bool repeat_count:int status:text received_at:timestamptz received_on:date received_by:uuid first_inquiry_user_id:uuid handling_level:text responsible_unit_id:uuid responsible_person:text owner_tier:text owner_rule:text owner_leader:text owned_on:date roadmap:text due_on:date due_rule:text resolution:text resolved_at:timestamptz closed_at:timestamptz updated_at:timestamptz',
);
const PETITIONER = cols(
  'id:uuid tenant_id:uuid case_id:uuid position:int name_enc:text id_number_enc:text phone_enc:text address_enc:text person_key:text organiser:bool',
);
const LINK = cols('tenant_id:uuid case_id:uuid earlier_case_id:uuid kind:text');
const EVENT = cols('id:uuid tenant_id:uuid case_id:uuid kind:text at:timestamptz by_user_id:uuid note:text rule:text');
const SEQUENCE = cols('tenant_id:uuid year:int last:int');

const CATEGORIES = ['征地拆迁', '劳动社保', '城乡建设', '农村农业', '教育医疗', '环境保护', '涉法涉诉', '民政救助'];
const MATTERS = [
  '反映土地补偿款未按时发放',
  '反映拖欠工资问题',
  '反映邻里宅基地纠纷',
  '反映小区物业管理问题',
  '反映低保评定问题',
  '反映道路施工扰民',
  '反映养殖污染问题',
  '反映医疗费用报销问题',
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华'.split('');
const CHANNELS: [string, number][] = [
  ['VISIT', 30],
  ['ONLINE', 25],
  ['PHONE', 20],
  ['LETTER', 15],
  ['ASSIGNED', 5],
  ['GRID_REPORT', 5],
];
/** 信访工作条例 art. 32: a petition is handled within 60 days of acceptance. */
const DUE_DAYS = 60;

interface Person {
  keyText: string;
  nameEnc: string;
  idEnc: string | null;
  phoneEnc: string;
  addressEnc: string;
  key: string;
  /** Earlier cases of this person, by category (for repeat links). */
  history: Map<string, string[]>;
}

const at = (date: string, minutes: number): Date => new Date(Date.parse(`${date}T00:00:00+08:00`) + minutes * 60_000);

function weighted(rng: Prng, table: [string, number][]): string {
  let x = rng.next() * table.reduce((n, [, w]) => n + w, 0);
  for (const [v, w] of table) if ((x -= w) < 0) return v;
  return table[table.length - 1][0];
}

/**
 * The petition ledger: `scale.cases` cases over the year (1,000,000 at `full`), nine in ten in towns;
 * petitioners drawn so that a few percent of people file about a third of the cases (repeat
 * petitions, linked to the person's earlier cases of the same category as intake does); about one
 * case in seven open, a third of those past the 60-day limit; most assigned to a member unit, about
 * a third owned by a leader (包案). Petitioners' personal data is encrypted with the app's PiiCipher
 * under the bench's PII_KEY and matched by its keyed hash, as intake writes it.
 */
export const casesGenerator: Generator = {
  name: 'cases',
  available(tables) {
    return tables.has('petition_case') || 'no "petition_case" table (the cases migration has not landed)';
  },
  async run(ctx: SeedContext): Promise<void> {
    const rng = ctx.rng.fork('cases');
    const cipher = new PiiCipher(BENCH_PII_KEY);
    const weightOf = (t: PlannedTenant): number =>
      t.level === 'COUNTY' ? 1 : 9 * (ctx.counties.length / Math.max(1, ctx.towns.length));
    const totalWeight = ctx.all.reduce((n, t) => n + weightOf(t), 0);
    for (const t of ctx.all)
      await tenantCases(ctx, rng, cipher, t, Math.round((ctx.scale.cases * weightOf(t)) / totalWeight));
    await ctx.load.flush();
    const c = ctx.load.counts;
    ctx.log(
      `cases: ${c.petition_case ?? 0} cases, ${c.case_petitioner ?? 0} petitioners, ${c.case_link ?? 0} repeat links, ${c.case_event ?? 0} events`,
    );
  },
};

async function tenantCases(
  ctx: SeedContext,
  rng: Prng,
  cipher: PiiCipher,
  t: PlannedTenant,
  count: number,
): Promise<void> {
  if (count <= 0) return;
  const handlers = t.units.filter((u) => u.kind !== 'TOWNSHIP' || t.level === 'COUNTY');
  const villages = t.units.filter((u) => u.kind === 'VILLAGE' || u.kind === 'COMMUNITY');
  const leaders =
    (t.template.pluginConfig as { structure: { leaders?: { title: string; tier: string }[] } }).structure.leaders ?? [];
  // A pool of people about 0.6× the cases; the first 3% are frequent petitioners.
  const pool: (Person | undefined)[] = new Array<Person | undefined>(Math.max(1, Math.round(count * 0.6)));
  const frequent = Math.max(1, Math.round(pool.length * 0.03));
  const person = (i: number): Person => {
    let p = pool[i];
    if (!p) {
      const name = `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}${rng.chance(0.6) ? rng.pick(GIVEN) : ''}`;
      const phone = `1${rng.int(30, 99)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
      const idNumber = rng.chance(0.7)
        ? `${rng.int(110_000, 659_000)}${rng.int(1940, 2005)}${String(rng.int(101, 1228)).padStart(4, '0')}${String(rng.int(0, 9999)).padStart(4, '0')}`
        : null;
      p = {
        keyText: idNumber ?? `${name}|${phone}`,
        nameEnc: cipher.encrypt(name),
        idEnc: idNumber ? cipher.encrypt(idNumber) : null,
        phoneEnc: cipher.encrypt(phone),
        addressEnc: cipher.encrypt(
          `${t.name}${rng.pick(villages.length ? villages : t.units.length ? t.units : [{ name: '' } as PlannedUnit]).name}${rng.int(1, 200)}号`,
        ),
        key: idNumber ? cipher.matchKey(idNumber) : cipher.matchKey(name, phone),
        history: new Map(),
      };
      pool[i] = p;
    }
    return p;
  };
  // Cases in date order, so repeat links point backwards; more of them recently.
  const days = Array.from({ length: count }, () => Math.floor(365 * (1 - rng.next() ** 1.3)))
    .sort((a, b) => b - a)
    .map((back) => addDays(ctx.asOf, -back - 1));
  const perYear = new Map<number, number>();
  for (const receivedOn of days) {
    const id = rng.uuid();
    const year = Number(receivedOn.slice(0, 4));
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    const age = Math.round((Date.parse(`${ctx.asOf}T00:00:00Z`) - Date.parse(`${receivedOn}T00:00:00Z`)) / 86_400_000);
    const open = rng.chance(age <= DUE_DAYS ? 0.6 : 0.05);
    const channel = weighted(rng, CHANNELS);
    const category = rng.pick(CATEGORIES);
    const canAssign = handlers.length > 0;
    let status: string;
    if (open) status = canAssign && rng.chance(0.8) ? 'ASSIGNED' : 'RECEIVED';
    else if (!canAssign || rng.chance(0.05)) status = rng.chance(0.6) ? 'TRANSFERRED' : 'GUIDED';
    else status = rng.chance(0.85) ? 'CLOSED' : 'RESOLVED';
    const assigned = ['ASSIGNED', 'RESOLVED', 'CLOSED'].includes(status);
    const unit = assigned ? rng.pick(handlers) : null;
    const owned = assigned && leaders.length > 0 && rng.chance(0.33);
    const leader = owned ? rng.pick(leaders) : null;
    const group = rng.chance(0.05);
    const receivedAt = at(receivedOn, rng.int(480, 1050));
    const resolvedOn =
      status === 'RESOLVED' || status === 'CLOSED'
        ? addDays(receivedOn, rng.int(5, Math.min(DUE_DAYS - 5, Math.max(5, age - 1))))
        : null;
    const idx = rng.chance(0.35) ? rng.int(0, frequent - 1) : rng.int(0, pool.length - 1);
    const p = person(idx);
    const earlier = p.history.get(category) ?? [];
    for (const e of earlier.slice(-3))
      await ctx.load.add('case_link', LINK, { tenant_id: t.id, case_id: id, earlier_case_id: e, kind: 'REPEAT' });
    p.history.set(category, [...earlier, id]);
    await ctx.load.add('petition_case', CASE, {
      id,
      tenant_id: t.id,
      number: `${year}-${String(seq).padStart(4, '0')}`,
      channel,
      assigned_by_level: channel === 'ASSIGNED' ? 'COUNTY' : null,
      source: channel === 'ASSIGNED' ? 'ASSIGNED_FROM_ABOVE' : 'LOCAL',
      matter: rng.pick(MATTERS),
      category,
      location_unit_id: villages.length && rng.chance(0.6) ? rng.pick(villages).id : null,
      people_count: group ? rng.int(5, 30) : 1,
      group_petition: group,
      repeat_count: Math.min(earlier.length, 3),
      status,
      received_at: receivedAt,
      received_on: receivedOn,
      received_by: t.office!.id,
      first_inquiry_user_id: t.office!.id,
      handling_level: assigned ? rng.pick(['TOWN', 'COMMUNITY', 'GRID']) : null,
      responsible_unit_id: unit?.id ?? null,
      responsible_person: unit ? `${unit.name}负责人` : null,
      owner_tier: leader ? (leader.tier === 'PRINCIPAL' ? 'PRINCIPAL' : 'IN_CHARGE') : null,
      owner_rule: leader ? 'plugin ownership rule (bench)' : null,
      owner_leader: leader?.title ?? null,
      owned_on: leader ? addDays(receivedOn, 1) : null,
      roadmap: leader ? 'RESOLVE' : null,
      due_on: status === 'TRANSFERRED' || status === 'GUIDED' ? null : addDays(receivedOn, DUE_DAYS),
      due_rule:
        status === 'TRANSFERRED' || status === 'GUIDED' ? null : `${DUE_DAYS} calendar days (信访工作条例 art. 32)`,
      resolution: resolvedOn ? '经调查核实，已依法依规处理并答复信访人。' : null,
      resolved_at: resolvedOn ? at(resolvedOn, 900) : null,
      closed_at: status === 'CLOSED' && resolvedOn ? at(addDays(resolvedOn, rng.int(1, 5)), 900) : null,
      updated_at: resolvedOn ? at(resolvedOn, 900) : receivedAt,
    });
    await ctx.load.add('case_petitioner', PETITIONER, {
      id: rng.uuid(),
      tenant_id: t.id,
      case_id: id,
      position: 0,
      name_enc: p.nameEnc,
      id_number_enc: p.idEnc,
      phone_enc: p.phoneEnc,
      address_enc: p.addressEnc,
      person_key: p.key,
      organiser: group,
    });
    await ctx.load.add('case_event', EVENT, {
      id: rng.uuid(),
      tenant_id: t.id,
      case_id: id,
      kind: 'RECEIVED',
      at: receivedAt,
      by_user_id: t.office!.id,
      note: null,
      rule: null,
    });
    if (unit)
      await ctx.load.add('case_event', EVENT, {
        id: rng.uuid(),
        tenant_id: t.id,
        case_id: id,
        kind: 'ASSIGNED',
        at: at(addDays(receivedOn, 1), 600),
        by_user_id: t.office!.id,
        note: unit.name,
        rule: null,
      });
    if (resolvedOn)
      await ctx.load.add('case_event', EVENT, {
        id: rng.uuid(),
        tenant_id: t.id,
        case_id: id,
        kind: status === 'CLOSED' ? 'CLOSED' : 'RESOLVED',
        at: at(resolvedOn, 900),
        by_user_id: t.office!.id,
        note: null,
        rule: null,
      });
  }
  for (const [year, last] of perYear) await ctx.load.add('case_sequence', SEQUENCE, { tenant_id: t.id, year, last });
}
