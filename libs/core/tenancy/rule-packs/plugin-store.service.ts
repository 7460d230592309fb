import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import semver from 'semver';
import type { EntityManager } from 'typeorm';
import { SDK_VERSION, type PluginFormat } from '@jm/plugin-sdk';
import type { RequestContext } from '@engine/context';
import { Role } from '@core/identity/entities';
import { Db } from '@engine/database';
import { AppError, ErrorCode } from '@engine/errors';
import { pageOfSorted, type Page } from '@engine/graphql';
import { TENANCY_ERRORS } from '../tenancy.errors';
import { composeSource, snapshotOf, type ComposedSource } from '@engine/plugins';
import { Tenant, TenantLevel } from '../tenant.entity';
import { PluginOrigin, PluginFormatEnum, type JurisdictionPluginModel, type PluginValidation } from '../plugin.model';
import { PluginCatalog, type CatalogEntry } from './plugin-catalog';
import { PluginVersion } from './plugin-version.entity';
import { idOwner } from './plugin-store.repository';

/** Reasons a publication is refused (extensions.reason). */
export const PublishRefusal = {
  INVALID: 'PLUGIN_INVALID',
  VERSION_EXISTS: 'PLUGIN_VERSION_EXISTS',
  NOT_YOUR_ID: 'PLUGIN_ID_NOT_YOURS',
  NOT_A_COUNTY_OFFICE: 'PUBLISHER_NOT_A_COUNTY_OFFICE',
  EXTENDS_NOT_ALLOWED: 'EXTENDS_NOT_ALLOWED',
  LEVEL_NOT_ALLOWED: 'LEVEL_NOT_ALLOWED',
} as const;

const hashOf = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Rule packs at runtime: validate (writes nothing), publish (immutable id@version, audited), read.
 * Who publishes: the platform admin (shared with every tenant), and a county's office director for its
 * townships — a TOWN or STREET plugin whose every `extends` is a base (onboardable: false), the county's
 * own plugin, or a plugin the county published.
 */
