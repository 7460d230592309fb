import { Inject, Injectable } from '@nestjs/common';
import semver from 'semver';
import type { EntityManager } from 'typeorm';
import type { EffectivePlugin, HookPins } from '@jm/plugin-sdk';
import { PluginRegistry, snapshotOf, type BasePlugin } from '@engine/plugins';
import { readSnapshot } from '@jm/plugin-sdk';
import { PluginVersion } from './plugin-version.entity';

/** A plugin version a tenant can run on: installed on disk (the platform's) or published at runtime. */
export interface CatalogEntry {
  id: string;
  version: string;
  origin: 'INSTALLED' | 'PUBLISHED';
  effective: EffectivePlugin;
  hookPins: HookPins;
  lineage: string[];
  /** The owning county; null for the platform's (installed ones, and published by a platform admin). */
  ownerTenantId: string | null;
  published: PluginVersion | null;
}

/**
 * One lookup over both kinds of plugin: the registry (disk, loaded at start) and the published versions
 * visible in the transaction's scope (row-level security: another county's plugins are not there).
 */
@Injectable()
export class PluginCatalog {
  constructor(@Inject(PluginRegistry) private readonly registry: PluginRegistry) {}

  /** `id` at `version`, or its highest visible version; null when there is none (or it is not visible). */
  async find(em: EntityManager, id: string, version?: string): Promise<CatalogEntry | null> {
    const all = await this.versions(em, id);
    return (version ? all.find((e) => e.version === version) : all[0]) ?? null;
  }

  /** Every visible version of `id`, highest first. */
  async versions(em: EntityManager, id: string): Promise<CatalogEntry[]> {
    const out: CatalogEntry[] = [];
    const disk = this.registry.get(id);
    if (disk?.available && disk.effective && disk.version) {
      out.push({
        id,
        version: disk.version,
        origin: 'INSTALLED',
        effective: disk.effective,
        hookPins: disk.hookPins,
        lineage: this.lineageOf(id),
        ownerTenantId: null,
        published: null,
      });
    }
    const rows = await em.find(PluginVersion, { where: { pluginId: id } });
    for (const row of rows) {
      if (out.some((e) => e.version === row.version)) continue;
      out.push({
        id,
        version: row.version,
        origin: 'PUBLISHED',
        effective: readSnapshot(row.effective, row.sdkVersion),
        hookPins: row.hookPins,
        lineage: row.lineage,
        ownerTenantId: row.ownerTenantId,
        published: row,
      });
    }
    return out.sort((a, b) => semver.rcompare(a.version, b.version));
  }

  /** What `extends: [id]` of a pack composes with: the highest visible version. */
  async base(em: EntityManager, id: string): Promise<BasePlugin | { unavailable: string } | null> {
    const disk = this.registry.get(id);
    if (disk && !disk.available) {
      const found = await this.find(em, id);
      return found ? toBase(found) : { unavailable: `base plugin "${id}" is unavailable` };
    }
    const found = await this.find(em, id);
    return found ? toBase(found) : null;
  }

  /** Whether a plugin directory with this id ships with the platform (its id is the platform's). */
  isInstalled(id: string): boolean {
    return this.registry.get(id) !== undefined;
  }

  /** The snapshot data of an entry (hooks excluded). */
  snapshot(entry: CatalogEntry): Record<string, unknown> {
    return snapshotOf(entry.effective);
  }

  private lineageOf(id: string, seen = new Set<string>()): string[] {
    for (const base of this.registry.get(id)?.effective?.extends ?? []) {
      if (seen.has(base)) continue;
      seen.add(base);
      this.lineageOf(base, seen);
    }
    return [...seen];
  }
}

const toBase = (e: CatalogEntry): BasePlugin => ({
  id: e.id,
  version: e.version,
  effective: e.effective,
  hookPins: e.hookPins,
  lineage: e.lineage,
});
