import { definePlugin } from '@jm/plugin-sdk';
import { cases } from './cases';
import { meetingTypes, operations } from './cadence';
import { countedMemberUnits, memberUnits, membershipChanges, structure } from './structure';
import { supervision } from './supervision';

/** 十字镇: 《十字镇信访工作联席会议工作规则》 (2021-10-27) with its two annexes. */
export default definePlugin({
  id: 'shizi-town',
  version: '1.0.0',
  name: '十字镇信访工作联席会议',
  tenantName: '十字镇',
  level: 'TOWN',
  extends: [],
  sdk: '^1.0.0',
  source: {
    file: '001_b35aba22eae96760.txt',
    title: '十字镇信访工作联席会议工作规则',
    date: '2021-10-27',
  },
  onboardable: true,
  structure,
  memberUnits,
  countedMemberUnits,
  membershipChanges,
  meetingTypes,
  operations,
  supervision,
  cases,
});
