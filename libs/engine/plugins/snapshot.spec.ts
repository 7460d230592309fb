import '@test/support/keyed-lists';
import { join } from 'node:path';
import { PLUGINS_DIR, PluginRegistry, importPluginDir, snapshotOf } from '@engine/plugins';
import { SDK_VERSION, SnapshotError, readSnapshot } from '@jm/plugin-sdk';

describe('a tenant snapshot is parsed on read with its SDK version, not cast', () => {
  let snapshot: Record<string, unknown>;
  beforeAll(async () => {
    const registry = await PluginRegistry.load(PluginRegistry.discover(PLUGINS_DIR, importPluginDir));
    snapshot = snapshotOf(registry.get('shizi-town')!.effective!);
  });

  it('reads a snapshot written by this SDK back to the same rules', () => {
    const read = readSnapshot(JSON.parse(JSON.stringify(snapshot)), SDK_VERSION);
    expect(snapshotOf(read)).toEqual(snapshot);
  });

  it('reads the same snapshot read again (a new row object) to equal rules that share no object with the first', () => {
    const first = readSnapshot(JSON.parse(JSON.stringify(snapshot)), SDK_VERSION);
    const again = readSnapshot(JSON.parse(JSON.stringify(snapshot)), SDK_VERSION);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    first.meetingTypes.length = 0; // a reader changing its copy changes nobody else's
    expect(readSnapshot(JSON.parse(JSON.stringify(snapshot)), SDK_VERSION)).toEqual(again);
    expect(snapshotOf(again)).toEqual(snapshot);
  });

  it('fills defaults a sparser older snapshot of the same major lacks', () => {
    const { supervision: _s, ...sparse } = JSON.parse(JSON.stringify(snapshot)) as Record<string, unknown>;
    expect(readSnapshot(sparse, '1.0.0').supervision).toEqual({ ladder: [], appliesToDescendants: false });
  });

  it('refuses a corrupt snapshot naming the field, a newer SDK and an unknown major', () => {
    const corrupt = { ...JSON.parse(JSON.stringify(snapshot)), meetingTypes: 'weekly' };
    expect(() => readSnapshot(corrupt, SDK_VERSION)).toThrow(SnapshotError);
    expect(() => readSnapshot(corrupt, SDK_VERSION)).toThrow(/meetingTypes/);
    expect(() => readSnapshot(snapshot, '99.0.0')).toThrow(/newer than this platform/);
    expect(() => readSnapshot(snapshot, '0.9.0')).toThrow(/no reader for snapshots of plugin SDK 0.9.0/);
    expect(() => readSnapshot(snapshot, 'one')).toThrow(/not a semantic version/);
  });
});

describe('hooks are pinned by plugin id and version', () => {
  let registry: PluginRegistry;
  beforeAll(async () => {
    registry = await PluginRegistry.load([
      ...PluginRegistry.discover(PLUGINS_DIR, importPluginDir),
      ...PluginRegistry.discover(
        join(PLUGINS_DIR, '..', 'test', 'fixtures', 'plugins', 'extends-base'),
        importPluginDir,
      ),
    ]);
  });

  it('records which plugin version provides each hook', () => {
    expect(registry.get('ext-town')?.hookPins).toEqual({ rankScore: { plugin: 'ext-town', version: '2.1.0' } });
    expect(registry.get('town-petition-systems')?.hookPins).toEqual({});
  });

  it('gives the hook only for the pinned version: another installed version is never used silently', () => {
    expect(registry.pinnedHook('rankScore', { plugin: 'ext-town', version: '2.1.0' })?.({ CASES_OVERDUE: 2 })).toBe(-2);
    expect(registry.pinnedHook('rankScore', { plugin: 'ext-town', version: '2.0.0' })).toBeUndefined();
    expect(registry.pinnedHook('scoreAssessment', { plugin: 'ext-town', version: '2.1.0' })).toBeUndefined();
  });
});
