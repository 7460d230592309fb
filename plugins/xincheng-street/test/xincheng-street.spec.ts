import { effectivePluginSchema, readPluginFile, type EffectivePlugin } from '@jm/plugin-sdk';

const plugin = readPluginFile(new URL('../plugin.yaml', import.meta.url)).value;

function effective(): EffectivePlugin {
  const parsed = effectivePluginSchema.safeParse(plugin);
  if (!parsed.success) {
    console.error(JSON.stringify(parsed.error.issues, null, 2));
    throw new Error('xincheng-street does not validate against effectivePluginSchema');
  }
  return parsed.data;
}

describe('xincheng-street plugin (002 关于建立新城街道信访工作联席会议制度的通知)', () => {
  const p = effective();

  it('validates and identifies itself', () => {
    expect(p).toMatchObject({ id: 'xincheng-street', level: 'STREET', extends: [], onboardable: true });
    expect(p.source).toEqual({
      file: '002_7d77782b9707f262.txt',
      title: '关于建立新城街道信访工作联席会议制度的通知',
      date: '2022-06-02',
    });
    expect(p.structure.jointMeetingName).toBe('新城街道信访工作联席会议');
  });

  it('has the subdistrict party secretary as chief convener and five conveners', () => {
    const chiefs = p.structure.conveners.filter((c) => c.role === 'CHIEF_CONVENER');
    expect(chiefs.map((c) => c.title)).toEqual(['街道党工委书记']);
    expect(p.structure.conveners.filter((c) => c.role === 'CONVENER').map((c) => c.title)).toEqual([
      '街道党工委副书记、办事处主任',
      '党工委委员、人大工委主任',
      '党工委组织委员',
      '司法所所长',
      '新城公安派出所所长',
    ]);
  });

  it('has its office in the petition-stability section of 平安建设办公室, directed by the deputy secretary / 政法委员', () => {
    expect(p.structure.office.hostUnit).toBe('平安建设办公室');
    expect(p.structure.office.section).toBe('综合信访维稳股');
    expect(p.structure.office.director).toMatchObject({ title: '街道党工委副书记、政法委员', role: 'OFFICE_DIRECTOR' });
  });

  it('names the police station and judicial office, and counts 11 community committees and the rest of 三办一中心', () => {
    expect(p.memberUnits.map((u) => [u.name, u.kind])).toEqual([
      ['平安建设办公室', 'DEPARTMENT'],
      ['新城公安派出所', 'DEPARTMENT'],
      ['司法所', 'DEPARTMENT'],
    ]);
    const communities = p.countedMemberUnits.filter((c) => c.kind === 'COMMUNITY');
    expect(communities).toEqual([{ kind: 'COMMUNITY', count: 11, label: '社区居委会', source: '002 §三' }]);
    const namedOffices = p.memberUnits.filter((u) => u.name === '平安建设办公室').length;
    const countedDepartments = p.countedMemberUnits
      .filter((c) => c.kind === 'DEPARTMENT')
      .reduce((n, c) => n + c.count, 0);
    expect(namedOffices + countedDepartments).toBe(4); // 三办一中心
  });

  it('holds the joint meeting without a fixed cadence; chief convener or a convener may call it ad hoc; minutes copied upward', () => {
    expect(p.meetingTypes).toHaveLength(1);
    const m = p.meetingTypes[0]!;
    expect(m).toMatchObject({ code: 'JOINT_MEETING', name: '信访工作联席会议', chairRole: 'CHIEF_CONVENER' });
    expect(m.cadence).toBeUndefined();
    expect(m.adHocCalledBy).toEqual(['CHIEF_CONVENER', 'CONVENER']);
    expect(m.minutes).toMatchObject({ kind: 'MINUTES', copyUpward: true });
  });

  it('randomly inspects departments and communities every quarter', () => {
    const i = p.supervision.inspections;
    expect(i?.random?.cadence.rrule).toBe('FREQ=MONTHLY;INTERVAL=3');
    expect(i?.random?.targets).toEqual(['DEPARTMENT', 'COMMUNITY']);
    // 抽查部门、社区: both, every quarter — a stratified draw; the sizes are the plugin's default (no sizeSource).
    expect(i?.random?.strata).toEqual([
      { kinds: ['DEPARTMENT'], sampleSize: 1 },
      { kinds: ['COMMUNITY'], sampleSize: 1 },
    ]);
    expect(i?.random?.sizeSource).toBeUndefined();
    expect(i?.proposedBy).toEqual(['OFFICE_DIRECTOR']);
    expect(i?.source).toBe('002 §四(四)');
  });

  it('traces responsibility backwards and feeds community performance into the annual evaluation', () => {
    expect(p.supervision.accountability).toMatchObject({
      backwardTracing: true,
      recommendations: [],
      source: '002 §二(四)',
    });
    expect(p.supervision.assessment).toMatchObject({ period: 'ANNUAL', source: '002 §四(四)' });
    expect(p.supervision.appliesToDescendants).toBe(false);
  });

  it('gives key cases a work roadmap: resolve, stabilise or strike', () => {
    expect(p.cases.roadmaps).toEqual({ strategies: ['RESOLVE', 'STABILISE', 'STRIKE'], source: '002 §四(二)' });
  });

  it('runs a three-level grid with escalation one level up', () => {
    expect(p.cases.grid).toEqual({
      levels: ['街道', '社区', '网格'],
      escalation: 'ONE_LEVEL_UP',
      source: '002 §五(二)',
    });
  });

  it('handles issues by tier: the community secretary first, then the subdistrict leader in charge', () => {
    expect(p.cases.tieredHandling).toEqual([
      { level: 'COMMUNITY', firstResponsible: '社区书记', role: 'VILLAGE_SECRETARY', source: '002 §五(三)' },
      { level: 'TOWN', firstResponsible: '街道业务分管领导', source: '002 §五(三)' },
    ]);
  });

  it('keeps two-level ledgers with problem, responsibility and task lists and a time limit', () => {
    expect(p.cases.ledgers?.levels).toEqual(['TOWN', 'COMMUNITY']);
    expect(p.cases.ledgers?.lists).toEqual(['PROBLEM', 'RESPONSIBILITY', 'TASK']);
    expect(p.cases.ledgers?.fields).toContain('TIME_LIMIT');
    expect(p.cases.ledgers?.fields).toHaveLength(7);
  });

  it('screens areas by cadres (002 六(三) 干部包片排查) with no period stated, so the platform default applies', () => {
    expect(p.cases.areaScreening).toEqual({ source: '002 六(三)' });
  });
});
