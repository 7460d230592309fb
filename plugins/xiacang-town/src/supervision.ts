import type { PluginDeclaration } from '@jm/plugin-sdk';

type Declaration = Extract<PluginDeclaration, { remove?: never }>;

/** 000 names only the inspection procedure (art. 13): no notices, ladder, interviews or assessment. */
export const supervision: Declaration['supervision'] = {
  inspections: {
    // 镇联席会议办公室提出建议，报请镇联席会议召集人批准后 … 组织开展督查。督查完成后应及时将有关情况报告区联席会议召集人。
    proposedBy: ['OFFICE_DIRECTOR'],
    approvedBy: 'CONVENER',
    reportTo: 'PARENT_CONVENER',
    source: '000 art. 13',
  },
  ladder: [],
  appliesToDescendants: false,
};
