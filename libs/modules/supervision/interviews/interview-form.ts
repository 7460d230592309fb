import { registerEnumType } from '@nestjs/graphql';

/** 个别约谈 (one unit's leaders) or 集中约谈 (several units' leaders together), as the plugin's `interviews.forms` allows (003 §六). */
export enum InterviewForm {
  INDIVIDUAL = 'INDIVIDUAL',
  GROUP = 'GROUP',
}
registerEnumType(InterviewForm, {
  name: 'InterviewForm',
  description: '个别约谈 (INDIVIDUAL) or 集中约谈 (GROUP), as the plugin allows.',
});

/** How the units of one group interview are tied together (in each action's `detail.group`). */
export interface InterviewGroup {
  id: string;
  actionIds: string[];
  unitNames: string[];
}

export function groupOf(detail: Record<string, unknown>): InterviewGroup | null {
  const g = detail.group as Partial<InterviewGroup> | undefined;
  return g && typeof g.id === 'string' && Array.isArray(g.actionIds)
    ? { id: g.id, actionIds: g.actionIds, unitNames: g.unitNames ?? [] }
    : null;
}
