import { addDays } from '@engine/calendar';
import { cadencePeriods } from '@engine/calendar';
import type { Prng } from '../../lib/prng';
import type { Column } from '../loader';
import type { Generator, PlannedTenant, PlannedUnit, SeedContext } from '../province';

interface TypeConfig {
  code: string;
  name: string;
  attendees: 'ALL_MEMBERS' | 'RELEVANT_MEMBERS' | string;
  cadence?: { rrule: string; source: string } | null;
  minutes: { kind: 'MINUTES' | 'MEETING_DOCUMENT'; distribution: string };
}

const cols = (spec: string): Column[] =>
  spec.split(' ').map((s) => {
    const [name, type] = s.split(':');
    return { name, type: type as Column['type'] };
  });

const MEETING = cols(
  'id:uuid tenant_id:uuid type_code:text title:text scheduled_at:timestamptz location:text topics:text[] ad_hoc:bool status:text held_at:timestamptz chair_name:text created_by:uuid created_at:timestamptz',
);
const MEETING_UNIT = cols('meeting_id:uuid tenant_id:uuid member_unit_id:uuid attendance:text absence_reason:text');
const MINUTES = cols(
  'id:uuid tenant_id:uuid meeting_id:uuid kind:text number:text body:text status:text approved_by:uuid approved_at:timestamptz issued_at:timestamptz updated_at:timestamptz',
);
const RECIPIENT = cols(
  'minutes_id:uuid tenant_id:uuid member_unit_id:uuid acknowledged_at:timestamptz acknowledged_by:uuid',
);
const ITEM = cols(
  'id:uuid tenant_id:uuid minutes_id:uuid position:int content:text due_spec:jsonb due_on:date status:text done_at:timestamptz created_at:timestamptz',
);
const OWNER = cols('agreed_item_id:uuid tenant_id:uuid member_unit_id:uuid accepted_at:timestamptz');
const REPORT = cols(
  'id:uuid tenant_id:uuid agreed_item_id:uuid member_unit_id:uuid body:text status:text review_comment:text filed_by:uuid reviewed_by:uuid created_at:timestamptz reviewed_at:timestamptz',
);
const OBLIGATION = cols(
  'id:uuid tenant_id:uuid type_code:text period_start:date period_end:date key_period:bool rrule:text status:text meeting_id:uuid',
);
const FINDING = cols('id:uuid tenant_id:uuid kind:text rule:text facts:jsonb dedupe_key:text found_at:timestamptz');

const TOPICS = [
  '矛盾纠纷排查化解',
  '重复信访治理',
  '信访积案化解',
  '重点人员稳控',
  '初信初访办理',
  '网上信访办理',
  '领导接访下访',
  '征地拆迁信访问题',
  '涉法涉诉信访',
  '劳资纠纷',
];
const ITEMS = [
  '牵头化解重复信访事项',
  '开展矛盾纠纷集中排查',
  '落实包案化解责任',
  '完成信访积案清理',
  '加强重点时段值班值守',
  '规范初信初访办理流程',
  '做好来访群众接待疏导',
  '推进网上信访事项办理',
];

/** 09:30 Beijing time on a date. */
const at = (date: string, minutes = 570): Date => new Date(Date.parse(`${date}T00:00:00+08:00`) + minutes * 60_000);

/**
 * A year of joint-meeting work per tenant, ending on the as-of day: meetings by the plugin's cadence
 * (about one period in ten missed, with its MISSED_CADENCE finding) and as needed for the others;
 * attendance; minutes (issued, a few still in the approval flow) with recipients and receipts;
 * agreed items with owner units, due dates and implementation reports; about one item in eight past
 * due and open (with its AGREED_ITEM_OVERDUE finding). The same shapes the services write.
 */
export const meetingsGenerator: Generator = {
  name: 'meetings',
  async run(ctx: SeedContext): Promise<void> {
    const rng = ctx.rng.fork('meetings');
    for (const t of ctx.all) await tenantYear(ctx, rng, t);
    await ctx.load.flush();
    const c = ctx.load.counts;
    ctx.log(
      `meetings: ${c.meeting ?? 0} meetings, ${c.minutes ?? 0} minutes, ${c.agreed_item ?? 0} agreed items, ${c.implementation_report ?? 0} reports, ${c.cadence_obligation ?? 0} obligations, ${c.finding ?? 0} findings`,
    );
  },
};

