import semver from 'semver';
import type { z } from 'zod';
import type { PluginHooks } from './hooks';
import { SDK_VERSION, effectivePluginSchema, type EffectivePlugin } from './plugin';
import { withoutRetiredFields } from './retired-fields';

/** The hooks a plugin can provide, by name. */
export const HOOK_NAMES = ['scoreAssessment', 'rankScore'] as const satisfies readonly (keyof PluginHooks)[];
export type HookName = (typeof HOOK_NAMES)[number];

/** Which plugin version provides a hook to a tenant: pinned in its snapshot like its data. */
export interface HookPin {
  plugin: string;
  version: string;
}
export type HookPins = Partial<Record<HookName, HookPin>>;

/** A snapshot that cannot be read by this platform: written by an SDK it has no reader for, or corrupt. */
export class SnapshotError extends Error {}

/**
 * Readers of a tenant's plugin snapshot, by the major version of the SDK that wrote it. A snapshot is
 * parsed (defaults filled, every rule checked), never cast: a new SDK major brings its reader for the
 * older snapshots here (upgrading them in memory), so tenants onboarded years ago keep running.
 */
const READERS: Readonly<Record<number, (data: unknown) => z.ZodSafeParseResult<EffectivePlugin>>> = {
  1: (data) => effectivePluginSchema.safeParse(withoutRetiredFields(data)),
};

const cache = new WeakMap<object, { sdk: string; plugin: EffectivePlugin }>();

/**
 * Snapshots read before, by their text (a tenant row read again is a new object with the same snapshot, and
 * most tenants of a plugin version share one): a hit is a copy of what the parse returned, so no reader shares
 * an object with another tenant's, and the parse — half a millisecond for a 6 KB snapshot, once per tenant in
 * every sweep — is not repeated. Bounded: cleared when full.
 */
const byText = new Map<string, EffectivePlugin>();
const MAX_TEXTS = 64;

/**
 * Reads a tenant's plugin snapshot written by SDK `sdkVersion`. Throws SnapshotError (naming the
 * field) when it cannot: a snapshot is never used half-read. Cached per snapshot object, and by its text (a copy).
 */
export function readSnapshot(data: unknown, sdkVersion: string): EffectivePlugin {
  let text: string | null = null;
  if (typeof data === 'object' && data !== null) {
    const hit = cache.get(data);
    if (hit && hit.sdk === sdkVersion) return hit.plugin;
    text = `${sdkVersion}\n${JSON.stringify(data)}`;
    const known = byText.get(text);
    if (known) {
      const plugin = structuredClone(known);
      cache.set(data, { sdk: sdkVersion, plugin });
      return plugin;
    }
  }
  const version = semver.valid(sdkVersion);
  if (!version) throw new SnapshotError(`snapshot SDK version "${sdkVersion}" is not a semantic version`);
  if (semver.gt(version, SDK_VERSION))
    throw new SnapshotError(`snapshot written by plugin SDK ${version}, newer than this platform's ${SDK_VERSION}`);
  const reader = READERS[semver.major(version)];
  if (!reader)
    throw new SnapshotError(
      `no reader for snapshots of plugin SDK ${version} (this platform reads ${Object.keys(READERS)
        .map((m) => `${m}.x`)
        .join(', ')})`,
    );
  const parsed = reader(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new SnapshotError(
      `snapshot does not read as plugin SDK ${version}: ${first.path.join('.') || '(root)'}: ${first.message}`,
    );
  }
  if (typeof data === 'object' && data !== null) cache.set(data, { sdk: sdkVersion, plugin: parsed.data });
  if (text !== null) {
    if (byText.size >= MAX_TEXTS) byText.clear();
    byText.set(text, structuredClone(parsed.data));
  }
  return parsed.data;
}
