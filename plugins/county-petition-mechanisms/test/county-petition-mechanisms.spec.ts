import { effectivePluginSchema, readPluginFile, type EffectivePlugin } from '@jm/plugin-sdk';

const plugin = readPluginFile(new URL('../plugin.yaml', import.meta.url)).value;

function effective(): EffectivePlugin {
  const parsed = effectivePluginSchema.safeParse(plugin);
  if (!parsed.success) {
    console.error(JSON.stringify(parsed.error.issues, null, 2));
    throw new Error('county-petition-mechanisms does not validate against effectivePluginSchema');
  }
  return parsed.data;
}

describe('county-petition-mechanisms plugin (003 关于建立健全信访工作有关机制的通知)', () => {
  const p = effective();
  const s = p.supervision;
  const rule = (id: string) => {
    const r = s.ladder.find((l) => l.id === id);
    if (!r) throw new Error(`no ladder rule ${id}`);
    return r;
  };

  it('validates and sits at county level', () => {
    expect(p).toMatchObject({ id: 'county-petition-mechanisms', level: 'COUNTY', extends: [], onboardable: true });
    expect(p.source).toEqual({
      file: '003_0635576f32287684.txt',
      title: '关于建立健全信访工作有关机制的通知',
      date: null,
    });
  });

  it('has a main convener (CHIEF_CONVENER), conveners and an office, and no named member units', () => {
    expect(p.structure.conveners.map((c) => [c.title, c.role])).toEqual([
      ['信访工作联席会议主要召集人', 'CHIEF_CONVENER'],
      ['信访工作联席会议召集人', 'CONVENER'],
    ]);
    expect(p.structure.office.hostUnit).toBeNull();
    expect(p.structure.office.director.role).toBe('OFFICE_DIRECTOR');
    expect(p.memberUnits).toEqual([]);
    expect(p.countedMemberUnits).toEqual([]);
    expect(p.structure.leaders.map((l) => l.tier)).toEqual(['PRINCIPAL', 'IN_CHARGE', 'PRINCIPAL', 'IN_CHARGE']);
  });

  it('applies its rules to descendants', () => {
    expect(s.appliesToDescendants).toBe(true);
  });

  it('issues monthly, half-yearly and annual notices plus special notices, ranking townships and departments', () => {
    expect(s.notices?.regularPeriods).toEqual(['MONTHLY', 'HALF_YEARLY', 'ANNUAL']);
    expect(s.notices?.special).toBe(true);
    expect(s.notices?.namedCriticism).toBe(true);
    expect(s.notices?.ranked).toEqual(['TOWNSHIP', 'DEPARTMENT']);
    expect(s.notices?.recordedWith).toEqual(['县目标绩效', '组织人事', '纪检监察']);
    expect(s.notices?.source).toBe('003 §三');
  });

  it('escalates: bottom 3 twice or 2 special notices → reminder or interview', () => {
    expect(rule('bottom-three-twice')).toEqual({
      id: 'bottom-three-twice',
      when: { kind: 'BOTTOM_IN_CONSECUTIVE_REGULAR_NOTICES', bottom: 3, consecutive: 2 },
      then: 'REMINDER_OR_INTERVIEW',
      source: '003 §三',
    });
    expect(rule('special-notices-twice').when).toEqual({ kind: 'CONSECUTIVE_SPECIAL_NOTICES', consecutive: 2 });
    expect(rule('special-notices-twice').then).toBe('REMINDER_OR_INTERVIEW');
  });

  it('escalates: 2 consecutive reminders or serious impact → listed supervision', () => {
    expect(rule('reminded-twice').when).toEqual({ kind: 'CONSECUTIVE_REMINDERS', consecutive: 2, about: 'KEY_CASE' });
    expect(rule('reminded-twice').then).toBe('LISTED_SUPERVISION');
    expect(rule('serious-impact').when.kind).toBe('FLAGGED');
    expect(rule('serious-impact').then).toBe('LISTED_SUPERVISION');
  });

  it('escalates: overdue rectification and serious events → accountability; interview grounds → interview', () => {
    expect(rule('rectification-overdue').when).toEqual({ kind: 'RECTIFICATION_OVERDUE' });
    expect(rule('rectification-overdue').then).toBe('ACCOUNTABILITY');
    expect(rule('serious-event-tracing').then).toBe('ACCOUNTABILITY');
    expect(rule('interview-grounds').then).toBe('INTERVIEW');
    const interviewGrounds = rule('interview-grounds').when;
    expect(interviewGrounds.kind === 'FLAGGED' ? interviewGrounds.reasons : []).toEqual(
      s.interviews?.reasons.map((r) => r.code),
    );
    expect(s.ladder).toHaveLength(7);
  });

  it('reminds by SMS for general and by letter for key issues, for the seven listed reasons', () => {
    expect(s.reminders?.channels).toEqual({ GENERAL: 'SMS', KEY: 'LETTER' });
    expect(s.reminders?.reasons).toHaveLength(7);
    expect(s.reminders?.reasons.map((r) => r.code)).toContain('BUCK_PASSING');
  });

  it('runs listed supervision in five steps with an acceptance check', () => {
    expect(s.listedSupervision?.steps.map((st) => st.name)).toEqual([
      '建档立案',
      '下发通知',
      '化解处置',
      '组织验收',
      '摘牌销号',
    ]);
    expect(s.listedSupervision?.acceptanceStep).toBe('ACCEPTANCE');
    expect(s.listedSupervision?.steps.find((st) => st.code === 'ACCEPTANCE')?.name).toBe('组织验收');
  });

  it('interviews: main convener for serious cases, both sides sign, report within 15 working days', () => {
    const i = s.interviews;
    expect(i?.conductedBy).toEqual({ SERIOUS: 'CHIEF_CONVENER', GENERAL: 'CONVENER' });
    expect(i?.targets).toEqual(['主要领导', '分管领导', '包案领导']);
    expect(i?.steps.map((st) => st.name)).toEqual([
      '成立约谈小组',
      '明确约谈对象',
      '告知约谈事项',
      '组织开展约谈',
      '约谈双方签字',
    ]);
    expect(i?.bothSidesSign).toBe(true);
    expect(i?.rectificationReportDue).toEqual({ amount: 15, unit: 'WORKING_DAYS', source: '003 §六' });
    expect(i?.reasons).toHaveLength(4);
    // 六: 进行集中约谈或个别约谈 … 约谈情况报告县委、县政府主要领导，并向县目标绩效、组织人事、纪检监察部门通报
    expect(i?.forms).toEqual(['INDIVIDUAL', 'GROUP']);
    expect(i?.afterInterview).toEqual({
      reportTo: ['县委主要领导', '县政府主要领导'],
      notify: ['县目标绩效', '组织人事', '纪检监察'],
      source: '003 §六',
    });
  });

  it('accountability: backward tracing and the three recommendation rights', () => {
    expect(s.accountability?.backwardTracing).toBe(true);
    expect(s.accountability?.recommendations.map((r) => r.name)).toEqual([
      '改进工作建议',
      '完善政策解决问题建议',
      '给予行政处分建议',
    ]);
  });

  it('counts notices, listings, interviews and accountability in the annual assessment', () => {
    // 七 states no scoring (the office records the result) and 考核结果向县目标绩效部门通报.
    expect(s.assessment).toEqual({
      period: 'ANNUAL',
      counts: ['NOTICES', 'LISTINGS', 'INTERVIEWS', 'ACCOUNTABILITY'],
      outcomeRecordedBy: ['OFFICE_DIRECTOR'],
      feedsInto: [],
      reportedTo: ['县目标绩效'],
      source: '003 §七',
    });
  });

  it('assigns case ownership by tier, with weekly progress reports and one team, one plan', () => {
    const o = p.cases.ownership;
    expect(o?.tiers).toEqual([
      expect.objectContaining({
        sources: ['LISTED_BY_PROVINCE_OR_ABOVE', 'BEIJING_PETITION', 'GROUP_TO_PROVINCE'],
        countyLeader: 'PRINCIPAL',
        townshipLeader: 'PRINCIPAL',
      }),
      expect.objectContaining({
        sources: ['LISTED_BY_CITY', 'PROVINCIAL_PETITION', 'COUNTY_SCREENED_KEY'],
        countyLeader: 'IN_CHARGE',
        townshipLeader: 'IN_CHARGE',
      }),
      // 二: 对中央、省、市交办督办…的重点案件…落实县级领导包案 — a county leader, no township tier.
      { id: 'assigned-from-above', sources: ['ASSIGNED_FROM_ABOVE'], countyLeader: 'IN_CHARGE', source: '003 §二' },
    ]);
    expect(o?.progressReports.rrule).toBe('FREQ=WEEKLY');
    expect(o?.teamAndPlanRequired).toBe(true);
  });

  it('cites a real section (二…七 or the preamble) on every supervision item', () => {
    const citations = [
      s.notices?.source,
      s.reminders?.source,
      s.listedSupervision?.source,
      s.interviews?.source,
      s.accountability?.source,
      s.assessment?.source,
      ...s.ladder.map((r) => r.source),
    ];
    expect(citations.every((c) => typeof c === 'string' && /^003 §[二三四五六七]/.test(c))).toBe(true);
  });
});
