import '@test/support/keyed-lists';
import { join } from 'node:path';
import type { EffectivePlugin } from '@jm/plugin-sdk';
import { PLUGINS_DIR, REPO_ROOT, importPluginDir } from './plugin-importer';
import { PluginRegistry, type PluginEntry } from './registry';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'plugins');
const SEEDS = ['county-petition-mechanisms', 'shizi-town', 'town-petition-systems', 'xiacang-town', 'xincheng-street'];
const BROKEN = [
  'broken-bad-field',
  'broken-incompatible',
  'broken-unknown-extends',
  'broken-version-mismatch',
  'cycle-a',
  'cycle-b',
  'extends-broken',
];

let seedsOnly: PluginRegistry;
let registry: PluginRegistry;

beforeAll(async () => {
  const seeds = PluginRegistry.discover(PLUGINS_DIR, importPluginDir);
  seedsOnly = await PluginRegistry.load(seeds);
  registry = await PluginRegistry.load([
    ...PluginRegistry.discover(join(FIXTURES, 'broken'), importPluginDir),
    ...seeds,
    ...PluginRegistry.discover(join(FIXTURES, 'extends-base'), importPluginDir),
  ]);
});

const entry = (id: string): PluginEntry => {
  const e = registry.get(id);
  if (!e) throw new Error(`no registry entry "${id}"`);
  return e;
};
const effective = (id: string): EffectivePlugin => {
  const e = entry(id);
  if (!e.effective) throw new Error(`${id} is unavailable: ${JSON.stringify(e.problems)}`);
  return e.effective;
};

describe('PluginRegistry with the seed plugins and the fixtures', () => {
  it('lists exactly the seeds, ext-town and the broken fixtures, and only the seeds and ext-town are available', () => {
    expect(registry.all().map((e) => e.id)).toEqual([...SEEDS, 'ext-town', ...BROKEN].sort());
    expect(
      registry
        .all()
        .filter((e) => e.available)
        .map((e) => e.id),
    ).toEqual([...SEEDS, 'ext-town'].sort());
  });

  it('loads every seed plugin exactly as it loads without the fixtures: broken plugins affect no one', () => {
    for (const id of SEEDS) {
      expect(entry(id)).toMatchObject({ available: true, problems: [], version: '1.0.0', dir: join(PLUGINS_DIR, id) });
      expect(entry(id).effective).toEqual(seedsOnly.get(id)?.effective);
    }
    expect(seedsOnly.problems()).toEqual([]);
  });

  it('only reports problems of the broken fixtures', () => {
    expect([...new Set(registry.problems().map((p) => p.pluginId))].sort()).toEqual(BROKEN);
  });
});

