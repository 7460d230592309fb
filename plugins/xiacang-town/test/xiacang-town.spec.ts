import { effectivePluginSchema, readPluginFile, type EffectivePlugin } from '@jm/plugin-sdk';

const plugin = readPluginFile(new URL('../plugin.yaml', import.meta.url)).value;

function effective(): EffectivePlugin {
  const parsed = effectivePluginSchema.safeParse(plugin);
  if (!parsed.success) {
    // Print every issue with its path so a failing declaration is easy to locate.
    console.error(JSON.stringify(parsed.error.issues, null, 2));
    throw new Error('xiacang-town does not validate against effectivePluginSchema');
  }
  return parsed.data;
}

describe('xiacang-town plugin (000 下仓镇信访工作联席会议工作原则)', () => {
  const p = effective();
  const meeting = (code: string) => {
    const m = p.meetingTypes.find((t) => t.code === code);
    if (!m) throw new Error(`no meeting type ${code}`);
    return m;
  };

  it('validates and identifies itself', () => {
    expect(p.id).toBe('xiacang-town');
    expect(p.level).toBe('TOWN');
    expect(p.extends).toEqual([]);
    expect(p.onboardable).toBe(true);
    expect(p.source.file).toBe('000_7783d6a476ab9914.txt');
    expect(p.source.title).toBe('下仓镇信访工作联席会议工作原则');
    expect(p.source.date).toBeNull();
    expect(p.structure.jointMeetingName).toBe('下仓镇信访工作联席会议');
  });

  it('has the 18 member departments of art. 4, in order', () => {
    expect(p.memberUnits).toHaveLength(18);
    expect(p.memberUnits.every((u) => u.kind === 'DEPARTMENT')).toBe(true);
    expect(p.memberUnits.map((u) => u.name)).toEqual([
      '综合办公室',
      '党建办公室',
      '网络安全和信息化办公室',
      '公共服务办公室',
      '公共管理办公室',
      '公共安全办公室',
      '村镇建设办公室',
      '财税办公室',
      '镇纪委检查组',
      '镇党群服务中心',
      '综合治理中心',
      '退役军人服务站',
      '农业发展服务中心',
      '农村社会事业发展服务中心',
      '综合执法大队',
      '统计办公室',
      '派出所',
      '司法所',
    ]);
    expect(p.countedMemberUnits).toEqual([]);
    expect(p.memberUnits.every((u) => u.source === '000 art. 4')).toBe(true);
  });

  it('has the 政法委员 as the single convener and as office director, office in 公共安全办公室', () => {
    expect(p.structure.conveners).toHaveLength(1);
    expect(p.structure.conveners[0]).toMatchObject({ title: '镇政法委员', role: 'CONVENER', source: '000 art. 1' });
    expect(p.structure.office.hostUnit).toBe('公共安全办公室');
    expect(p.structure.office.director).toMatchObject({
      title: '政法委员',
      role: 'OFFICE_DIRECTOR',
      source: '000 art. 6',
    });
    expect(p.structure.principle).toEqual({
      text: '党政同责、一岗双责，属地管理、分级负责，谁主管、谁负责',
      source: '000 art. 5',
    });
  });

  it('000 art. 7: member changes are reported to the convener (filed with the office); unit adjustments are proposed to 镇党委、政府', () => {
    expect(p.membershipChanges).toEqual({
      reportTo: ['CONVENER'],
      unitAdjustments: { proposedTo: '镇党委、政府', source: '000 art. 7' },
      source: '000 art. 7',
    });
  });

  it('000 art. 1, 4: the members are the convener (镇政法委员, no name) and the head (负责人) of each member unit', () => {
    expect(p.members.persons).toEqual([
      {
        name: null,
        post: '镇政法委员',
        unit: null,
        role: 'CONVENER',
        convener: 'political-legal-member',
        source: '000 art. 1',
      },
    ]);
    expect(p.members.unitHeads).toEqual({ post: '负责人', source: '000 art. 4' });
  });

  it('declares plenary, working, liaison and topical meetings, none with a cadence', () => {
    expect(p.meetingTypes.map((m) => m.code)).toEqual(['PLENARY', 'WORKING', 'LIAISON', 'TOPICAL']);
    expect(p.meetingTypes.every((m) => m.cadence === undefined && m.keyPeriodCadence === undefined)).toBe(true);
  });

  it('plenary: convener chairs, guests allowed, meeting document approved by the convener', () => {
    const m = meeting('PLENARY');
    expect(m).toMatchObject({ name: '全体会议', chairRole: 'CONVENER', attendees: 'ALL_MEMBERS', guestsAllowed: true });
    expect(m.minutes).toMatchObject({
      kind: 'MEETING_DOCUMENT',
      approvedBy: 'CONVENER',
      distribution: 'ALL_MEMBERS',
      copyUpward: false,
    });
  });

  it('working: convener chairs, guests allowed, minutes approved by the convener', () => {
    const m = meeting('WORKING');
    expect(m).toMatchObject({
      name: '工作会议',
      chairRole: 'CONVENER',
      attendees: 'RELEVANT_MEMBERS',
      guestsAllowed: true,
    });
    expect(m.minutes).toMatchObject({ kind: 'MINUTES', approvedBy: 'CONVENER', distribution: 'RELEVANT_MEMBERS' });
  });

  it('liaison: office director chairs, guests allowed, escalates to the convener, plenary and working meeting', () => {
    const m = meeting('LIAISON');
    expect(m).toMatchObject({
      name: '成员单位联络工作会议',
      chairRole: 'OFFICE_DIRECTOR',
      guestsAllowed: true,
      source: '000 art. 15',
    });
    expect(m.escalatesTo).toEqual(['PLENARY', 'WORKING']);
    expect(m.escalatesToRoles).toEqual(['CONVENER']);
    expect(m.minutes).toMatchObject({
      kind: 'MEETING_DOCUMENT',
      approvedBy: 'OFFICE_DIRECTOR',
      approverScope: 'PARENT',
      asNeeded: true,
      distribution: 'ATTENDEES',
    });
  });

  it('operations: sensitive information with on-site verification, issue lists for the convener, reports to the own joint meeting', () => {
    expect(p.operations.sensitiveInformation).toMatchObject({ onSiteVerification: true, source: '000 art. 11' });
    expect(p.operations.issueLists).toEqual({ recipient: 'CONVENER', source: '000 art. 12' });
    expect(p.operations.reportsUpward).toEqual({
      to: 'OWN_JOINT_MEETING',
      partyCommittee: { name: '镇党委、政府', source: '000 art. 10, 13' },
      source: '000 art. 14',
    });
    expect(Object.keys(p.operations)).not.toContain('agreedItems'); // due dates come from the minutes (SDK has no default)
  });

  it('inspections: proposed by the office, approved by the convener, reported to the district convener', () => {
    expect(p.supervision.inspections).toEqual({
      proposedBy: ['OFFICE_DIRECTOR'],
      approvedBy: 'CONVENER',
      reportTo: 'PARENT_CONVENER',
      organisers: ['OFFICE'], // 由镇联席会议办公室…组织开展督查 (the default)
      source: '000 art. 13',
    });
    expect(p.supervision.ladder).toEqual([]);
    expect(p.supervision.notices).toBeUndefined();
    expect(p.supervision.interviews).toBeUndefined();
    expect(p.supervision.appliesToDescendants).toBe(false);
  });

  it('declares no case rules', () => {
    expect(p.cases).toEqual({ stepLimits: [], categories: [] });
  });

  it('cites 000 on every declared item', () => {
    const citations = [
      ...p.structure.conveners.map((c) => c.source),
      p.structure.office.source,
      p.membershipChanges.source,
      ...p.meetingTypes.map((m) => m.source),
    ];
    expect(citations.every((c) => /^000 art\. \d+/.test(c))).toBe(true);
  });
});
