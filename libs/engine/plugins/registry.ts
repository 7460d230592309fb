import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import type { z } from 'zod';
import {
  HOOK_NAMES,
  SDK_VERSION,
  declaredPluginSchema,
  effectivePluginSchema,
  type EffectivePlugin,
  type HookName,
  type HookPin,
  type HookPins,
  type ParsedPluginSource,
  type PluginHooks,
} from '@jm/plugin-sdk';
import { applyRemovals, compose } from './compose';
import { PLUGIN_FILES, PluginSourceError } from './plugin-importer';

/** A precise report of what is wrong with a plugin: which plugin, which field, why. */
export interface PluginProblem {
  pluginId: string;
  path: string;
  message: string;
  /** Where the field is in the plugin's YAML or JSON text (1-based); absent for TypeScript plugins. */
  line?: number;
  column?: number;
}

export interface PluginEntry {
  id: string;
  dir: string | null;
  available: boolean;
  problems: PluginProblem[];
  /** The declaration's identity (best effort for broken plugins). */
  version: string | null;
  /** The composed, validated configuration; null when unavailable. */
  effective: EffectivePlugin | null;
  /** Every hook the plugin has, its own and inherited. */
  hooks: PluginHooks;
  /** Which plugin version provides each hook (its own, or a base's): what a tenant's snapshot pins. */
  hookPins: HookPins;
  /** The hooks this plugin itself declares (not inherited). */
  ownHooks: PluginHooks;
}

/** Where a plugin's code comes from: a directory and a way to import its default export. */
export interface PluginSource {
  dir: string | null;
  load(): Promise<unknown>;
}

const formatPath = (path: readonly PropertyKey[]): string => (path.length ? path.map(String).join('.') : '(root)');

type Locate = ParsedPluginSource['locate'];

export function zodProblems(pluginId: string, error: z.ZodError, locate?: Locate): PluginProblem[] {
  return error.issues.map((i) => ({ pluginId, path: formatPath(i.path), message: i.message, ...locate?.(i.path) }));
}

const locateOf = (mod: unknown): Locate | undefined => {
  const locate = (mod as { locate?: unknown } | null)?.locate;
  return typeof locate === 'function' ? (locate as Locate) : undefined;
};

/** The plain data of an effective plugin (no hooks), as snapshotted into a tenant. */
export function snapshotOf(plugin: EffectivePlugin): Record<string, unknown> {
  const { hooks: _hooks, ...data } = plugin;
  return JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
}

/**
 * Discovers, validates and composes jurisdiction plugins. A broken plugin is reported and marked
 * unavailable; it never stops the others (nor the tenants on them, which run on their snapshots).
 */
export class PluginRegistry {
  private constructor(private readonly entries: Map<string, PluginEntry>) {}

  /** Every plugin directory under `root`: one with a plugin.yaml or plugin.json (data) or a package.json (TypeScript). */
  static discover(root: string, importer: (dir: string) => Promise<unknown>): PluginSource[] {
    if (!existsSync(root)) return [];
    return readdirSync(root, { withFileTypes: true })
      .filter(
        (d) =>
          (d.isDirectory() || (d.isSymbolicLink() && statSync(join(root, d.name)).isDirectory())) &&
          [...PLUGIN_FILES.map((f) => f.name), 'package.json'].some((f) => existsSync(join(root, d.name, f))),
      )
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((d) => ({ dir: join(root, d.name), load: () => importer(join(root, d.name)) }));
  }

