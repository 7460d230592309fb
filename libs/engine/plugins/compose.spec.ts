import '@test/support/keyed-lists';
import { IDENTITY_KEYS, applyRemovals, compose } from './compose';
import { keyedLists } from './keyed-lists';

type Json = Record<string, unknown>;

/** `{ a: { b: value } }` for path `a.b`. */
const nest = (path: string, value: unknown): Json =>
  path.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Json;

const identity = (id: string, version: string): Json => ({
  id,
  version,
  name: `${id} name`,
  level: 'TOWN',
  sdk: '^1.0.0',
  source: { file: `${id}.txt`, title: id, date: null },
});

describe('compose (extends merge rules)', () => {
  it('merges objects key by key: keys the child leaves out are inherited, at every depth', () => {
    const base = {
      structure: {
        jointMeetingName: 'Base meeting',
        principle: 'p',
        office: { hostUnit: 'Office A', section: 'Desk 1', source: 'b 1' },
      },
    };
    const child = { structure: { office: { hostUnit: 'Office B' } } };
    expect(compose([base], child).structure).toEqual({
      jointMeetingName: 'Base meeting',
      principle: 'p',
      office: { hostUnit: 'Office B', section: 'Desk 1', source: 'b 1' },
    });
  });

  it('declares exactly these keyed lists and their keys (registered by the contexts that own them)', () => {
    expect(keyedLists()).toEqual({
      memberUnits: 'name',
      countedMemberUnits: 'label',
      meetingTypes: 'code',
      'structure.conveners': 'key',
      'structure.leaders': 'key',
      'supervision.ladder': 'id',
      'cases.ownership.tiers': 'id',
      'cases.stepLimits': 'step',
      'cases.categories': 'code',
    });
  });

  it.each(Object.entries(keyedLists()))(
    'merges %s by its key %s: same key replaced wholesale in place, new keys appended',
    (path, key) => {
      const base = nest(path, [
        { [key]: 'first', kept: 'base', onlyInBase: true },
        { [key]: 'second', kept: 'base' },
      ]);
      const child = nest(path, [
        { [key]: 'first', kept: 'child' },
        { [key]: 'third', kept: 'child' },
      ]);
      const merged = path.split('.').reduce<unknown>((o, k) => (o as Json)[k], compose([base], child));
      expect(merged).toEqual([
        { [key]: 'first', kept: 'child' },
        { [key]: 'second', kept: 'base' },
        { [key]: 'third', kept: 'child' },
      ]);
    },
  );

  it('replaces lists that are not keyed, even when their items look keyed', () => {
    const base = {
      membershipChanges: { reportTo: ['CONVENER', 'SUPERIOR'], source: 'b 2' },
      cases: { screening: { criteria: [{ kind: 'SIGNED' }, { kind: 'JOINT_SIGNED' }] } },
    };
    const child = {
      membershipChanges: { reportTo: ['OFFICE_DIRECTOR'] },
      cases: { screening: { criteria: [{ kind: 'GROUP_ORGANISER' }] } },
    };
    const merged = compose([base], child) as { membershipChanges: Json; cases: { screening: Json } };
    expect(merged.membershipChanges).toEqual({ reportTo: ['OFFICE_DIRECTOR'], source: 'b 2' });
    expect(merged.cases.screening.criteria).toEqual([{ kind: 'GROUP_ORGANISER' }]);
  });

  it('replaces scalars (null included) while the rest of the enclosing object is inherited', () => {
    const base = {
      structure: { office: { hostUnit: 'Office A' } },
      cases: {
        review: { opinionWithin: { amount: 15, unit: 'CALENDAR_DAYS', excluding: ['HEARING'] }, appealUpward: true },
      },
    };
    const child = {
      structure: { office: { hostUnit: null } },
      cases: { review: { opinionWithin: { amount: 30 }, appealUpward: false } },
    };
    const merged = compose([base], child) as { structure: { office: Json }; cases: { review: Json } };
    expect(merged.structure.office.hostUnit).toBeNull();
    expect(merged.cases.review).toEqual({
      opinionWithin: { amount: 30, unit: 'CALENDAR_DAYS', excluding: ['HEARING'] },
      appealUpward: false,
    });
  });

  it('applies bases left to right, then the child on top', () => {
    const first = {
      structure: { jointMeetingName: 'first', principle: 'first' },
      meetingTypes: [{ code: 'A', by: 'first' }],
    };
    const second = {
      structure: { jointMeetingName: 'second' },
      meetingTypes: [
        { code: 'A', by: 'second' },
        { code: 'B', by: 'second' },
      ],
    };
    const child = { meetingTypes: [{ code: 'B', by: 'child' }] };
    const merged = compose([first, second], child);
    expect(merged.structure).toEqual({ jointMeetingName: 'second', principle: 'first' });
    expect(merged.meetingTypes).toEqual([
      { code: 'A', by: 'second' },
      { code: 'B', by: 'child' },
    ]);
  });

  it('never inherits identity: id, version, name, tenantName, level, sdk, source, onboardable, extends come from the child only', () => {
    expect([...IDENTITY_KEYS]).toEqual([
      'id',
      'version',
      'name',
      'tenantName',
      'level',
      'sdk',
      'source',
      'onboardable',
      'extends',
      'remove',
    ]);
    const base = {
      ...identity('base', '1.0.0'),
      tenantName: 'Base town',
      onboardable: false,
      extends: ['root'],
      remove: ['meetingTypes:X'],
      meetingTypes: [{ code: 'W' }],
    };
    const child = { ...identity('child', '2.0.0'), extends: ['base'], remove: ['meetingTypes:W'] };
    const merged = compose([base], child);
    expect(merged).toEqual({ ...identity('child', '2.0.0'), extends: ['base'], meetingTypes: [{ code: 'W' }] });
    expect(merged).not.toHaveProperty('tenantName');
    expect(merged).not.toHaveProperty('onboardable');
    expect(merged).not.toHaveProperty('remove');
  });

  it('does not mutate the bases or the declaration', () => {
    const base = { structure: { office: { hostUnit: 'A' } }, meetingTypes: [{ code: 'W', name: 'w' }] };
    const child = {
      structure: { office: { hostUnit: 'B' } },
      meetingTypes: [{ code: 'W', name: 'w2' }, { code: 'P' }],
    };
    const before = JSON.stringify([base, child]);
    compose([base], child);
    expect(JSON.stringify([base, child])).toBe(before);
  });
});

