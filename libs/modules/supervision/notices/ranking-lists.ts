import type { Supervision } from '@jm/plugin-sdk';
import type { NoticeRankingList } from './notice.entity';
import { DEFAULT_MINIMUM_TO_RANK, rankUnits, type Metric, type Metrics, type RankedUnit } from './ranking';
import type { SupervisedUnit } from '../supervision-rules';

type Notices = NonNullable<Supervision['notices']>;

export interface RankingList {
  code: string;
  name: string;
  kinds: readonly string[];
}

/** Generic words for a kind's list, when the plugin names no lists (not a jurisdiction fact). */
const KIND_WORDS: Readonly<Record<string, string>> = {
  TOWNSHIP: '乡镇',
  DEPARTMENT: '部门',
  VILLAGE: '村',
  COMMUNITY: '社区',
};

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
  return stated
    ? { minimum: stated.unitsWithFacts, isDefault: false, source: stated.source ?? null }
    : { minimum: DEFAULT_MINIMUM_TO_RANK, isDefault: true, source: null };
}

export type RankedEntry = RankedUnit & { listCode: string };

/** Ranks every list on its own (003 §三: 乡镇 and 部门), each with its own places and bottom band. */
export function rankLists(
  notices: Notices,
  units: readonly SupervisedUnit[],
  metrics: ReadonlyMap<string, Metrics>,
  score: (m: Metrics) => number,
  band: number,
): { ranked: Map<string, RankedEntry>; ranking: NoticeRankingList[] } {
  const minimum = minimumToRank(notices);
  const weights = notices.scoring as Partial<Record<Metric, number>>;
  const ranked = new Map<string, RankedEntry>();
  const ranking: NoticeRankingList[] = [];
  for (const list of rankingListsOf(notices)) {
    const members = units.filter((u) => list.kinds.includes(u.kind));
    const { units: places, bottomBand: b } = rankUnits(
      members.map((u) => ({ unitId: u.id, position: u.position, name: u.name, metrics: metrics.get(u.id)! })),
      score,
      band,
      weights,
      minimum.minimum,
    );
    for (const p of places) ranked.set(p.unitId, { ...p, listCode: list.code });
    ranking.push({
      code: list.code,
      name: list.name,
      kinds: [...list.kinds],
      units: members.length,
      unitsWithFacts: b.unitsWithFacts,
      minimum: minimum.minimum,
      minimumIsDefault: minimum.isDefault,
      bottomWidth: band,
      bottomMarked: b.marked,
      withheld: b.withheld,
    });
  }
  return { ranked, ranking };
}
