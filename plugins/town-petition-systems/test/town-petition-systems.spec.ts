import { effectivePluginSchema, readPluginFile, type EffectivePlugin } from '@jm/plugin-sdk';

const plugin = readPluginFile(new URL('../plugin.yaml', import.meta.url)).value;

function effective(): EffectivePlugin {
  const parsed = effectivePluginSchema.safeParse(plugin);
  if (!parsed.success) {
    console.error(JSON.stringify(parsed.error.issues, null, 2));
    throw new Error('town-petition-systems does not validate against effectivePluginSchema');
  }
  return parsed.data;
}

describe('town-petition-systems plugin (004 鎮信訪工作各項制度, generic base)', () => {
  const p = effective();
  const s = p.supervision;
  const c = p.cases;

  it('validates, sits at town level, extends nothing and is onboardable', () => {
    expect(p).toMatchObject({ id: 'town-petition-systems', level: 'TOWN', extends: [], onboardable: true });
    expect(p.source).toEqual({ file: '004_14b91f30bded817d.txt', title: '*鎮信訪工作各項制度', date: null });
  });

  it('has a minimal generic structure: one convener, an office director, one working meeting, no units', () => {
    expect(p.structure.conveners).toEqual([
      { key: 'party-secretary', title: '鎮委書記', role: 'CONVENER', source: '004 基本原則 1' },
    ]);
    expect(p.structure.office.hostUnit).toBeNull();
    expect(p.structure.office.director.role).toBe('OFFICE_DIRECTOR');
    expect(p.meetingTypes.map((m) => [m.code, m.chairRole])).toEqual([['WORKING', 'CONVENER']]);
    expect(p.meetingTypes[0]?.cadence).toBeUndefined();
    expect(p.memberUnits).toEqual([]);
  });

  it('makes the party secretary first responsible (PRINCIPAL) and leaders in charge directly responsible (IN_CHARGE)', () => {
    expect(p.structure.leaders.map((l) => [l.title, l.tier])).toEqual([
      ['鎮委書記', 'PRINCIPAL'],
      ['分管領導', 'IN_CHARGE'],
    ]);
  });

  it('runs a reception day with a rotating duty leader, recusal and confidentiality', () => {
    expect(c.reception).toMatchObject({ recusal: true, confidentiality: true });
    expect(c.reception?.rotation.rrule).toBe('FREQ=DAILY');
  });

  it('assigns first-inquiry responsibility: explain and transfer what is outside the town, follow up, and send what is within it to the leader in charge', () => {
    expect(c.firstInquiry).toEqual({
      transferRequiresReason: true,
      followUp: true,
      inChargeApproval: { source: '004 首問責任制度 3' },
      source: '004 首問責任制度 1, 2, 3, 4, 5',
    });
  });

  it('lists the failures that lead to accountability: 3 for the unit, 5 for individuals, 2 of 責任追究二 (each condition alone), and dereliction of duty', () => {
    const failures = s.accountability?.failures ?? [];
    expect(failures.filter((f) => f.source === '004 責任追究制度 一.1' && f.target === 'UNIT')).toHaveLength(3);
    expect(failures.filter((f) => f.source === '004 責任追究制度 一.2' && f.target === 'INDIVIDUAL')).toHaveLength(5);
    expect(failures.filter((f) => f.source === '004 責任追究制度 二')).toHaveLength(2);
    expect(failures).toHaveLength(11);
    expect(failures.every((f) => f.sanctions.length > 0)).toBe(true);
    expect(s.accountability?.recommendations).toEqual([]);
  });

  it('ties every flagged failure in the ladder to a listed failure', () => {
    const codes = new Set((s.accountability?.failures ?? []).map((f) => f.code));
    const flagged = s.ladder.flatMap((r) => (r.when.kind === 'FLAGGED' ? r.when.reasons : []));
    expect(flagged.length).toBe(10);
    expect(flagged.every((code) => codes.has(code))).toBe(true);
    expect(s.ladder.find((r) => r.id === 'unit-criticism')?.then).toBe('NAMED_CRITICISM');
    expect(s.ladder.find((r) => r.id === 'assessment-failed-veto')?.when).toEqual({ kind: 'ASSESSMENT_FAILED' });
  });

  it('assesses annually; failing is a one-vote veto with its consequences', () => {
    expect(s.assessment?.period).toBe('ANNUAL');
    expect(s.assessment?.oneVoteVeto?.consequences).toEqual(['取消評優資格', '對該部門主要負責人予以調整']);
    // No scoring stated: the leading group records the result; no platform formula fails a unit.
    expect(s.assessment?.scoring).toBeUndefined();
    expect(s.assessment?.outcomeRecordedBy).toEqual(['CONVENER']);
  });

  it('責任追究制度 二 is two conditions, each enough for 談話 and 組織處理', () => {
    const failures = s.accountability?.failures ?? [];
    expect(failures.find((f) => f.code === 'FAILED_ASSESSMENT_AND_MAJOR_GROUP_VISIT')).toBeUndefined();
    for (const code of ['FAILED_ANNUAL_ASSESSMENT', 'MAJOR_GROUP_SKIP_LEVEL_VISIT']) {
      expect(failures.find((f) => f.code === code)).toMatchObject({
        target: 'UNIT',
        sanctions: ['談話', '組織處理'],
        source: '004 責任追究制度 二',
      });
    }
    expect(s.ladder.find((r) => r.id === 'talk-and-organisational-handling')).toMatchObject({
      when: { kind: 'FLAGGED', reasons: ['MAJOR_GROUP_SKIP_LEVEL_VISIT'] },
      then: 'ACCOUNTABILITY',
    });
    expect(s.ladder.find((r) => r.id === 'assessment-failed-veto')).toMatchObject({
      when: { kind: 'ASSESSMENT_FAILED' },
      then: 'ACCOUNTABILITY',
      source: '004 責任追究制度 二、三',
    });
  });

  it('reviews within 15 calendar days, hearing time excluded, a day-off last day moved to the next working day, with appeal upward', () => {
    expect(c.review?.opinionWithin).toEqual({
      amount: 15,
      unit: 'CALENDAR_DAYS',
      excluding: ['HEARING'],
      lastDayOff: 'NEXT_WORKING_DAY',
    });
    expect(c.review?.appealUpward).toBe(true);
    expect(c.review?.scope).toEqual(['ASSIGNED_FROM_ABOVE', 'OWN_DECISION']);
  });

  it('screens monthly for repeat, signed, joint-signed, long-unresolved petitions and group organisers', () => {
    expect(c.screening?.cadence.rrule).toBe('FREQ=MONTHLY');
    expect(c.screening?.criteria.map((k) => k.kind)).toEqual([
      'REPEAT',
      'SIGNED',
      'JOINT_SIGNED',
      'LONG_UNRESOLVED',
      'GROUP_ORGANISER',
    ]);
    expect(c.screening?.criteria[0]).toEqual({ kind: 'REPEAT', atLeast: 2 }); // 004 預測排查制度 1: no window; 每月 is the cadence
    expect(c.screening?.requires).toEqual(['OWNING_LEADER', 'RESPONSIBLE_PERSON', 'TIME_LIMIT']);
  });

  it('inspects quarterly and before major events', () => {
    expect(s.inspections?.regular).toEqual({
      cadence: { rrule: 'FREQ=MONTHLY;INTERVAL=3', minimum: true, source: '004 預測排查制度 3' },
      beforeMajorEvents: true,
    });
  });

  it('makes each leader in charge answer for the petitions in their line', () => {
    expect(c.byLineResponsibility).toEqual({ source: '004 分線報案制度 1' });
  });
});