  static async load(sources: readonly PluginSource[]): Promise<PluginRegistry> {
    const declared = new Map<string, { raw: Record<string, unknown>; dir: string | null; locate?: Locate }>();
    const entries = new Map<string, PluginEntry>();
    const broken = (id: string, dir: string | null, problems: PluginProblem[], version: string | null = null): void => {
      entries.set(id, {
        id,
        dir,
        available: false,
        problems,
        version,
        effective: null,
        hooks: {},
        hookPins: {},
        ownHooks: {},
      });
    };

    for (const source of sources) {
      const fallbackId = source.dir ? source.dir.split(/[\\/]/).pop()! : '(unknown)';
      let mod: unknown;
      try {
        mod = await source.load();
      } catch (err) {
        const problems =
          err instanceof PluginSourceError
            ? err.problems.map((p) => ({ pluginId: fallbackId, ...p }))
            : [{ pluginId: fallbackId, path: '(module)', message: `cannot be loaded: ${(err as Error).message}` }];
        broken(fallbackId, source.dir, problems);
        continue;
      }
      const locate = locateOf(mod);
      const raw = (mod as { default?: unknown })?.default ?? mod;
      const parsed = declaredPluginSchema.safeParse(raw);
      const id = typeof (raw as { id?: unknown })?.id === 'string' ? String((raw as { id: string }).id) : fallbackId;
      if (!parsed.success) {
        broken(id, source.dir, zodProblems(id, parsed.error, locate), (raw as { version?: string })?.version ?? null);
        continue;
      }
      if (declared.has(id) || entries.has(id)) {
        // The first plugin with an id keeps it; a later duplicate is reported under its directory.
        const key = `${id}@${source.dir ?? '?'}`;
        broken(
          key,
          source.dir,
          [
            {
              pluginId: id,
              path: 'id',
              message: `duplicate plugin id "${id}" (already provided by ${declared.get(id)?.dir ?? entries.get(id)?.dir})`,
            },
          ],
          parsed.data.version,
        );
        continue;
      }
      const problems: PluginProblem[] = [];
      if (!semver.satisfies(SDK_VERSION, parsed.data.sdk)) {
        problems.push({
          pluginId: id,
          path: 'sdk',
          message: `requires plugin SDK ${parsed.data.sdk}, but this platform provides ${SDK_VERSION}`,
          ...locate?.(['sdk']),
        });
      }
      problems.push(...packageProblems(id, source.dir, parsed.data.version));
      if (problems.length) {
        broken(id, source.dir, problems, parsed.data.version);
        continue;
      }
      declared.set(id, { raw: { ...(raw as Record<string, unknown>), ...parsed.data }, dir: source.dir, locate });
    }

    const resolving = new Set<string>();
    const resolve = (id: string, chain: string[]): PluginEntry => {
      const done = entries.get(id);
      if (done) return done;
      const decl = declared.get(id)!;
      if (resolving.has(id)) {
        const cycle = [...chain.slice(chain.indexOf(id)), id].join(' → ');
        const entry: PluginEntry = {
          id,
          dir: decl.dir,
          available: false,
          problems: [{ pluginId: id, path: 'extends', message: `cycle: ${cycle}` }],
          version: String(decl.raw.version),
          effective: null,
          hooks: {},
          hookPins: {},
          ownHooks: {},
        };
        return entry;
      }
      resolving.add(id);
      const problems: PluginProblem[] = [];
      const bases: Record<string, unknown>[] = [];
      const baseHooks: PluginHooks[] = [];
      const basePins: HookPins[] = [];
      ((decl.raw.extends as string[]) ?? []).forEach((baseId, i) => {
        if (!declared.has(baseId) && !entries.has(baseId)) {
          problems.push({ pluginId: id, path: `extends.${i}`, message: `unknown plugin "${baseId}"` });
          return;
        }
        const base = resolve(baseId, [...chain, id]);
        if (!base.available || !base.effective) {
          // The cycle's own message only for its members; a plugin merely extending one is told its base is unavailable.
          const cycle = base.problems.find(
            (p) => p.message.startsWith('cycle:') && p.message.split(/ → |: /).includes(id),
          );
          problems.push({
            pluginId: id,
            path: `extends.${i}`,
            message: cycle ? cycle.message : `base plugin "${baseId}" is unavailable`,
          });
          return;
        }
        bases.push(base.effective as unknown as Record<string, unknown>);
        baseHooks.push(base.hooks);
        basePins.push(base.hookPins);
      });
      resolving.delete(id);
      let entry: PluginEntry;
      if (problems.length) {
        entry = {
          id,
          dir: decl.dir,
          available: false,
          problems,
          version: String(decl.raw.version),
          effective: null,
          hooks: {},
          hookPins: {},
          ownHooks: {},
        };
      } else {
        // Removals apply to what is inherited, before the plugin's own sections go on top.
        const removed = applyRemovals(compose(bases, {}), (decl.raw.remove as string[]) ?? []);
        const result = effectivePluginSchema.safeParse(compose([removed.config], decl.raw));
        const at = (path: string) => decl.locate?.(path.split('.'));
        const all = [
          ...removed.problems.map((p) => ({ pluginId: id, ...p, ...at(p.path) })),
          ...(result.success ? [] : zodProblems(id, result.error, decl.locate)),
        ];
        entry =
          all.length || !result.success
            ? {
                id,
                dir: decl.dir,
                available: false,
                problems: all,
                version: String(decl.raw.version),
                effective: null,
                hooks: {},
                hookPins: {},
                ownHooks: {},
              }
            : {
                id,
                dir: decl.dir,
                available: true,
                problems: [],
                version: result.data.version,
                effective: result.data,
                ...withPins(
                  id,
                  result.data.version,
                  baseHooks,
                  basePins,
                  (decl.raw.hooks as PluginHooks | undefined) ?? {},
                ),
              };
      }
      entries.set(id, entry);
      return entry;
    };
    for (const id of declared.keys()) resolve(id, []);
    return new PluginRegistry(new Map([...entries.entries()].sort(([a], [b]) => a.localeCompare(b))));
  }

  all(): PluginEntry[] {
    return [...this.entries.values()];
  }

  get(id: string): PluginEntry | undefined {
    return this.entries.get(id);
  }

  /**
   * The hook `name` exactly as a tenant's snapshot pins it: from that plugin at that version, or
   * undefined when that version is not the one installed (the caller refuses rather than silently run
   * another version's code).
   */
  pinnedHook<N extends HookName>(name: N, pin: HookPin): PluginHooks[N] | undefined {
    const entry = this.entries.get(pin.plugin);
    return entry?.available && entry.version === pin.version ? entry.ownHooks[name] : undefined;
  }

  problems(): PluginProblem[] {
    return this.all().flatMap((e) => e.problems);
  }
}

/** A plugin's hooks, inherited then its own on top, with which plugin version provides each. */
function withPins(
  id: string,
  version: string,
  baseHooks: PluginHooks[],
  basePins: HookPins[],
  own: PluginHooks,
): Pick<PluginEntry, 'hooks' | 'hookPins' | 'ownHooks'> {
  const ownPins: HookPins = Object.fromEntries(
    HOOK_NAMES.filter((n) => own[n]).map((n) => [n, { plugin: id, version }]),
  );
  return {
    hooks: Object.assign({}, ...baseHooks, own) as PluginHooks,
    hookPins: Object.assign({}, ...basePins, ownPins) as HookPins,
    ownHooks: own,
  };
}

/** The plugin's package.json must agree with its declaration. */
function packageProblems(id: string, dir: string | null, version: string): PluginProblem[] {
  if (!dir || !existsSync(join(dir, 'package.json'))) return [];
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string };
    return pkg.version === version
      ? []
      : [{ pluginId: id, path: 'version', message: `declares ${version} but package.json has ${pkg.version}` }];
  } catch (err) {
    return [{ pluginId: id, path: '(package.json)', message: `unreadable: ${(err as Error).message}` }];
  }
}
