import { definePlugin } from '@jm/plugin-sdk';
import { cases } from './cases';
import { meetingTypes, operations } from './cadence';
import { countedMemberUnits, memberUnits, membershipChanges, structure } from './structure';
import { supervision } from './supervision';

/** 下仓镇 (蓟州区, 天津市): 《下仓镇信访工作联席会议工作原则》. */
export default definePlugin({
  id: 'xiacang-town',
  version: '1.0.0',
  name: '下仓镇信访工作联席会议',
  tenantName: '下仓镇',
  level: 'TOWN',
  extends: [],
  sdk: '^1.0.0',
  source: {
    file: '000_7783d6a476ab9914.txt',
    title: '下仓镇信访工作联席会议工作原则',
    date: null,
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
