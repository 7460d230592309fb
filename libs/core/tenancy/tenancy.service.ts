import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { In, IsNull, QueryFailedError } from 'typeorm';
import { SDK_VERSION } from '@jm/plugin-sdk';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { groupBy } from '@engine/util';
import { Db, type Tx } from '@engine/database';
import type { Page } from '@engine/graphql';
import { AppError } from '@engine/errors';
import { TENANCY_ERRORS } from './tenancy.errors';
import { PluginRegistry, snapshotOf, type PluginEntry } from '@engine/plugins';
import type { JurisdictionPluginModel } from './plugin.model';
import { Tenant, TenantLevel } from './tenant.entity';
import { tenantsPage } from './tenants.query';
import { pluginOf, TENANT_LIST_COLUMNS, withRules } from './tenant-lookup';
import { PluginCatalog } from './rule-packs/plugin-catalog';
import type { OnboardTenantInput } from './dto/onboard-tenant.input';
import { TenantFounders, type FoundingInput } from './tenant-founders';

/** Depth of each level in the administrative tree: a child sits strictly below its parent. */
const LEVEL_DEPTH: Record<TenantLevel, number> = { PROVINCE: 0, CITY: 1, COUNTY: 2, TOWN: 3, STREET: 3 };

@Injectable()
export class TenancyService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(PluginRegistry) private readonly registry: PluginRegistry,
    @Inject(TenantFounders) private readonly founders: TenantFounders,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(PluginCatalog) private readonly catalog: PluginCatalog,
  ) {}

  /** A tenant the caller can see, or null (absent and invisible look the same). */
  byCode(ctx: RequestContext, code: string): Promise<Tenant | null> {
    return this.db.run(ctx, ({ em }) => em.findOne(Tenant, { where: { code } }));
  }

  /** Visible tenants; with a parent code, that parent's visible children (empty if the parent is not visible). */
  async list(ctx: RequestContext, parentCode: string | undefined): Promise<Tenant[]> {
    return this.db.run(ctx, async ({ em }) => {
      if (parentCode === undefined) return em.find(Tenant, { select: TENANT_LIST_COLUMNS, order: { path: 'ASC' } });
      const parent = await em.findOne(Tenant, { where: { code: parentCode }, select: { id: true } });
      return parent
        ? em.find(Tenant, { select: TENANT_LIST_COLUMNS, where: { parentId: parent.id }, order: { code: 'ASC' } })
        : [];
    });
  }

  /** One page of the visible tenants (children of parentCode if given), latest onboarded first. */
  async page(
    ctx: RequestContext,
    parentCode: string | undefined,
    limit: number,
    after: string | null,
  ): Promise<Page<Tenant>> {
    return this.db.run(ctx, async ({ em }) => {
      if (parentCode === undefined) return tenantsPage(em, undefined, limit, after);
      const parent = await em.findOne(Tenant, { where: { code: parentCode }, select: { id: true } });
      return parent ? tenantsPage(em, parent.id, limit, after) : { items: [], nextCursor: null };
    });
  }

  async byIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, Tenant>> {
    const rows = await this.db.run(ctx, ({ em }) =>
      em.find(Tenant, { select: TENANT_LIST_COLUMNS, where: { id: In([...ids]) } }),
    );
    return new Map(rows.map((t) => [t.id, t]));
  }

  async childrenOf(ctx: RequestContext, parentIds: readonly string[]): Promise<Map<string, Tenant[]>> {
    const rows = await this.db.run(ctx, ({ em }) =>
      em.find(Tenant, { select: TENANT_LIST_COLUMNS, where: { parentId: In([...parentIds]) }, order: { code: 'ASC' } }),
    );
    return groupBy(parentIds, rows, (r) => r.parentId);
  }

  /** The tenant with its plugin snapshot (a tenant read for a list has none). */
  withRules(ctx: RequestContext, tenant: Tenant): Promise<Tenant> {
    return withRules(ctx, this.db, tenant);
  }

  plugins(): JurisdictionPluginModel[] {
    return this.registry.all().map(toModel);
  }

  /**
   * The plugin a tenant runs on, as snapshotted; `available` reflects the installed plugin, and a
   * published one (no directory on disk) is available by its immutable published version.
   */
  pluginOf(tenant: Tenant): JurisdictionPluginModel {
    const snap = pluginOf(tenant);
    const installed =
      this.registry.get(tenant.pluginId) ??
      (tenant.pluginHooks !== null ? { available: true, problems: [] } : undefined);
    return {
      id: tenant.pluginId,
      version: tenant.pluginVersion,
      name: snap.name,
      level: snap.level as TenantLevel,
      extends: snap.extends,
      available: installed?.available ?? false,
      onboardable: snap.onboardable,
      problems: installed?.problems ?? [{ pluginId: tenant.pluginId, path: '(plugin)', message: 'not installed' }],
      source: snap.source,
      effectiveConfiguration: tenant.pluginConfig,
    };
  }

  /**
   * Creates a tenant from a plugin under a parent (a county onboards its townships; a platform admin
   * onboards top-level tenants): the tenant with its plugin snapshot, its member units, and its place
   * among the parent's member units as a TOWNSHIP. All in one transaction.
   */
  async onboard(ctx: RequestContext, input: OnboardTenantInput): Promise<Tenant> {
    const disk = this.registry.get(input.pluginId);
    if (disk && (!disk.available || !disk.effective) && input.pluginVersion === undefined) {
      const first = disk.problems[0];
      throw TENANCY_ERRORS.badInput('input.pluginId', 'PLUGIN_UNAVAILABLE', {
        plugin: input.pluginId,
        detail: first ? ` (${first.path}: ${first.message})` : '',
      });
    }
    try {
      return await this.db.run(ctx, async (tx) => {
        const { em } = tx;
        // Installed or published (visible to the caller: another county's plugins are not found).
        const entry = await this.catalog.find(em, input.pluginId, input.pluginVersion);
        if (!entry) {
          const what = input.pluginVersion ? `${input.pluginId}@${input.pluginVersion}` : input.pluginId;
          throw TENANCY_ERRORS.badInput(
            input.pluginVersion ? 'input.pluginVersion' : 'input.pluginId',
            'PLUGIN_NOT_FOUND',
            { plugin: what },
          );
        }
        const plugin = entry.effective;
        if (!plugin.onboardable)
          throw TENANCY_ERRORS.badInput('input.pluginId', 'PLUGIN_NOT_ONBOARDABLE', { plugin: input.pluginId });
        const founding = foundingOf(input);
        for (const f of this.founders.all()) f.check(plugin, founding);
        let parent: Tenant | null = null;
        if (input.parentCode !== undefined) {
          parent = await em.findOne(Tenant, { where: { code: input.parentCode } });
          if (!parent) throw AppError.notFound(`Parent tenant "${input.parentCode}"`);
        }
        if (!ctx.ability.can('onboard', subject('Tenant', { parentId: parent?.id ?? null }))) {
          throw TENANCY_ERRORS.forbidden(parent ? 'NOT_PERMITTED_UNDER_PARENT' : 'PLATFORM_ADMIN_ONLY_TOP_LEVEL');
        }
        const level = plugin.level as TenantLevel;
        if (parent && LEVEL_DEPTH[level] <= LEVEL_DEPTH[parent.level]) {
          throw TENANCY_ERRORS.badInput('input.pluginId', 'LEVEL_BELOW_PARENT', { level, parentLevel: parent.level });
        }
        if (parent && (await this.nameTakenUnder(em, parent, input.name))) {
          throw TENANCY_ERRORS.conflict(
            'PARENT_UNIT_NAME_TAKEN',
            { parent: parent.name, name: input.name },
            'input.name',
          );
        }
        const id = randomUUID();
        await this.db.extendScope(tx, id);
        await em.insert(Tenant, {
          id,
          code: input.code,
          name: input.name,
          level,
          parentId: parent?.id ?? null,
          pluginId: plugin.id,
          pluginVersion: entry.version,
          pluginConfig: snapshotOf(plugin) as never,
          pluginSdkVersion: SDK_VERSION,
          pluginHooks: entry.hookPins,
          // The platform clock, so cadences count from the onboarding day even in a replayed timeline.
          createdAt: this.clock.now(),
        });
        const tenant = await em.findOneOrFail(Tenant, { where: { id } });
        for (const f of this.founders.all()) await f.found(tx, tenant, parent, plugin, founding);
        return tenant;
      });
    } catch (err) {
      const driver =
        err instanceof QueryFailedError ? (err.driverError as { code?: string; constraint?: string }) : null;
      if (driver?.code === '23505' && driver.constraint === 'tenant_code_unique') {
        throw TENANCY_ERRORS.conflict('TENANT_CODE_TAKEN', { code: input.code }, 'input.code');
      }
      throw err;
    }
  }

  /** Whether any tenant exists (demo seeding runs only on an empty database). */
  anyTenant(ctx: RequestContext): Promise<boolean> {
    return this.db.run(ctx, ({ em }) => em.exists(Tenant, { where: { parentId: IsNull() } }));
  }

  /** Whether a founder (the joint meeting) finds the new tenant's name taken under its parent. */
  private async nameTakenUnder(em: Tx['em'], parent: Tenant, name: string): Promise<boolean> {
    for (const f of this.founders.all()) if (await f.nameTakenUnder(em, parent, name)) return true;
    return false;
  }
}

function foundingOf(input: OnboardTenantInput): FoundingInput {
  return { name: input.name, countedUnitNames: input.countedUnitNames ?? [] };
}

function toModel(entry: PluginEntry): JurisdictionPluginModel {
  const eff = entry.effective;
  return {
    id: entry.id,
    version: entry.version ?? '0.0.0',
    name: eff?.name ?? entry.id,
    level: (eff?.level as TenantLevel | undefined) ?? TenantLevel.TOWN,
    extends: eff?.extends ?? [],
    available: entry.available,
    onboardable: eff?.onboardable ?? false,
    problems: entry.problems,
    source: eff?.source ?? null,
    effectiveConfiguration: eff ? snapshotOf(eff) : null,
  };
}
