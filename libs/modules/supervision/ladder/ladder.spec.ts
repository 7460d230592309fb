import { effectivePluginSchema, readPluginFile, type Supervision } from '@jm/plugin-sdk';
import {
  actionKindOf,
  bottomBand,
  consumedKey,
  evaluateLadder,
  lookback,
  type EffectiveRule,
  type LadderState,
  type NoticeFact,
} from './ladder';
import { describeTrigger, namedInPlugin, reasonName } from './trigger-words';

/** Rules shaped like a county's (the numbers are this test's, not the engine's). */
const rule = (id: string, when: EffectiveRule['when'], then: EffectiveRule['then']): EffectiveRule => ({
  id,
  when,
  then,
  source: `test §${id}`,
  pluginId: 'test-county',
  inherited: false,
});
const bottomTwice = rule(
  'bottom-three-twice',
  { kind: 'BOTTOM_IN_CONSECUTIVE_REGULAR_NOTICES', bottom: 3, consecutive: 2 },
  'REMINDER_OR_INTERVIEW',
);
const specialTwice = rule(
  'special-twice',
  { kind: 'CONSECUTIVE_SPECIAL_NOTICES', consecutive: 2 },
  'REMINDER_OR_INTERVIEW',
);
const remindedTwice = rule('reminded-twice', { kind: 'CONSECUTIVE_REMINDERS', consecutive: 2 }, 'LISTED_SUPERVISION');
const flagged = rule('serious-impact', { kind: 'FLAGGED', reasons: ['SERIOUS_IMPACT'] }, 'LISTED_SUPERVISION');
const rectification = rule('rectification-overdue', { kind: 'RECTIFICATION_OVERDUE' }, 'ACCOUNTABILITY');
const listingOverdue = rule('listing-overdue', { kind: 'LISTING_OVERDUE' }, 'INTERVIEW');
const failed = rule('assessment-failed', { kind: 'ASSESSMENT_FAILED' }, 'ACCOUNTABILITY');

const empty: LadderState = {
  regularNotices: [],
  specialNotices: [],
  reminders: [],
  flags: [],
  overdueInterviews: [],
  overdueListings: [],
  failedAssessments: [],
  consumed: new Set(),
};

/** Monthly notices of four units; `ranks[i]` lists the units from best to worst in month i. */
function monthly(ranks: string[][], from = 5): NoticeFact[] {
  return ranks.map((order, i) => {
    const month = String(from + i).padStart(2, '0');
    return {
      id: `n${i + 1}`,
      number: `通报〔2026〕${i + 1}号`,
      kind: 'REGULAR',
      period: 'MONTHLY',
      periodStart: `2026-${month}-01`,
      periodEnd: `2026-${month}-28`.replace('-28', `-${['04', '06', '09', '11'].includes(month) ? 30 : 31}`),
      publishedAt: `2026-${String(from + i + 1).padStart(2, '0')}-01T01:00:00.000000`,
      entries: order.map((u, r) => ({
        unitId: u,
        targetTenantId: `t-${u}`,
        rank: r + 1,
        rankedOf: order.length,
        bottom: true,
      })),
    };
  });
}