describe('ext-town (extends town-petition-systems)', () => {
  const base = (): EffectivePlugin => effective('town-petition-systems');

  it('has its own identity: id, version, name, source, extends, and no inherited tenantName', () => {
    expect(entry('ext-town')).toMatchObject({
      available: true,
      problems: [],
      version: '2.1.0',
      dir: join(FIXTURES, 'extends-base', 'ext-town'),
    });
    const p = effective('ext-town');
    expect(p).toMatchObject({
      id: 'ext-town',
      version: '2.1.0',
      name: '扩展镇信访工作联席会议',
      level: 'TOWN',
      sdk: '^1.0.0',
      extends: ['town-petition-systems'],
      onboardable: true,
    });
    expect(p.source).toEqual({ file: 'ext.txt', title: '扩展镇信访工作联席会议规则', date: '2024-01-15' });
    expect(p.tenantName).toBeUndefined();
    expect(p).not.toHaveProperty('remove');
  });

  it('inherits the base rules it does not touch: reception, first inquiry, screening, accountability, conveners', () => {
    const p = effective('ext-town');
    expect(p.cases.reception?.rotation).toEqual({
      rrule: 'FREQ=DAILY',
      minimum: false,
      source: '004 領導接待日制度 2',
    });
    expect(p.cases.screening).toEqual(base().cases.screening);
    expect(p.cases.screening?.criteria.map((c) => c.kind)).toEqual([
      'REPEAT',
      'SIGNED',
      'JOINT_SIGNED',
      'LONG_UNRESOLVED',
      'GROUP_ORGANISER',
    ]);
    expect(p.cases.firstInquiry).toEqual(base().cases.firstInquiry);
    expect(p.cases.byLineResponsibility).toEqual({ source: '004 分線報案制度 1' });
    expect(p.supervision.accountability).toEqual(base().supervision.accountability);
    expect(p.supervision.inspections).toEqual(base().supervision.inspections);
    expect(p.structure.conveners).toEqual(base().structure.conveners);
    expect(p.structure.leaders.map((l) => l.key)).toEqual(['party-secretary', 'leaders-in-charge']);
    expect(p.operations).toEqual(base().operations);
  });

  it('applies its overrides key by key: meeting name, office host, review deadline amount', () => {
    const p = effective('ext-town');
    expect(p.structure.jointMeetingName).toBe('扩展镇信访工作联席会议');
    expect(p.structure.office).toEqual({ ...base().structure.office, hostUnit: '扩展镇综治中心' });
    expect(p.cases.review).toEqual({
      opinionWithin: { amount: 30, unit: 'CALENDAR_DAYS', excluding: ['HEARING'], lastDayOff: 'NEXT_WORKING_DAY' }, // lastDayOff inherited from the base
      appealUpward: true,
      scope: ['ASSIGNED_FROM_ABOVE', 'OWN_DECISION'],
      afterOpinion: { informPetitionerInWriting: true, reportUpward: true, source: '004 復查制度 二' }, // inherited
      criteria: {
        checks: ['FACTS', 'CHARACTERISATION', 'EVIDENCE', 'LAW', 'DISPOSITION', 'PROCEDURE'],
        correctionWhen: ['FACTS', 'CHARACTERISATION', 'PROCEDURE'],
        source: '004 復查制度 三.1, 三.3',
      }, // inherited
      source: '004 復查制度 一, 二, 三.4',
    });
  });

  it('appends its new meeting type and member units after the inherited ones', () => {
    const p = effective('ext-town');
    expect(p.meetingTypes.map((m) => m.code)).toEqual(['WORKING', 'PLENARY']);
    expect(p.meetingTypes[0]).toEqual(base().meetingTypes[0]);
    expect(p.meetingTypes[1]).toMatchObject({
      code: 'PLENARY',
      escalatesTo: ['WORKING'],
      guestsAllowed: false,
      cadence: { rrule: 'FREQ=MONTHLY;INTERVAL=3', minimum: true },
    });
    expect(p.memberUnits).toEqual([
      { name: '扩展镇综治中心', kind: 'DEPARTMENT', aliases: ['综治中心'], source: 'ext art. 2' },
      { name: '扩展村', kind: 'VILLAGE', aliases: [], source: 'ext art. 2' },
    ]);
  });

  it('replaces the inherited unit-criticism ladder rule wholesale and drops the removed assessment-failed-veto', () => {
    const ladder = effective('ext-town').supervision.ladder;
    expect(ladder.map((r) => r.id)).toEqual([
      'unit-criticism',
      'individual-discipline',
      'talk-and-organisational-handling',
      'dereliction-of-duty',
    ]);
    expect(ladder[0]).toEqual({
      id: 'unit-criticism',
      when: { kind: 'CONSECUTIVE_REMINDERS', consecutive: 2 },
      then: 'INTERVIEW',
      source: 'ext art. 4',
    });
    expect(ladder[1]).toEqual(base().supervision.ladder[1]);
  });

  it('leaves its base untouched and carries its own rankScore hook', () => {
    expect(base().supervision.ladder.map((r) => r.id)).toEqual([
      'unit-criticism',
      'individual-discipline',
      'talk-and-organisational-handling',
      'dereliction-of-duty',
      'assessment-failed-veto',
    ]);
    expect(base().structure.jointMeetingName).toBe('鎮信訪工作領導小組');
    expect(base().cases.review?.opinionWithin.amount).toBe(15);
    expect(entry('town-petition-systems').hooks).toEqual({});
    expect(Object.keys(entry('ext-town').hooks)).toEqual(['rankScore']);
    expect(entry('ext-town').hooks.rankScore?.({ CASES_OVERDUE: 3 })).toBe(-3);
  });
});

describe('broken plugins are unavailable with a precise problem', () => {
  const expectBroken = (id: string, version: string, path: string, message: string | RegExp): void => {
    const e = entry(id);
    expect(e).toMatchObject({ available: false, effective: null, hooks: {}, version });
    expect(e.problems).toEqual([
      { pluginId: id, path, message: typeof message === 'string' ? message : expect.stringMatching(message) },
    ]);
  };

  it('names the offending field of an invalid value', () => {
    expectBroken('broken-bad-field', '1.0.0', 'meetingTypes.0.cadence.rrule', /^must be an RFC 5545 RRULE with FREQ/);
  });

  it('reports an unknown base by its extends index and id', () => {
    expectBroken('broken-unknown-extends', '1.0.0', 'extends.0', 'unknown plugin "no-such-plugin"');
  });

  it('reports both members of an extends cycle with the cycle spelled out', () => {
    expectBroken('cycle-a', '1.0.0', 'extends.0', 'cycle: cycle-a → cycle-b → cycle-a');
    expectBroken('cycle-b', '1.0.0', 'extends.0', 'cycle: cycle-a → cycle-b → cycle-a');
  });

  it('reports a plugin written for another SDK major', () => {
    expectBroken('broken-incompatible', '1.0.0', 'sdk', 'requires plugin SDK ^2.0.0, but this platform provides 1.0.0');
  });

  it('reports a declaration whose version disagrees with its package.json', () => {
    expectBroken('broken-version-mismatch', '1.2.0', 'version', 'declares 1.2.0 but package.json has 1.0.0');
  });

  it('reports a plugin extending a broken one as having an unavailable base', () => {
    expectBroken('extends-broken', '1.0.0', 'extends.0', 'base plugin "broken-bad-field" is unavailable');
  });
});

