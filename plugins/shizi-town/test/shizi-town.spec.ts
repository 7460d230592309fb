import { effectivePluginSchema, readPluginFile, type EffectivePlugin } from '@jm/plugin-sdk';

const plugin = readPluginFile(new URL('../plugin.yaml', import.meta.url)).value;

function effective(): EffectivePlugin {
  const parsed = effectivePluginSchema.safeParse(plugin);
  if (!parsed.success) {
    console.error(JSON.stringify(parsed.error.issues, null, 2));
    throw new Error('shizi-town does not validate against effectivePluginSchema');
  }
  return parsed.data;
}

describe('shizi-town plugin (001 十字镇信访工作联席会议工作规则)', () => {
  const p = effective();
  const meeting = (code: string) => {
    const m = p.meetingTypes.find((t) => t.code === code);
    if (!m) throw new Error(`no meeting type ${code}`);
    return m;
  };

  it('validates and identifies itself', () => {
    expect(p).toMatchObject({ id: 'shizi-town', level: 'TOWN', extends: [], onboardable: true });
    expect(p.source).toEqual({
      file: '001_b35aba22eae96760.txt',
      title: '十字镇信访工作联席会议工作规则',
      date: '2021-10-27',
    });
    expect(p.structure.jointMeetingName).toBe('十字镇信访工作联席会议');
  });

  it('has the 22 member units of annex 1: 13 departments and 9 villages/communities', () => {
    expect(p.memberUnits).toHaveLength(22);
    const departments = p.memberUnits.filter((u) => u.kind === 'DEPARTMENT').map((u) => u.name);
    expect(departments).toEqual([
      '党政综合办公室',
      '党建工作办公室',
      '综合治理办公室',
      '十字镇派出所',
      '十字镇司法所',
      '经济发展办公室(生态环境办)',
      '农业农村发展服务中心',
      '自然资源规划所(林业站)',
      '财政服务管理中心',
      '综合行政执法大队',
      '规划建设中心',
      '为民服务中心',
      '社会事务服务中心',
    ]);
    expect(p.memberUnits.filter((u) => u.kind === 'VILLAGE').map((u) => u.name)).toEqual([
      '施吴村',
      '新和村',
      '十字村',
      '李村',
      '天子门村',
      '双铺村',
      '大华村',
    ]);
    expect(p.memberUnits.filter((u) => u.kind === 'COMMUNITY').map((u) => u.name)).toEqual(['水鸣社区', '安民社区']);
  });

  it('records the annex-2 spellings as aliases of the annex-1 names', () => {
    const aliasesOf = (name: string) => p.memberUnits.find((u) => u.name === name)?.aliases;
    expect(aliasesOf('农业农村发展服务中心')).toEqual(['农业农村发展办公室']);
    expect(aliasesOf('财政服务管理中心')).toEqual(['十字镇财政']);
    expect(aliasesOf('经济发展办公室(生态环境办)')).toEqual(['经济发展办公室(生态环境办公室)']);
    expect(p.memberUnits.filter((u) => u.aliases.length > 0)).toHaveLength(3);
  });

  it('has three conveners and no chief convener', () => {
    expect(p.structure.conveners.map((c) => [c.title, c.role])).toEqual([
      ['镇党委书记', 'CONVENER'],
      ['镇党委副书记、镇长', 'CONVENER'],
      ['镇党委副书记、政法委员', 'CONVENER'],
    ]);
    expect(p.structure.leaders.map((l) => l.tier)).toEqual(['PRINCIPAL', 'PRINCIPAL', 'IN_CHARGE']);
  });

  it('has its office in 综合治理办公室, run by its head', () => {
    expect(p.structure.office.hostUnit).toBe('综合治理办公室');
    expect(p.structure.office.director).toMatchObject({
      title: '镇综合治理办公室负责人',
      role: 'OFFICE_DIRECTOR',
      source: '001 art. 8',
    });
    expect(p.membershipChanges).toEqual({ reportTo: ['CONVENER'], source: '001 art. 10' });
  });

  it('holds working meetings at least monthly, at least weekly in key periods, and ad hoc', () => {
    const m = meeting('WORKING');
    expect(m.cadence).toEqual({ rrule: 'FREQ=MONTHLY', minimum: true, source: '001 art. 5' });
    expect(m.keyPeriodCadence).toEqual({ rrule: 'FREQ=WEEKLY', minimum: true, source: '001 art. 5' });
    expect(m.adHocCalledBy).toEqual(['CONVENER']);
    expect(m).toMatchObject({ name: '工作会议', chairRole: 'CONVENER', guestsAllowed: true });
  });

  it('holds a monthly social-situation analysis meeting', () => {
    const m = meeting('SOCIAL_SITUATION_ANALYSIS');
    expect(m.name).toBe('信访社情分析例会');
    expect(m.cadence?.rrule).toBe('FREQ=MONTHLY');
    expect(m.source).toBe('001 art. 14');
  });

  it('plenary minutes are approved by the convener; dispatch meetings are the office’s', () => {
    expect(meeting('PLENARY').minutes).toMatchObject({ kind: 'MINUTES', approvedBy: 'CONVENER' });
    expect(meeting('PLENARY').cadence).toBeUndefined();
    expect(meeting('DISPATCH_CONSULTATION')).toMatchObject({ name: '调度会商会议', chairRole: 'OFFICE_DIRECTOR' });
    expect(meeting('DISPATCH_CONSULTATION').cadence).toBeUndefined();
    expect(p.meetingTypes).toHaveLength(4);
  });

  it('reports to the party committee and government and to the county joint meeting (art. 6)', () => {
    expect(p.operations.reportsUpward).toEqual({
      to: 'PARENT_JOINT_MEETING',
      partyCommittee: { name: '镇党委、政府', source: '001 art. 6' },
      source: '001 art. 6',
    });
    expect(p.operations.sensitiveInformation?.source).toBe('001 art. 11');
  });

  it('joint inspection: proposed by the office or a member, approved by the convener', () => {
    expect(p.supervision.inspections).toEqual({
      proposedBy: ['OFFICE_DIRECTOR', 'MEMBER_UNIT'],
      approvedBy: 'CONVENER',
      reportTo: 'OWN_JOINT_MEETING',
      // 也可由相关部门组织实施，相关部门派员参加
      organisers: ['OFFICE', 'MEMBER_UNIT'],
      source: '001 art. 13',
    });
  });

  it('the convener interviews heads of villages, communities or town units with prominent problems', () => {
    const i = p.supervision.interviews;
    expect(i?.conductedBy).toEqual({ SERIOUS: 'CONVENER', GENERAL: 'CONVENER' });
    expect(i?.targetKinds).toEqual(expect.arrayContaining(['VILLAGE', 'COMMUNITY', 'DEPARTMENT']));
    expect(i?.steps.map((s) => s.name)).toEqual(['查摆问题', '分析原因', '研究对策']);
    expect(i?.source).toBe('001 art. 15');
  });

  it('assesses target responsibility', () => {
    expect(p.supervision.assessment).toMatchObject({ period: 'ANNUAL', source: '001 art. 16' });
    expect(p.supervision.ladder).toEqual([]);
    expect(p.supervision.notices).toBeUndefined();
  });

  it('001 annex 2: three conveners by name and post, 13 department members by name, 9 village and community secretaries by post', () => {
    const persons = p.members.persons;
    expect(persons).toHaveLength(25);
    expect(persons.filter((m) => m.role === 'CONVENER').map((m) => [m.name, m.post, m.convener])).toEqual([
      ['李晖', '镇党委书记', 'party-secretary'],
      ['陈玉平', '镇党委副书记、镇长', 'mayor'],
      ['徐小龙', '镇党委副书记、政法委员', 'deputy-secretary-political-legal'],
    ]);
    const named = persons.filter((m) => m.role === 'MEMBER' && m.name !== null);
    expect(named.map((m) => [m.name, m.unit])).toEqual([
      ['朱维', '党政综合办公室'],
      ['胡琪玥', '党建工作办公室'],
      ['刘传斌', '综合治理办公室'],
      ['高健', '十字镇派出所'],
      ['陶玉生', '十字镇司法所'],
      ['覃兆海', '经济发展办公室(生态环境办公室)'],
      ['李黎', '农业农村发展办公室'],
      ['李定远', '自然资源规划所(林业站)'],
      ['张宏书', '十字镇财政'],
      ['李茂盛', '综合行政执法大队'],
      ['吴成耀', '规划建设中心'],
      ['聂莹', '为民服务中心'],
      ['方敏', '社会事务服务中心'],
    ]);
    expect(named.every((m) => m.post === '负责同志')).toBe(true);
    const secretaries = persons.filter((m) => m.role === 'MEMBER' && m.name === null);
    expect(secretaries.map((m) => `${m.unit}${m.post}`)).toEqual([
      '施吴村书记',
      '水鸣社区书记',
      '新和村书记',
      '十字村书记',
      '李村书记',
      '天子门村书记',
      '双铺村书记',
      '大华村书记',
      '安民社区书记',
    ]);
    expect(p.members.unitHeads).toBeUndefined();
    expect(p.membershipChanges.unitAdjustments).toBeUndefined();
  });

  it('001 art. 9: the office drafts the annual work points (the conveners approve), compiles briefings and circulates the situation', () => {
    expect(p.officeDocuments).toEqual({
      workPoints: { approvedBy: 'CONVENER', source: '001 art. 9' },
      briefings: { source: '001 art. 9' },
      circulars: { name: '情况通报', source: '001 art. 9' },
    });
  });
});