describe('the escalation ladder', () => {
  it('bottom 3 in two consecutive regular notices → a reminder, with the notices and ranks as evidence', () => {
    const notices = monthly([
      ['a', 'b', 'c', 'x'],
      ['a', 'b', 'x', 'c'],
    ]);
    const proposals = evaluateLadder([bottomTwice], { ...empty, regularNotices: notices });
    // Of four units, ranks 2–4 are the bottom 3: b, c and x both times; a never.
    expect(proposals.map((p) => p.unit.unitId).sort()).toEqual(['b', 'c', 'x']);
    const x = proposals.find((p) => p.unit.unitId === 'x')!;
    expect(x).toMatchObject({
      kind: 'REMINDER',
      causedBy: null,
      dedupeKey: 'bottom-three-twice:x:n1,n2',
      unit: { targetTenantId: 't-x' },
    });
    expect(x.evidence).toEqual([
      {
        kind: 'NOTICE',
        id: 'n1',
        number: '通报〔2026〕1号',
        rank: 4,
        rankedOf: 4,
        periodStart: '2026-05-01',
        periodEnd: '2026-05-31',
      },
      {
        kind: 'NOTICE',
        id: 'n2',
        number: '通报〔2026〕2号',
        rank: 3,
        rankedOf: 4,
        periodStart: '2026-06-01',
        periodEnd: '2026-06-30',
      },
    ]);
  });

  it('each run fires once: a third month starts a new pair; a gap between periods breaks the run', () => {
    const notices = monthly([
      ['a', 'x'],
      ['a', 'x'],
      ['a', 'x'],
      ['a', 'x'],
    ]);
    const rule1 = {
      ...bottomTwice,
      when: { kind: 'BOTTOM_IN_CONSECUTIVE_REGULAR_NOTICES' as const, bottom: 1, consecutive: 2 },
    };
    const first = evaluateLadder([rule1], { ...empty, regularNotices: notices.slice(0, 3) });
    expect(first.map((p) => p.dedupeKey)).toEqual(['bottom-three-twice:x:n1,n2']);
    const consumed = new Set(first[0].evidence.map((e) => consumedKey(rule1.id, 'x', e.id)));
    expect(evaluateLadder([rule1], { ...empty, regularNotices: notices.slice(0, 3), consumed })).toEqual([]);
    expect(evaluateLadder([rule1], { ...empty, regularNotices: notices, consumed }).map((p) => p.dedupeKey)).toEqual([
      'bottom-three-twice:x:n3,n4',
    ]);
    const gap = [notices[0], notices[2]];
    expect(evaluateLadder([rule1], { ...empty, regularNotices: gap })).toEqual([]);
  });

  it('consecutive special notices naming a unit; one not naming it breaks the run', () => {
    const special = (id: string, at: string, units: string[]): NoticeFact => ({
      id,
      number: id,
      kind: 'SPECIAL',
      period: null,
      periodStart: '2026-06-01',
      periodEnd: '2026-06-01',
      publishedAt: at,
      entries: units.map((u) => ({ unitId: u, targetTenantId: null, rank: null, rankedOf: null, bottom: false })),
    });
    const notices = [
      special('s1', '2026-06-02', ['x', 'y']),
      special('s2', '2026-06-09', ['y']),
      special('s3', '2026-06-16', ['x', 'y']),
    ];
    expect(evaluateLadder([specialTwice], { ...empty, specialNotices: notices }).map((p) => p.dedupeKey)).toEqual([
      'special-twice:y:s1,s2',
    ]);
  });

  it('two consecutive reminders → listed supervision, caused by the second reminder', () => {
    const reminder = (id: string, at: string) => ({
      id,
      number: id,
      kind: 'REMINDER' as const,
      unitId: 'x',
      targetTenantId: 't-x',
      status: 'ISSUED',
      openedAt: at,
      dueOn: null,
    });
    const [p] = evaluateLadder([remindedTwice], {
      ...empty,
      reminders: [reminder('r2', '2026-09-01'), reminder('r1', '2026-07-01')],
    });
    expect(p).toMatchObject({ kind: 'LISTING', causedBy: 'r2', dedupeKey: 'reminded-twice:x:r1,r2' });
    expect(evaluateLadder([remindedTwice], { ...empty, reminders: [reminder('r1', '2026-07-01')] })).toEqual([]);
  });

  it('003 §五 about: KEY_CASE — two reminders about one key case → listing that case; a case not key, other cases or no case add up to nothing', () => {
    const keyTwice = rule(
      'reminded-twice',
      { kind: 'CONSECUTIVE_REMINDERS', consecutive: 2, about: 'KEY_CASE' },
      'LISTED_SUPERVISION',
    );
    const reminder = (id: string, at: string, caseId: string | null, keyCase: boolean) => ({
      id,
      number: id,
      kind: 'REMINDER' as const,
      unitId: 'x',
      targetTenantId: 't-x',
      status: 'ISSUED',
      openedAt: at,
      dueOn: null,
      caseId,
      keyCase,
    });
    const [p] = evaluateLadder([keyTwice], {
      ...empty,
      reminders: [
        reminder('r1', '2026-07-01', 'k', true),
        reminder('r2', '2026-07-09', 'other', true),
        reminder('r3', '2026-08-01', 'k', true),
      ],
    });
    expect(p).toMatchObject({ kind: 'LISTING', caseId: 'k', causedBy: 'r3', dedupeKey: 'reminded-twice:x:r1,r3' });
    // The same two reminders about a case that is not (or no longer) a key case: nothing.
    expect(
      evaluateLadder([keyTwice], {
        ...empty,
        reminders: [reminder('r1', '2026-07-01', 'n', false), reminder('r3', '2026-08-01', 'n', false)],
      }),
    ).toEqual([]);
    // Two reminders about two different key cases, or about no case: nothing.
    expect(
      evaluateLadder([keyTwice], {
        ...empty,
        reminders: [
          reminder('r1', '2026-07-01', 'k', true),
          reminder('r2', '2026-08-01', 'k2', true),
          reminder('r4', '2026-08-02', null, false),
          reminder('r5', '2026-08-03', null, false),
        ],
      }),
    ).toEqual([]);
    // about: CASE counts any case, key or not.
    const caseTwice = rule(
      'reminded-twice',
      { kind: 'CONSECUTIVE_REMINDERS', consecutive: 2, about: 'CASE' },
      'LISTED_SUPERVISION',
    );
    expect(
      evaluateLadder([caseTwice], {
        ...empty,
        reminders: [reminder('r1', '2026-07-01', 'n', false), reminder('r3', '2026-08-01', 'n', false)],
      }).map((x) => x.caseId),
    ).toEqual(['n']);
    expect(describeTrigger(keyTwice.when)).toBe('重点案件连续2次被提醒告知');
  });

  it('flags, overdue rectification reports and listings, failed assessments: one step each', () => {
    const overdue = {
      id: 'i1',
      number: '约谈1',
      kind: 'INTERVIEW' as const,
      unitId: 'x',
      targetTenantId: 't-x',
      status: 'OVERDUE',
      openedAt: '2026-09-21',
      dueOn: '2026-10-23',
    };
    const out = evaluateLadder([flagged, rectification, listingOverdue, failed], {
      ...empty,
      flags: [
        { id: 'f1', unitId: 'x', targetTenantId: 't-x', reason: 'SERIOUS_IMPACT', caseId: 'c1' },
        { id: 'f2', unitId: 'y', targetTenantId: null, reason: 'SOMETHING_ELSE', caseId: null },
      ],
      overdueInterviews: [overdue],
      overdueListings: [{ ...overdue, id: 'l1', kind: 'LISTING', status: 'ACTIVE' }],
      failedAssessments: [
        { id: 'as1', unitId: 'y', targetTenantId: null, period: 'ANNUAL', periodStart: '2026-01-01', score: 40 },
      ],
    });
    expect(out.map((p) => [p.rule.id, p.kind, p.unit.unitId, p.causedBy, p.caseId])).toEqual([
      ['serious-impact', 'LISTING', 'x', null, 'c1'],
      ['rectification-overdue', 'ACCOUNTABILITY', 'x', 'i1', null],
      ['listing-overdue', 'INTERVIEW', 'x', 'l1', null],
      ['assessment-failed', 'ACCOUNTABILITY', 'y', null, null],
    ]);
  });

  it('reads its bands and windows from the rules, and words the trigger from them', () => {
    expect(bottomBand([bottomTwice, remindedTwice])).toBe(3);
    expect(bottomBand([remindedTwice])).toBe(0);
    expect(lookback([bottomTwice, flagged])).toBe(4);
    expect(actionKindOf('REMINDER_OR_INTERVIEW')).toBe('REMINDER');
    expect(describeTrigger(bottomTwice.when)).toBe('连续2次定期通报排名后3位');
  });
});

