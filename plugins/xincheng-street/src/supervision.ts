import type { PluginDeclaration } from '@jm/plugin-sdk';

type Declaration = Extract<PluginDeclaration, { remove?: never }>;

export const supervision: Declaration['supervision'] = {
  inspections: {
    // 四、(四): 街道联席办每季度随机抽查部门、社区，及时予以通报并督促落实。
    // Who approves and the sample size are not stated (README).
    proposedBy: ['OFFICE_DIRECTOR'],
    approvedBy: 'CHIEF_CONVENER',
    reportTo: 'OWN_JOINT_MEETING',
    random: {
      cadence: { rrule: 'FREQ=MONTHLY;INTERVAL=3', minimum: true, source: '002 §四(四)' },
      targets: ['DEPARTMENT', 'COMMUNITY'],
      sampleSize: 2,
    },
    source: '002 §四(四)',
  },
  accountability: {
    // 二、(四): 对因不作为、乱作为，或工作责任不落实、落实不力引发信访问题造成严重影响和后果的，严格倒查责任。
    recommendations: [],
    backwardTracing: true,
    sanctions: [],
    failures: [
      {
        code: 'NEGLIGENCE_CAUSING_SERIOUS_IMPACT',
        name: '因不作为、乱作为，或工作责任不落实、落实不力引发信访问题造成严重影响和后果',
        target: 'INDIVIDUAL',
        sanctions: ['严格倒查责任'],
        source: '002 §二(四)',
      },
    ],
    source: '002 §二(四)',
  },
  assessment: {
    // 四、(四): 各社区信访工作运行情况将纳入平安社区、年度绩效考评等范畴。
    period: 'ANNUAL',
    counts: ['METRICS'],
    source: '002 §四(四)',
  },
  ladder: [],
  appliesToDescendants: false,
};
