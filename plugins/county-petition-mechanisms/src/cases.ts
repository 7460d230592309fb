import type { PluginDeclaration } from '@jm/plugin-sdk';

type Declaration = Extract<PluginDeclaration, { remove?: never }>;

export const cases: Declaration['cases'] = {
  ownership: {
    tiers: [
      {
        // 二: 被列入省级以上挂牌督办的重点案件，发生进京上访的个体和群体以及到省集访的重点群体落实县委、县政府
        // 主要领导包案，各乡镇或部门要落实主要领导包案
        id: 'principal',
        sources: ['LISTED_BY_PROVINCE_OR_ABOVE', 'BEIJING_PETITION', 'GROUP_TO_PROVINCE'],
        countyLeader: 'PRINCIPAL',
        townshipLeader: 'PRINCIPAL',
        source: '003 §二',
      },
      {
        // 二: 被列入市级挂牌督办的重点案件，到省访的个案以及县本级排查出的重点案件，落实县分管领导包案，
        // 各乡镇或部门要落实分管领导包案
        id: 'in-charge',
        sources: ['LISTED_BY_CITY', 'PROVINCIAL_PETITION', 'COUNTY_SCREENED_KEY'],
        countyLeader: 'IN_CHARGE',
        townshipLeader: 'IN_CHARGE',
        source: '003 §二',
      },
    ],
    // “一件案件、一名领导、一个专班、一套方案、一包到底”
    teamAndPlanRequired: true,
    // 每周报告一次工作进度，直到最终化解结案销号
    progressReports: { rrule: 'FREQ=WEEKLY', minimum: true, source: '003 §二' },
    roadmaps: [],
    source: '003 §二',
  },
  stepLimits: [],
  categories: [],
};