describe('flag reasons in words (the console and the notifications never show a code the plugin names)', () => {
  const supervisionOf = (dir: string): Supervision =>
    effectivePluginSchema.parse(
      readPluginFile(new URL(`../../../../plugins/${dir}/plugin.yaml`, import.meta.url)).value,
    ).supervision;
  const county = supervisionOf('county-petition-mechanisms');

  it('names the reason from the rule, else from the interview/reminder reasons or the failures, else gives the code', () => {
    const when = { kind: 'FLAGGED' as const, reasons: ['A', 'B', 'C', 'D'], reasonNames: { A: '甲' } };
    const sections = {
      interviews: { reasons: [{ code: 'B', name: '乙' }] },
      accountability: { failures: [{ code: 'C', name: '丙' }] },
    };
    expect(['A', 'B', 'C', 'D'].map((c) => reasonName(when, c, sections))).toEqual(['甲', '乙', '丙', 'D']);
    expect(describeTrigger(when, sections)).toBe('经办公室认定：甲、乙、丙、D');
  });

  it.each(['county-petition-mechanisms', 'shizi-town', 'town-petition-systems', 'xiacang-town', 'xincheng-street'])(
    '%s: every FLAGGED reason of its effective ladder (its own and the county’s inherited rules) has a Chinese name',
    (dir) => {
      const own = supervisionOf(dir);
      const inherited = dir === 'county-petition-mechanisms' ? [] : county.ladder;
      // A section the tenant's plugin states none of comes from the nearest ancestor (supervisionRulesOf).
      const sections = {
        interviews: own.interviews ?? county.interviews,
        reminders: own.reminders ?? county.reminders,
        accountability: own.accountability ?? county.accountability,
      };
      const unnamed = [...own.ladder, ...inherited.map((r) => ({ ...r, when: namedInPlugin(r.when, county) }))].flatMap(
        (r) =>
          r.when.kind === 'FLAGGED'
            ? r.when.reasons
                .filter((c) => !/[\u4e00-\u9fff]/.test(reasonName(r.when, c, sections)))
                .map((c) => `${r.id}:${c}`)
            : [],
      );
      expect(unnamed).toEqual([]);
    },
  );
});
