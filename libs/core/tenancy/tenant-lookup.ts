import { In, type EntityManager, type FindOptionsSelect } from 'typeorm';
import type { RequestContext } from '@engine/context';
import type { Db } from '@engine/database';
import { readSnapshot, type EffectivePlugin, type HookName, type HookPin, type PluginHooks } from '@jm/plugin-sdk';
import { AppError } from '@engine/errors';
import { TENANCY_ERRORS } from './tenancy.errors';
import type { PluginRegistry } from '@engine/plugins';
import { Tenant } from './tenant.entity';

/**
 * Lookups every bounded context needs inside its own transaction: one copy here, re-exported by the
 * modules' rule files so their services keep importing from one place.
 */

/**
 * The tenant's rules, read from its plugin snapshot (never from code): parsed with the reader of the
 * SDK version that wrote it, so every default is filled and a corrupt snapshot fails loudly here.
 */
export function pluginOf(tenant: Pick<Tenant, 'pluginConfig' | 'pluginSdkVersion'>): EffectivePlugin {
  // A tenant read for a list carries no snapshot (TENANT_LIST_COLUMNS): its rules come from withRules().
  if (tenant.pluginConfig === undefined) throw new Error('tenant read without its rules: load them with withRules()');
  return readSnapshot(tenant.pluginConfig, tenant.pluginSdkVersion ?? '1.0.0');
}

/** Which plugin version provides hook `name` to the tenant, or null when its rules have no such hook. */
export function hookPinOf(
  registry: PluginRegistry,
  tenant: Pick<Tenant, 'pluginId' | 'pluginVersion' | 'pluginHooks'>,
  name: HookName,
): HookPin | null {
  if (tenant.pluginHooks) return tenant.pluginHooks[name] ?? null;
  // Onboarded before pins: the hooks of the plugin version it was onboarded on, when that one declares or inherits it.
  const entry = registry.get(tenant.pluginId);
  return entry && entry.version === tenant.pluginVersion ? (entry.hookPins[name] ?? null) : null;
}

/**
 * The code hook `name` of the tenant's rules, from exactly the plugin version its snapshot pins; undefined
 * when its rules have none. When the pinned version is no longer installed it refuses (CONFLICT,
 * HOOK_VERSION_NOT_INSTALLED) instead of running another version's code.
 */
export function hookOf<N extends HookName>(
  registry: PluginRegistry,
  tenant: Tenant,
  name: N,
): PluginHooks[N] | undefined {
  const pin = hookPinOf(registry, tenant, name);
  if (!pin) return undefined;
  const hook = registry.pinnedHook(name, pin);
  if (!hook) {
    throw TENANCY_ERRORS.conflict('HOOK_VERSION_NOT_INSTALLED', {
      tenant: tenant.code,
      hook: name,
      pin: `${pin.plugin}@${pin.version}`,
      installed: registry.get(pin.plugin)?.version ?? 'none',
    });
  }
  return hook;
}

/** A tenant the transaction's scope can see, or NOT_FOUND (another tenant looks exactly like a missing one). */
export async function tenantByCode(em: EntityManager, code: string): Promise<Tenant> {
  const tenant = await em.findOne(Tenant, { where: { code } });
  if (!tenant) throw AppError.notFound(`Tenant "${code}"`);
  return tenant;
}

/** A tenant known to exist (the owner of a row already read in the same scope). */
export async function tenantById(em: EntityManager, id: string): Promise<Tenant> {
  return em.findOneOrFail(Tenant, { where: { id } });
}

/**
 * The columns a list of tenants reads: everything but the plugin snapshot (`plugin_config`, tens of
 * kilobytes a tenant), which only the fields that show rules need; they load it with withRules().
 */
export const TENANT_LIST_COLUMNS: FindOptionsSelect<Tenant> = {
  id: true,
  code: true,
  name: true,
  level: true,
  parentId: true,
  path: true,
  pluginId: true,
  pluginVersion: true,
  pluginSdkVersion: true,
  pluginHooks: true,
  createdAt: true,
};

/**
 * The tenant with its plugin snapshot: as it is when it was read whole, else its snapshot read once per
 * request for all the tenants of a list (one DataLoader batch).
 */
export async function withRules(ctx: RequestContext, db: Db, tenant: Tenant): Promise<Tenant> {
  if (tenant.pluginConfig !== undefined) return tenant;
  const rules = await ctx
    .loader('tenantRules', async (ids) => {
      const rows = await db.run(ctx, ({ em }) =>
        em.find(Tenant, {
          select: { id: true, pluginConfig: true, pluginSdkVersion: true },
          where: { id: In([...ids]) },
        }),
      );
      return new Map(rows.map((r) => [r.id, r]));
    })
    .load(tenant.id);
  if (!rules) throw AppError.notFound(`Tenant "${tenant.code}"`);
  tenant.pluginConfig = rules.pluginConfig;
  tenant.pluginSdkVersion = rules.pluginSdkVersion;
  return tenant;
}
