import { definePlugin } from '@jm/plugin-sdk';
import { cases } from './cases';
import { meetingTypes, operations } from './cadence';
import { countedMemberUnits, memberUnits, membershipChanges, structure } from './structure';
import { supervision } from './supervision';

/**
 * A town's generic petition-work systems (鄉鎮-信訪各項制度): the base other town plugins may extend
 * (`extends: ['town-petition-systems']`), and onboardable on its own.
 */
export default definePlugin({
  id: 'town-petition-systems',
  version: '1.0.0',
  name: '鎮信訪工作各項制度',
  tenantName: '示范镇',
  level: 'TOWN',
  extends: [],
  sdk: '^1.0.0',
  source: {
    file: '004_14b91f30bded817d.txt',
    title: '*鎮信訪工作各項制度',
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