async function tenantYear(ctx: SeedContext, rng: Prng, t: PlannedTenant): Promise<void> {
  const since = addDays(ctx.asOf, -365);
  const yesterday = addDays(ctx.asOf, -1);
  const types = (t.template.pluginConfig as { meetingTypes: TypeConfig[] }).meetingTypes;
  const conveners = (t.template.pluginConfig as { structure: { conveners: { title: string }[] } }).structure.conveners;
  const randomDay = (from: string, to: string): string => addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));
  const planned: { type: TypeConfig; date: string; status: 'HELD' | 'CANCELLED' | 'SCHEDULED'; obligation?: string }[] =
    [];

  for (const type of types) {
    if (type.cadence) {
      for (const p of cadencePeriods(type.cadence.rrule, since, ctx.asOf)) {
        if (p.start < since) continue;
        const obligation = {
          id: rng.uuid(),
          tenant_id: t.id,
          type_code: type.code,
          period_start: p.start,
          period_end: p.end,
          key_period: false,
          rrule: type.cadence.rrule,
          status: 'OPEN',
          meeting_id: null as string | null,
        };
        const ended = p.end < ctx.asOf;
        const lastDay = ended ? p.end : yesterday;
        if (lastDay >= p.start && rng.chance(ended ? 0.9 : 0.5)) {
          const meetingId = rng.uuid();
          obligation.status = 'MET';
          obligation.meeting_id = meetingId;
          planned.push({ type, date: randomDay(p.start, lastDay), status: 'HELD', obligation: meetingId });
        } else if (ended) {
          obligation.status = 'MISSED';
          await ctx.load.add('finding', FINDING, {
            id: rng.uuid(),
            tenant_id: t.id,
            kind: 'MISSED_CADENCE',
            rule: `${type.code} ${type.cadence.rrule} — ${type.cadence.source}`,
            facts: {
              obligationId: obligation.id,
              typeCode: type.code,
              periodStart: p.start,
              periodEnd: p.end,
              keyPeriod: false,
            },
            dedupe_key: `missed-cadence:${obligation.id}`,
            found_at: at(addDays(p.end, 1), 60),
          });
        }
        await ctx.load.add('cadence_obligation', OBLIGATION, obligation);
      }
    } else {
      const n = type.attendees === 'ALL_MEMBERS' ? rng.int(2, 4) : rng.int(2, 7);
      for (let i = 0; i < n; i += 1)
        planned.push({ type, date: randomDay(since, yesterday), status: rng.chance(0.03) ? 'CANCELLED' : 'HELD' });
    }
  }
  planned.push({ type: rng.pick(types), date: addDays(ctx.asOf, rng.int(1, 20)), status: 'SCHEDULED' });
  planned.sort((a, b) => a.date.localeCompare(b.date));

  let number = 0;
  for (const m of planned) {
    const id = m.obligation ?? rng.uuid();
    const units = m.type.attendees === 'ALL_MEMBERS' ? t.units : rng.sample(t.units, rng.int(4, 8));
    const when = at(m.date);
    await ctx.load.add('meeting', MEETING, {
      id,
      tenant_id: t.id,
      type_code: m.type.code,
      title: `${t.name}${m.type.name}（${m.date}）`,
      scheduled_at: when,
      location: `${t.name}会议室`,
      topics: rng.sample(TOPICS, rng.int(1, 3)),
      ad_hoc: !m.type.cadence && rng.chance(0.2),
      status: m.status,
      held_at: m.status === 'HELD' ? when : null,
      chair_name: m.status === 'HELD' ? (conveners[0]?.title ?? null) : null,
      created_by: t.office!.id,
      created_at: at(addDays(m.date, -rng.int(3, 10))),
    });
    for (const u of units) {
      const absent = m.status === 'HELD' && rng.chance(0.05);
      await ctx.load.add('meeting_unit', MEETING_UNIT, {
        meeting_id: id,
        tenant_id: t.id,
        member_unit_id: u.id,
        attendance: m.status === 'HELD' ? (absent ? 'ABSENT' : 'PRESENT') : null,
        absence_reason: absent ? '公务冲突，已请假' : null,
      });
    }
    if (m.status !== 'HELD') continue;
    await minutesOf(ctx, rng, t, m.type, id, m.date, units, (number += 1));
  }
}

