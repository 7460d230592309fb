import type { PluginDeclaration } from '@jm/plugin-sdk';

type Declaration = Extract<PluginDeclaration, { remove?: never }>;

export const meetingTypes: Declaration['meetingTypes'] = [
  {
    // 二、(一): 根据工作需要，定期组织召开信访工作联席会议 … 联席会议总召集人、召集人可根据需要决定召开临时会议。
    // 定期 names no period, so there is no cadence (README).
    // 五、(一): 街道召开的信访工作联席会议要形成会议纪要并抄送区信访联席办汇总。
    code: 'JOINT_MEETING',
    name: '信访工作联席会议',
    chairRole: 'CHIEF_CONVENER',
    attendees: 'ALL_MEMBERS',
    guestsAllowed: false,
    adHocCalledBy: ['CHIEF_CONVENER', 'CONVENER'],
    minutes: {
      kind: 'MINUTES',
      approvedBy: 'CHIEF_CONVENER',
      distribution: 'ALL_MEMBERS',
      copyUpward: true,
    },
    escalatesTo: [],
    source: '002 §二(一); §五(一)',
  },
];

export const operations: Declaration['operations'] = {
  reportsUpward: {
    // 二、(二): 建立对上申报通畅 … 的三级联席会议网络
    to: 'PARENT_JOINT_MEETING',
    source: '002 §二(二)',
  },
};
