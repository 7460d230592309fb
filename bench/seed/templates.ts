import { loadConfig } from '@engine/config';
import { RequestContext, type Caller } from '@engine/context';
import { Role } from '@core/identity';
import { createAbility } from '@engine/access';
import { Db } from '@engine/database';
import { PluginRegistry } from '@engine/plugins';
import { TenancyService } from '@core/tenancy';
import { createApp } from '../../apps/api/create-app';
import { ALL_RULES } from '../../apps/api/contexts';

/** A plugin as the real onboarding service applies it: the tenant row's snapshot and the units it creates. */
export interface PluginTemplate {
  pluginId: string;
  pluginVersion: string;
  level: 'COUNTY' | 'TOWN' | 'STREET';
  pluginConfig: Record<string, unknown>;
  units: {
    name: string;
    kind: 'DEPARTMENT' | 'VILLAGE' | 'COMMUNITY' | 'TOWNSHIP';
    aliases: string[];
    source: string | null;
    position: number;
  }[];
  hasChiefConvener: boolean;
}

/**
 * Onboards one tenant per onboardable seed plugin through the real TenancyService, on a throwaway
 * in-memory database, and keeps what it wrote (plugin_config snapshot, member units) as templates
 * the bulk generator copies. So generated tenants look exactly like onboarded ones.
 */
export async function onboardTemplates(): Promise<PluginTemplate[]> {
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: '',
    REDIS_URL: '',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'error',
    JWT_SECRET: 'bench-template-secret-bench-template-secret',
  });
  const { app, close } = await createApp({ ...config, runWorkers: false }, { inMemory: true });
  try {
    const caller: Caller = {
      userId: '00000000-0000-4000-8000-000000000000',
      username: 'bench',
      tenantId: null,
      roles: [Role.PLATFORM_ADMIN],
      memberUnitId: null,
    };
    const ctx = RequestContext.forCaller(caller, createAbility(caller, ALL_RULES));
    const tenancy = app.get(TenancyService);
    const db = app.get(Db);
    const plugins = app
      .get(PluginRegistry)
      .all()
      .filter((p) => p.available && p.effective?.onboardable)
      .map((p) => p.effective!);
    const county = plugins.find((p) => p.level === 'COUNTY');
    if (!county) throw new Error('no onboardable COUNTY plugin is installed');
    const templates: PluginTemplate[] = [];
    const take = async (pluginId: string, code: string, parentCode?: string): Promise<void> => {
      const tenant = await tenancy.onboard(ctx, { code, name: `模板${code}`, pluginId, parentCode });
      const units: PluginTemplate['units'] = await db.run(RequestContext.platform(), ({ em }) =>
        em.query(
          `SELECT name, kind, aliases, source, position FROM member_unit WHERE tenant_id = $1 AND kind <> 'TOWNSHIP' ORDER BY position`,
          [tenant.id],
        ),
      );
      const snapshot = tenant.pluginConfig as { structure: { conveners: { role: string }[] } };
      templates.push({
        pluginId: tenant.pluginId,
        pluginVersion: tenant.pluginVersion,
        level: tenant.level as PluginTemplate['level'],
        pluginConfig: tenant.pluginConfig,
        units,
        hasChiefConvener: snapshot.structure.conveners.some((c) => c.role === 'CHIEF_CONVENER'),
      });
    };
    await take(county.id, 'tpl-county');
    let i = 0;
    for (const p of plugins.filter((x) => x.level === 'TOWN' || x.level === 'STREET'))
      await take(p.id, `tpl-town-${(i += 1)}`, 'tpl-county');
    return templates;
  } finally {
    await close();
  }
}
