import '@test/support/keyed-lists';
import { PLUGINS_DIR, PluginRegistry, importPluginDir } from './index';
import { composeSource } from './compose-published';
import { scaffoldPlugin } from './scaffold';

describe('plugin:new scaffolds a YAML plugin with only the differences (none yet)', () => {
  it('writes identity only, lists the inherited keys, and validates as it is against its base', async () => {
    const registry = await PluginRegistry.load(PluginRegistry.discover(PLUGINS_DIR, importPluginDir));
    const base = registry.get('town-petition-systems')!;
    const text = scaffoldPlugin('new-town', base.effective!, '../../libs/plugin-sdk/plugin.schema.json');
    expect(text).toContain('extends: [town-petition-systems]');
    expect(text).toContain('#   meetingTypes (by code): WORKING');
    expect(text).not.toMatch(/^(structure|meetingTypes|supervision|cases):/m);
    const composed = await composeSource(text, 'YAML', async (id) => {
      const e = registry.get(id);
      return e?.effective
        ? { id, version: e.version!, effective: e.effective, hookPins: e.hookPins, lineage: [] }
        : null;
    });
    expect(composed.ok ? [] : composed.problems).toEqual([]);
    if (composed.ok) expect(composed.effective.meetingTypes).toEqual(base.effective!.meetingTypes);
  });
});
