import { definePlugin } from '@jm/plugin-sdk';
import { cases } from './cases';
import { meetingTypes, operations } from './cadence';
import { countedMemberUnits, memberUnits, membershipChanges, structure } from './structure';
import { supervision } from './supervision';

/** 新城街道: 《关于建立新城街道信访工作联席会议制度的通知》 (通经技新街党发〔2022〕65号, 2022-06-02). */
export default definePlugin({
  id: 'xincheng-street',
  version: '1.0.0',
  name: '新城街道信访工作联席会议',
  tenantName: '新城街道',
  level: 'STREET',
  extends: [],
  sdk: '^1.0.0',
  source: {
    file: '002_7d77782b9707f262.txt',
    title: '关于建立新城街道信访工作联席会议制度的通知',
    date: '2022-06-02',
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
