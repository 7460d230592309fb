import { HandlingLevel } from '../case.enums';
import { escalationTarget, gridLadder, gridLevelName, tierFor, type GridRule, type TierRule } from './handling-levels';

const { GRID, COMMUNITY, TOWN } = HandlingLevel;
const xincheng: GridRule = { levels: ['街道', '社区', '网格'], escalation: 'ONE_LEVEL_UP', source: '002 §五(二)' };
const twoLevels: GridRule = { levels: ['镇', '网格'], escalation: 'ONE_LEVEL_UP', source: 'test' };

describe('grid escalation (002 §五(二))', () => {
  it('spans grid, community and street for a three-level grid; grid and town for two', () => {
    expect(gridLadder(xincheng)).toEqual([GRID, COMMUNITY, TOWN]);
    expect(gridLadder(twoLevels)).toEqual([GRID, TOWN]);
  });

  it('goes one level up: grid → community → street, and no further', () => {
    expect(escalationTarget(xincheng, GRID)).toBe(COMMUNITY);
    expect(escalationTarget(xincheng, COMMUNITY)).toBe(TOWN);
    expect(escalationTarget(xincheng, TOWN)).toBeNull();
    expect(escalationTarget(xincheng, null)).toBeNull();
  });

  it('skips the community where the grid has none, and has nowhere to go from a level it lacks', () => {
    expect(escalationTarget(twoLevels, GRID)).toBe(TOWN);
    expect(escalationTarget(twoLevels, COMMUNITY)).toBeNull();
  });

  it("names levels in the plugin's words", () => {
    expect([GRID, COMMUNITY, TOWN].map((l) => gridLevelName(xincheng, l))).toEqual(['网格', '社区', '街道']);
    expect([GRID, COMMUNITY, TOWN].map((l) => gridLevelName(twoLevels, l))).toEqual(['网格', 'COMMUNITY', '镇']);
    expect(gridLevelName(undefined, TOWN)).toBe('TOWN');
  });
});

describe('tiered handling (002 §五(三))', () => {
  const tiers: TierRule[] = [
    { level: 'COMMUNITY', firstResponsible: '社区书记', role: 'VILLAGE_SECRETARY', source: '002 §五(三)' },
    { level: 'TOWN', firstResponsible: '街道业务分管领导', source: '002 §五(三)' },
  ];

  it('finds the first responsible the plugin names for a level, and nothing for a level it does not declare', () => {
    expect(tierFor(tiers, COMMUNITY)?.firstResponsible).toBe('社区书记');
    expect(tierFor(tiers, TOWN)?.firstResponsible).toBe('街道业务分管领导');
    expect(tierFor(tiers, GRID)).toBeNull();
    expect(tierFor(undefined, TOWN)).toBeNull();
  });
});
