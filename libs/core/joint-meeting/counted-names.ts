import type { CountedMemberUnits } from '@jm/plugin-sdk';
import { JOINT_MEETING_ERRORS } from './joint-meeting.errors';

/** Names given at onboarding for one kind of counted unit, or for one counted group picked by its label. */
export interface CountedNamesGiven {
  kind: string;
  /** The plugin's label of the group (e.g. 街道中心（一中心）), when several groups count the same kind. */
  label?: string | null;
  names: readonly string[];
}

/** Stable `extensions.reason` values of a refused name list. */
export const COUNTED_NAMES_REASONS = {
  unknownGroup: 'COUNTED_GROUP_UNKNOWN',
  namedTwice: 'COUNTED_GROUP_NAMED_TWICE',
  tooMany: 'COUNTED_NAMES_TOO_MANY',
  taken: 'COUNTED_NAME_TAKEN',
} as const;

/**
 * Which name each counted placeholder gets (D2: 002's 三办一中心 are two DEPARTMENT groups). A list with a
 * label names that group; a list without one fills the groups of its kind in the plugin's order, so three
 * DEPARTMENT names become the 三办's two and the 一中心's one. Returns, per plugin group, the names given
 * (possibly fewer than its count: the rest stay placeholders). Refuses, naming the field, a kind or label
 * the plugin does not count, a group named twice, more names than places, and a name already used.
 * `path` is the input's path (`input.countedUnitNames`).
 */
export function assignCountedNames(
  groups: readonly Pick<CountedMemberUnits, 'kind' | 'label' | 'count'>[],
  given: readonly CountedNamesGiven[],
  namedUnits: readonly string[],
  path = 'input.countedUnitNames',
): string[][] {
  const out = groups.map((): string[] => []);
  const claimed = new Set<number>();
  const used = new Set(namedUnits);
  given.forEach((entry, i) => {
    const targets = groups
      .map((g, gi) => ({ g, gi }))
      .filter(({ g }) => g.kind === entry.kind && (entry.label == null || g.label === entry.label));
    if (targets.length === 0) {
      const field = entry.label == null ? `${path}.${i}.kind` : `${path}.${i}.label`;
      throw JOINT_MEETING_ERRORS.badInput(field, 'COUNTED_GROUP_UNKNOWN', {
        group: entry.label == null ? entry.kind : `${entry.kind} "${entry.label}"`,
      });
    }
    if (targets.some(({ gi }) => claimed.has(gi)))
      throw JOINT_MEETING_ERRORS.badInput(`${path}.${i}`, 'COUNTED_GROUP_NAMED_TWICE', {
        what: `${entry.kind}${entry.label ? ` "${entry.label}"` : ''}`,
      });
    const places = targets.reduce((n, { g }) => n + g.count, 0);
    if (entry.names.length > places) {
      throw JOINT_MEETING_ERRORS.badInput(`${path}.${i}.names`, 'COUNTED_NAMES_TOO_MANY', {
        places,
        groups: targets.map(({ g }) => g.label).join(' + '),
        given: entry.names.length,
      });
    }
    entry.names.forEach((name, ni) => {
      if (used.has(name))
        throw JOINT_MEETING_ERRORS.badInput(`${path}.${i}.names.${ni}`, 'COUNTED_NAME_TAKEN', { name });
      used.add(name);
    });
    let next = 0;
    for (const { g, gi } of targets) {
      claimed.add(gi);
      out[gi] = entry.names.slice(next, next + g.count);
      next += g.count;
    }
  });
  return out;
}