async function minutesOf(
  ctx: SeedContext,
  rng: Prng,
  t: PlannedTenant,
  type: TypeConfig,
  meetingId: string,
  held: string,
  invited: PlannedUnit[],
  number: number,
): Promise<void> {
  const age = daysBetween(held, ctx.asOf);
  const issuedOn = addDays(held, rng.int(2, 5));
  const status =
    issuedOn < ctx.asOf && (age > 7 || rng.chance(0.5)) ? 'ISSUED' : rng.pick(['DRAFT', 'SUBMITTED', 'APPROVED']);
  const issued = status === 'ISSUED';
  const minutesId = rng.uuid();
  const approvedAt = status === 'ISSUED' || status === 'APPROVED' ? at(addDays(held, 1), 900) : null;
  await ctx.load.add('minutes', MINUTES, {
    id: minutesId,
    tenant_id: t.id,
    meeting_id: meetingId,
    kind: type.minutes.kind,
    number: issued ? `${t.name.slice(0, 2)}联席〔${held.slice(0, 4)}〕${number}号` : null,
    body: `${t.name}${type.name}纪要：会议听取了信访工作情况汇报，研究部署了下一阶段工作。`,
    status,
    approved_by: approvedAt ? t.convener!.id : null,
    approved_at: approvedAt,
    issued_at: issued ? at(issuedOn, 600) : null,
    updated_at: issued ? at(issuedOn, 600) : at(held, 900),
  });
  const recipients = type.minutes.distribution === 'ALL_MEMBERS' ? t.units : invited;
  if (issued) {
    for (const u of recipients) {
      const ackOn = addDays(issuedOn, rng.int(0, 3));
      const acknowledged = ackOn < ctx.asOf && rng.chance(0.92);
      await ctx.load.add('minutes_recipient', RECIPIENT, {
        minutes_id: minutesId,
        tenant_id: t.id,
        member_unit_id: u.id,
        acknowledged_at: acknowledged ? at(ackOn, 660) : null,
        acknowledged_by: acknowledged ? t.unitUser!.get(u.id)!.id : null,
      });
    }
  }
  const items = rng.int(1, 4);
  for (let position = 1; position <= items; position += 1) {
    const itemId = rng.uuid();
    const days = rng.int(10, 30);
    const dueOn = issued ? addDays(issuedOn, days) : null;
    let itemStatus = issued ? 'OPEN' : 'PENDING';
    let doneOn: string | null = null;
    if (dueOn && rng.chance(dueOn < ctx.asOf ? 0.87 : 0.3)) {
      const latest = [addDays(dueOn, 10), addDays(ctx.asOf, -1)].sort()[0];
      const earliest = addDays(issuedOn, 3);
      if (earliest <= latest) {
        itemStatus = 'DONE';
        doneOn = addDays(earliest, rng.int(0, daysBetween(earliest, latest)));
      }
    }
    const content = `${rng.pick(ITEMS)}（第${position}项）`;
    await ctx.load.add('agreed_item', ITEM, {
      id: itemId,
      tenant_id: t.id,
      minutes_id: minutesId,
      position,
      content,
      due_spec: { amount: days, unit: 'CALENDAR_DAYS' },
      due_on: dueOn,
      status: itemStatus,
      done_at: doneOn ? at(doneOn, 960) : null,
      created_at: at(held, 900),
    });
    const owners = rng.sample(recipients.length ? recipients : t.units, rng.int(1, 3));
    for (const u of owners) {
      const user = t.unitUser!.get(u.id)!;
      await ctx.load.add('agreed_item_owner', OWNER, {
        agreed_item_id: itemId,
        tenant_id: t.id,
        member_unit_id: u.id,
        accepted_at: doneOn ? at(doneOn, 960) : null,
      });
      if (doneOn) {
        await report(ctx, rng, t, itemId, u.id, user.id, 'ACCEPTED', at(addDays(doneOn, -1), 700), at(doneOn, 960));
      } else if (itemStatus === 'OPEN') {
        if (rng.chance(0.1))
          await report(
            ctx,
            rng,
            t,
            itemId,
            u.id,
            user.id,
            'SENT_BACK',
            at(addDays(issuedOn, 2), 700),
            at(addDays(issuedOn, 3), 700),
          );
        if (rng.chance(0.35))
          await report(ctx, rng, t, itemId, u.id, user.id, 'SUBMITTED', at(addDays(ctx.asOf, -1), 600), null);
      }
    }
    if (itemStatus === 'OPEN' && dueOn && dueOn < ctx.asOf) {
      await ctx.load.add('finding', FINDING, {
        id: rng.uuid(),
        tenant_id: t.id,
        kind: 'AGREED_ITEM_OVERDUE',
        rule: 'agreed item past its due date',
        facts: { agreedItemId: itemId, dueOn, content },
        dedupe_key: `agreed-item-overdue:${itemId}`,
        found_at: at(addDays(dueOn, 1), 60),
      });
    }
  }
}

async function report(
  ctx: SeedContext,
  rng: Prng,
  t: PlannedTenant,
  itemId: string,
  unitId: string,
  userId: string,
  status: string,
  created: Date,
  reviewed: Date | null,
): Promise<void> {
  await ctx.load.add('implementation_report', REPORT, {
    id: rng.uuid(),
    tenant_id: t.id,
    agreed_item_id: itemId,
    member_unit_id: unitId,
    body: '已按要求落实，相关情况报告如下。',
    status,
    review_comment: status === 'SENT_BACK' ? '请补充落实的具体措施和成效' : null,
    filed_by: userId,
    reviewed_by: reviewed ? t.office!.id : null,
    created_at: created,
    reviewed_at: reviewed,
  });
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
