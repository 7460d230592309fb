import '@test/support/keyed-lists';
import { join } from 'node:path';
import { PLUGINS_DIR, PluginRegistry, REPO_ROOT, importPluginDir } from '@engine/plugins';
import { AppError } from '@engine/errors';
import { hookOf } from './tenant-lookup';
import type { Tenant } from './tenant.entity';

describe('hookOf: a tenant runs the hook of the plugin version its snapshot pins', () => {
  let registry: PluginRegistry;
  beforeAll(async () => {
    registry = await PluginRegistry.load([
      ...PluginRegistry.discover(PLUGINS_DIR, importPluginDir),
      ...PluginRegistry.discover(join(REPO_ROOT, 'test', 'fixtures', 'plugins', 'extends-base'), importPluginDir),
    ]);
  });
  const tenant = (over: Partial<Tenant>): Tenant =>
    ({ code: 'ext', pluginId: 'ext-town', pluginVersion: '2.1.0', pluginHooks: {}, ...over }) as Tenant;

  it('uses the pinned hook, and none when the snapshot pins none (even if the installed plugin has one)', () => {
    expect(
      hookOf(
        registry,
        tenant({ pluginHooks: { rankScore: { plugin: 'ext-town', version: '2.1.0' } } }),
        'rankScore',
      )?.({ CASES_OVERDUE: 1 }),
    ).toBe(-1);
    expect(hookOf(registry, tenant({ pluginHooks: {} }), 'rankScore')).toBeUndefined();
  });

  it('refuses (CONFLICT, HOOK_VERSION_NOT_INSTALLED) when the pinned version is not the installed one', () => {
    const run = () =>
      hookOf(
        registry,
        tenant({ pluginVersion: '2.0.0', pluginHooks: { rankScore: { plugin: 'ext-town', version: '2.0.0' } } }),
        'rankScore',
      );
    expect(run).toThrow(AppError);
    expect(run).toThrow(/ext-town@2.0.0, which is not installed \(installed: 2.1.0\)/);
    try {
      run();
    } catch (err) {
      expect((err as AppError).extensions).toMatchObject({ code: 'CONFLICT', reason: 'HOOK_VERSION_NOT_INSTALLED' });
    }
  });

  it('tenants onboarded before pins use the hooks of the version they were onboarded on, and only that one', () => {
    expect(hookOf(registry, tenant({ pluginHooks: null }), 'rankScore')).toBeDefined();
    expect(hookOf(registry, tenant({ pluginHooks: null, pluginVersion: '1.0.0' }), 'rankScore')).toBeUndefined();
  });
});