describe('PluginRegistry.load with other sources', () => {
  it('loads a plugin split over several files (the multi-file fixture is itself sound)', async () => {
    const dir = join(FIXTURES, 'multi-file', 'split-town');
    const reg = await PluginRegistry.load([
      ...PluginRegistry.discover(PLUGINS_DIR, importPluginDir),
      { dir, load: () => importPluginDir(dir) },
    ]);
    expect(reg.get('split-town')).toMatchObject({ available: true, problems: [] });
    expect(reg.get('split-town')?.effective?.structure.office.hostUnit).toBe('分拆镇综治中心');
  });

  it('reports a module that cannot be imported under its directory name, and loads the rest', async () => {
    const reg = await PluginRegistry.load([
      { dir: '/nowhere/crashing-plugin', load: () => Promise.reject(new Error('boom')) },
      { dir: join(PLUGINS_DIR, 'shizi-town'), load: () => importPluginDir(join(PLUGINS_DIR, 'shizi-town')) },
    ]);
    expect(reg.get('crashing-plugin')?.problems).toEqual([
      { pluginId: 'crashing-plugin', path: '(module)', message: 'cannot be loaded: boom' },
    ]);
    expect(reg.get('shizi-town')?.available).toBe(true);
  });

  it('reports an identity that fails the declaration schema by field', async () => {
    const reg = await PluginRegistry.load([
      {
        dir: null,
        load: async () => ({
          default: {
            id: 'bad-version',
            version: 'one',
            name: 'x',
            level: 'TOWN',
            sdk: '^1.0.0',
            source: { file: 'f', title: 't', date: null },
          },
        }),
      },
    ]);
    expect(reg.get('bad-version')).toMatchObject({ available: false, version: 'one' });
    expect(reg.get('bad-version')?.problems).toEqual([
      { pluginId: 'bad-version', path: 'version', message: 'must be a semantic version such as 1.0.0' },
    ]);
  });
});

describe('composition edge cases', () => {
  const identity = (id: string, extendsIds: string[]) => ({
    id,
    version: '1.0.0',
    name: id,
    level: 'TOWN',
    extends: extendsIds,
    sdk: '^1.0.0',
    source: { file: `${id}.txt`, title: id, date: null },
  });
  const inline = (plugin: Record<string, unknown>) => ({ dir: null, load: async () => ({ default: plugin }) });

  it('tells a plugin extending a cycle member that its base is unavailable, not that it is in the cycle', async () => {
    const reg = await PluginRegistry.load([
      ...PluginRegistry.discover(join(FIXTURES, 'broken'), importPluginDir),
      inline(identity('extends-cycle', ['cycle-a'])),
    ]);
    expect(reg.get('extends-cycle')?.problems).toEqual([
      { pluginId: 'extends-cycle', path: 'extends.0', message: 'base plugin "cycle-a" is unavailable' },
    ]);
  });

  it('applies `remove` to inherited items only: removing an item the plugin adds itself is reported', async () => {
    const own = {
      code: 'NEW_TYPE',
      name: '新会议',
      chairRole: 'CONVENER',
      attendees: 'ALL_MEMBERS',
      minutes: { kind: 'MINUTES', approvedBy: 'CONVENER', distribution: 'ALL_MEMBERS' },
      source: 'x art. 1',
    };
    const reg = await PluginRegistry.load([
      ...PluginRegistry.discover(PLUGINS_DIR, importPluginDir),
      inline({
        ...identity('removes-own', ['town-petition-systems']),
        meetingTypes: [own],
        remove: ['meetingTypes:NEW_TYPE'],
      }),
    ]);
    expect(reg.get('removes-own')?.problems).toEqual([
      { pluginId: 'removes-own', path: 'remove.0', message: 'nothing inherited at meetingTypes with code "NEW_TYPE"' },
    ]);
  });
});