@Injectable()
export class PluginStoreService {
  private readonly logger = new Logger('RulePacks');

  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(PluginCatalog) private readonly catalog: PluginCatalog,
  ) {}

  validate(ctx: RequestContext, source: string, format: PluginFormat): Promise<PluginValidation> {
    return this.db.run(ctx, async ({ em }) => toValidation(await this.compose(em, source, format)));
  }

  async publish(ctx: RequestContext, source: string, format: PluginFormat): Promise<JurisdictionPluginModel> {
    const caller = ctx.caller;
    const platform = caller.roles.includes(Role.PLATFORM_ADMIN) && caller.tenantId === null;
    if (!platform && !caller.roles.includes(Role.OFFICE_DIRECTOR))
      throw TENANCY_ERRORS.forbidden('PUBLISHER_NOT_A_COUNTY_OFFICE');
    return this.db.run(ctx, async (tx) => {
      const { em } = tx;
      let county: Tenant | null = null;
      if (!platform) {
        county = await em.findOne(Tenant, { where: { id: caller.tenantId! } });
        if (!county || county.level !== TenantLevel.COUNTY)
          throw TENANCY_ERRORS.forbidden('PUBLISHER_NOT_A_COUNTY_OFFICE');
      }
      const composed = await this.compose(em, source, format);
      if (!composed.ok) {
        const problems = composed.problems.map((p) => ({
          field: `input.source:${p.path}`,
          message: `${p.path}${p.line ? ` (line ${p.line}, column ${p.column})` : ''}: ${p.message}`,
        }));
        throw new AppError(ErrorCode.BAD_USER_INPUT, `The plugin is not valid: ${problems[0]?.message ?? ''}`, {
          field: 'input.source',
          reason: PublishRefusal.INVALID,
          problems,
        });
      }
      const { id, version, effective } = composed;
      if (county) await this.checkCountyMay(em, county, composed);
      const owner = await idOwner(em, id);
      const ownerTenantId = county?.id ?? null;
      const installed = this.catalog.isInstalled(id);
      if ((installed && ownerTenantId !== null) || (owner.taken && owner.owner !== ownerTenantId))
        throw TENANCY_ERRORS.conflict('PLUGIN_ID_NOT_YOURS', { id }, 'input.source:id');
      const existing = await this.catalog.find(em, id, version);
      const hash = hashOf(source);
      if (existing?.published?.contentHash === hash) return this.model(em, existing);
      if (existing) throw TENANCY_ERRORS.conflict('PLUGIN_VERSION_EXISTS', { id, version }, 'input.source:version');
      if (county) await this.db.extendScope(tx, county.id);
      await em.insert(PluginVersion, {
        pluginId: id,
        version,
        ownerTenantId,
        format,
        sourceText: source,
        contentHash: hash,
        name: effective.name,
        level: effective.level,
        extends: effective.extends,
        bases: composed.bases,
        lineage: composed.lineage,
        onboardable: effective.onboardable,
        sdkVersion: SDK_VERSION,
        effective: snapshotOf(effective) as never,
        hookPins: composed.hookPins,
        publishedBy: caller.userId,
        publishedAt: new Date(),
      });
      this.logger.log(
        `published ${id}@${version} by user ${caller.userId}${county ? ` for county ${county.code}` : ' (platform)'}`,
      );
      return this.model(em, (await this.catalog.find(em, id, version))!);
    });
  }

  read(ctx: RequestContext, id: string, version?: string): Promise<JurisdictionPluginModel | null> {
    return this.db.run(ctx, async ({ em }) => {
      const found = await this.catalog.find(em, id, version);
      return found ? this.model(em, found) : null;
    });
  }

  versions(ctx: RequestContext, id: string): Promise<JurisdictionPluginModel[]> {
    return this.db.run(ctx, async ({ em }) =>
      Promise.all((await this.catalog.versions(em, id)).map((e) => this.model(em, e))),
    );
  }

  /** One page of `versions`, highest first (the cursor names the last version shown). */
  versionsPage(
    ctx: RequestContext,
    id: string,
    page: { limit: number; after: string | null },
  ): Promise<Page<JurisdictionPluginModel>> {
    return this.db.run(ctx, async ({ em }) => {
      const found = pageOfSorted(await this.catalog.versions(em, id), {
        keyOf: (e) => e.version,
        isKey: (k) => semver.valid(k) === k,
        ...page,
      });
      return { items: await Promise.all(found.items.map((e) => this.model(em, e))), nextCursor: found.nextCursor };
    });
  }

  private compose(em: EntityManager, source: string, format: PluginFormat): Promise<ComposedSource> {
    return composeSource(source, format, (id) => this.catalog.base(em, id));
  }

  /** A county publishes for its townships only, on a base, its own plugin, or a plugin it published. */
  private async checkCountyMay(
    em: EntityManager,
    county: Tenant,
    composed: Extract<ComposedSource, { ok: true }>,
  ): Promise<void> {
    if (composed.effective.level === 'COUNTY')
      throw TENANCY_ERRORS.forbidden('LEVEL_NOT_ALLOWED', {}, 'input.source:level');
    if (!composed.effective.extends.length)
      throw TENANCY_ERRORS.forbidden('EXTENDS_NOT_ALLOWED', { base: 'none' }, 'input.source:extends');
    for (const [i, baseId] of composed.effective.extends.entries()) {
      const base = (await this.catalog.find(em, baseId))!;
      // Shared: the platform's plugins (installed or published by the platform admin); else its own.
      const allowed = base.ownerTenantId === null || baseId === county.pluginId || base.ownerTenantId === county.id;
      if (!allowed)
        throw TENANCY_ERRORS.forbidden('EXTENDS_NOT_ALLOWED', { base: baseId }, `input.source:extends.${i}`);
    }
  }

  private async model(em: EntityManager, e: CatalogEntry): Promise<JurisdictionPluginModel> {
    const owner = e.ownerTenantId
      ? await em.findOne(Tenant, { where: { id: e.ownerTenantId }, select: { code: true } })
      : null;
    return {
      id: e.id,
      version: e.version,
      name: e.effective.name,
      level: e.effective.level as never,
      extends: e.effective.extends,
      available: true,
      onboardable: e.effective.onboardable,
      problems: [],
      source: e.effective.source,
      effectiveConfiguration: snapshotOf(e.effective),
      origin: e.origin === 'INSTALLED' ? PluginOrigin.INSTALLED : PluginOrigin.PUBLISHED,
      format: e.published ? (e.published.format as PluginFormatEnum) : null,
      sourceText: e.published?.sourceText ?? null,
      contentHash: e.published?.contentHash ?? null,
      bases: e.published?.bases ?? null,
      ownerTenantCode: owner?.code ?? null,
      publishedAt: e.published?.publishedAt ?? null,
    };
  }
}

function toValidation(c: ComposedSource): PluginValidation {
  return c.ok
    ? {
        valid: true,
        id: c.id,
        version: c.version,
        problems: [],
        bases: c.bases,
        effectiveConfiguration: snapshotOf(c.effective),
      }
    : { valid: false, id: c.id, version: c.version, problems: c.problems, bases: [], effectiveConfiguration: null };
}