describe('applyRemovals', () => {
  const config = (): Json => ({
    meetingTypes: [{ code: 'PLENARY' }, { code: 'WORKING' }],
    supervision: { ladder: [{ id: 'bottom-three' }, { id: 'interview' }], appliesToDescendants: false },
    hooks: { rankScore: () => 1 },
  });

  it('drops the inherited item named by `meetingTypes:PLENARY` and keeps the others', () => {
    const { config: out, problems } = applyRemovals(config(), ['meetingTypes:PLENARY']);
    expect(problems).toEqual([]);
    expect(out.meetingTypes).toEqual([{ code: 'WORKING' }]);
    expect(out.supervision).toEqual(config().supervision);
  });

  it('drops items of nested keyed lists (`supervision.ladder:bottom-three`) and keeps sibling keys', () => {
    const { config: out, problems } = applyRemovals(config(), [
      'supervision.ladder:bottom-three',
      'meetingTypes:WORKING',
    ]);
    expect(problems).toEqual([]);
    expect(out.supervision).toEqual({ ladder: [{ id: 'interview' }], appliesToDescendants: false });
    expect(out.meetingTypes).toEqual([{ code: 'PLENARY' }]);
  });

  it('keeps hook functions by reference and leaves the input untouched', () => {
    const input = config();
    const hook = (input.hooks as Json).rankScore;
    const { config: out } = applyRemovals(input, ['meetingTypes:PLENARY']);
    expect((out.hooks as Json).rankScore).toBe(hook);
    expect(input.meetingTypes).toEqual([{ code: 'PLENARY' }, { code: 'WORKING' }]);
  });

  it('reports a malformed entry at remove.N and still applies the valid ones', () => {
    const { config: out, problems } = applyRemovals(config(), [
      'meetingTypes:PLENARY',
      'meetingTypes',
      'hooks:rankScore',
    ]);
    expect(out.meetingTypes).toEqual([{ code: 'WORKING' }]);
    expect(problems.map((p) => p.path)).toEqual(['remove.1', 'remove.2']);
    expect(problems[0].message).toMatch(/^"meetingTypes" must be "<keyed list>:<key>", the list one of memberUnits, /);
    expect(problems[1].message).toMatch(/^"hooks:rankScore" must be "<keyed list>:<key>"/);
  });

  it('reports a removal that names nothing inherited, with the list, key field and key', () => {
    const { config: out, problems } = applyRemovals(config(), ['meetingTypes:NOPE', 'cases.ownership.tiers:county']);
    expect(problems).toEqual([
      { path: 'remove.0', message: 'nothing inherited at meetingTypes with code "NOPE"' },
      { path: 'remove.1', message: 'nothing inherited at cases.ownership.tiers with id "county"' },
    ]);
    expect(out.meetingTypes).toEqual([{ code: 'PLENARY' }, { code: 'WORKING' }]);
    expect(out.supervision).toEqual(config().supervision);
  });
});
