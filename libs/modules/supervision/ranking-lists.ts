import type { Supervision } from '@jm/plugin-sdk';
import { DEFAULT_MINIMUM_TO_RANK } from './ranking';

type Notices = NonNullable<Supervision['notices']>;

export interface RankingList {
  code: string;
  name: string;
  kinds: readonly string[];
}

/** Generic words for a kind's list, when the plugin names no lists (not a jurisdiction fact). */
const KIND_WORDS: Readonly<Record<string, string>> = { TOWNSHIP: '乡镇', DEPARTMENT: '部门', VILLAGE: '村', COMMUNITY: '社区' };

/**
 * The lists a regular notice ranks in: the plugin's `notices.lists`, or one list per kind in `ranked`
 * (003 ranks 乡镇 and 部门: separately unless the plugin says otherwise).
 */
export function rankingListsOf(notices: Notices): RankingList[] {
  if (notices.lists?.length) return notices.lists.map((l) => ({ code: l.code, name: l.name, kinds: l.kinds }));
  return notices.ranked.map((kind) => ({ code: kind.toLowerCase(), name: KIND_WORDS[kind] ?? kind, kinds: [kind] }));
}

/** Units with facts a list needs before it has a bottom band, and whether that is the platform default. */
export function minimumToRank(notices: Notices): { minimum: number; isDefault: boolean; source: string | null } {
  const stated = notices.minimumToRank;
  return stated ? { minimum: stated.unitsWithFacts, isDefault: false, source: stated.source ?? null } : { minimum: DEFAULT_MINIMUM_TO_RANK, isDefault: true, source: null };
}
