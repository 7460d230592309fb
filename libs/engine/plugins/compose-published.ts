import semver from 'semver';
import {
  HOOK_NAMES,
  SDK_VERSION,
  declaredPluginSchema,
  effectivePluginSchema,
  parsePluginSource,
  type EffectivePlugin,
  type HookPins,
  type PluginFormat,
} from '@jm/plugin-sdk';
import { applyRemovals, compose } from './compose';
import { zodProblems, type PluginProblem } from './registry';

/** A plugin a published one may extend: on disk or published, already effective. */
export interface BasePlugin {
  id: string;
  version: string;
  effective: EffectivePlugin;
  hookPins: HookPins;
  /** Every id in its own `extends` chain (to refuse cycles). */
  lineage: readonly string[];
}

export type ComposedSource =
  | {
      ok: true;
      id: string;
      version: string;
      declared: Record<string, unknown>;
      effective: EffectivePlugin;
      hookPins: HookPins;
      bases: string[];
      lineage: string[];
    }
  | { ok: false; id: string | null; version: string | null; problems: PluginProblem[] };

/**
 * Reads, validates and composes a plugin's YAML or JSON text exactly as the registry does for a file
 * on disk (same limits, same zod schemas, same `extends` rules), against bases looked up by `baseOf`.
 * Writes nothing; data only (a pack has no hooks: it inherits its bases' pinned hooks).
 */
export async function composeSource(
  text: string,
  format: PluginFormat,
  baseOf: (id: string) => Promise<BasePlugin | { unavailable: string } | null>,
): Promise<ComposedSource> {
  const parsed = parsePluginSource(text, format);
  if (parsed.problems.length)
    return {
      ok: false,
      id: null,
      version: null,
      problems: parsed.problems.map((p) => ({ pluginId: '(source)', ...p })),
    };
  const raw = parsed.value as Record<string, unknown>;
  const idGuess = typeof raw.id === 'string' ? raw.id : '(source)';
  const versionGuess = typeof raw.version === 'string' ? raw.version : null;
  const fail = (problems: PluginProblem[]): ComposedSource => ({
    ok: false,
    id: typeof raw.id === 'string' ? raw.id : null,
    version: versionGuess,
    problems,
  });
  if ('hooks' in raw)
    return fail([
      {
        pluginId: idGuess,
        path: 'hooks',
        message:
          'a plugin published as data cannot declare hooks (code): hooks live only in TypeScript plugins on disk',
        ...parsed.locate(['hooks']),
      },
    ]);
  const declared = declaredPluginSchema.safeParse(raw);
  if (!declared.success) return fail(zodProblems(idGuess, declared.error, parsed.locate));
  const decl = declared.data;
  const id = decl.id;
  if (!semver.satisfies(SDK_VERSION, decl.sdk)) {
    return fail([
      {
        pluginId: id,
        path: 'sdk',
        message: `requires plugin SDK ${decl.sdk}, but this platform provides ${SDK_VERSION}`,
        ...parsed.locate(['sdk']),
      },
    ]);
  }
  const problems: PluginProblem[] = [];
  const bases: BasePlugin[] = [];
  for (const [i, baseId] of decl.extends.entries()) {
    const at = parsed.locate(['extends', i]);
    if (baseId === id) {
      problems.push({ pluginId: id, path: `extends.${i}`, message: `cycle: ${id} → ${id}`, ...at });
      continue;
    }
    const base = await baseOf(baseId);
    if (!base) problems.push({ pluginId: id, path: `extends.${i}`, message: `unknown plugin "${baseId}"`, ...at });
    else if ('unavailable' in base)
      problems.push({ pluginId: id, path: `extends.${i}`, message: base.unavailable, ...at });
    else if (base.lineage.includes(id))
      problems.push({ pluginId: id, path: `extends.${i}`, message: `cycle: ${id} → ${baseId} → … → ${id}`, ...at });
    else bases.push(base);
  }
  if (problems.length) return fail(problems);
  const removed = applyRemovals(
    compose(
      bases.map((b) => b.effective as unknown as Record<string, unknown>),
      {},
    ),
    decl.remove,
  );
  const result = effectivePluginSchema.safeParse(compose([removed.config], { ...raw, ...decl }));
  const all = [
    ...removed.problems.map((p) => ({ pluginId: id, ...p, ...parsed.locate(p.path.split('.')) })),
    ...(result.success ? [] : zodProblems(id, result.error, parsed.locate)),
  ];
  if (all.length || !result.success) return fail(all);
  const hookPins = Object.assign({}, ...bases.map((b) => b.hookPins)) as HookPins;
  for (const name of Object.keys(hookPins))
    if (!(HOOK_NAMES as readonly string[]).includes(name)) delete hookPins[name as keyof HookPins];
  return {
    ok: true,
    id,
    version: decl.version,
    declared: raw,
    effective: result.data,
    hookPins,
    bases: bases.map((b) => `${b.id}@${b.version}`),
    lineage: [...new Set(bases.flatMap((b) => [b.id, ...b.lineage]))],
  };
}
