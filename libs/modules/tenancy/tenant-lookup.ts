import type { EntityManager } from 'typeorm';
import type { EffectivePlugin } from '@jm/plugin-sdk';
import { AppError } from '@engine/errors';
import { Tenant } from './tenant.entity';

/**
 * Lookups every bounded context needs inside its own transaction: one copy here, re-exported by the
 * modules' rule files so their services keep importing from one place.
 */

/** The tenant's rules, read from its plugin snapshot (never from code). */
export function pluginOf(tenant: Tenant): EffectivePlugin {
  return tenant.pluginConfig as unknown as EffectivePlugin;
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
