import { HandlingLevel } from '../case.enums';
import type { CaseRuleSet } from '../case-rules';

export type GridRule = NonNullable<CaseRuleSet['grid']>;
export type TierRule = NonNullable<CaseRuleSet['tieredHandling']>[number];

/**
 * The handling levels a plugin's grid system (网格化, 002 §五(二)) spans, from the bottom up. The
 * plugin lists its levels from the top (街道, 社区, 网格): the first is the street/town, the last the
 * grid, and a middle level is the community. Two levels (镇, 网格) skip the community.
 */
export function gridLadder(grid: GridRule): HandlingLevel[] {
  return grid.levels.length > 2
    ? [HandlingLevel.GRID, HandlingLevel.COMMUNITY, HandlingLevel.TOWN]
    : [HandlingLevel.GRID, HandlingLevel.TOWN];
}

/** The plugin's own word for a level (网格, 社区, 街道), or the level's code where its grid has none. */
export function gridLevelName(grid: GridRule | undefined, level: HandlingLevel): string {
  const levels = grid?.levels ?? [];
  switch (level) {
    case HandlingLevel.GRID:
      return levels.at(-1) ?? level;
    case HandlingLevel.COMMUNITY:
      return levels.length > 2 ? levels[1] : level;
    case HandlingLevel.TOWN:
      return levels[0] ?? level;
  }
}

/**
 * One level up (`escalation: ONE_LEVEL_UP`): GRID → COMMUNITY → TOWN. Null at the top, or for a
 * level the grid does not span (a case with no handling level yet has nowhere to go up from).
 */
export function escalationTarget(grid: GridRule, current: HandlingLevel | null): HandlingLevel | null {
  if (current === null) return null;
  const ladder = gridLadder(grid);
  const at = ladder.indexOf(current);
  return at < 0 || at === ladder.length - 1 ? null : ladder[at + 1];
}

/** The plugin's tiered-handling entry (分级处理, 002 §五(三)) for a level: who is first responsible there. */
export function tierFor(tiers: readonly TierRule[] | undefined, level: HandlingLevel): TierRule | null {
  return tiers?.find((t) => t.level === (level as string)) ?? null;
}
