import type { PluginDeclaration } from '@jm/plugin-sdk';

type Declaration = Extract<PluginDeclaration, { remove?: never }>;

export const cases: Declaration['cases'] = {
  // 四、(二): 与责任部门、社区逐案衔接，共同制定出科学合理的化解、稳控或打击的“工作路线图”。
  roadmaps: { strategies: ['RESOLVE', 'STABILISE', 'STRIKE'], source: '002 §四(二)' },
  // 五、(三): 需要社区一级层面解决的，社区书记是第一责任人；需要街道一级解决的，街道业务分管领导就是第一责任人。
  tieredHandling: [
    { level: 'COMMUNITY', firstResponsible: '社区书记', role: 'VILLAGE_SECRETARY', source: '002 §五(三)' },
    { level: 'TOWN', firstResponsible: '街道业务分管领导', source: '002 §五(三)' },
  ],
  // 五、(二): 划分街道、社区、网格三级信访民情责任区 … 复杂问题，由网格员上报上级民情责任区协调解决。
  grid: { levels: ['街道', '社区', '网格'], escalation: 'ONE_LEVEL_UP', source: '002 §五(二)' },
  // 五、(四): 建立街道、社区两级信访问题解决工作台账 … 逐件制定“问题清单、责任清单、任务清单”，明确诉求内容、
  // 分类处理情况、具体工作措施、包案领导、具体责任单位和责任人以及问题处理时限
  ledgers: {
    levels: ['TOWN', 'COMMUNITY'],
    lists: ['PROBLEM', 'RESPONSIBILITY', 'TASK'],
    fields: ['CONTENT', 'CLASSIFICATION', 'MEASURES', 'OWNING_LEADER', 'RESPONSIBLE_UNIT', 'RESPONSIBLE_PERSON', 'TIME_LIMIT'],
    source: '002 §五(四)',
  },
  stepLimits: [],
  categories: [],
};
