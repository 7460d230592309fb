import { definePlugin } from '@jm/plugin-sdk';
import { cases } from './cases';
import { meetingTypes, operations } from './cadence';
import { countedMemberUnits, memberUnits, membershipChanges, structure } from './structure';
import { supervision } from './supervision';

/** A county's 《关于建立健全信访工作有关机制的通知》: the supervision ladder the county applies to its townships. */
export default definePlugin({
  id: 'county-petition-mechanisms',
  version: '1.0.0',
  name: '县信访工作联席会议',
  tenantName: '示范县',
  level: 'COUNTY',
  extends: [],
  sdk: '^1.0.0',
  source: {
    file: '003_0635576f32287684.txt',
    title: '关于建立健全信访工作有关机制的通知',
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
