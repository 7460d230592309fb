import { defineContext } from '@engine/manifest';
import { CoordinationModule } from './coordination.module';
import { SensitiveReport } from './sensitive-report.entity';
import { IssueList } from './issue-list.entity';
import { coordinationRules } from './coordination.abilities';
export * from './coordination.module';
export * from './coordination.abilities';
export * from './sensitive-report.entity';
export * from './issue-list.entity';
export * from './sensitive-reports.service';
export * from './sensitive-reports.query';
export * from './issue-lists.service';

/** The coordination context's manifest, listed in apps/api/contexts.ts. */
export const coordinationContext = defineContext({
  name: 'coordination',
  module: CoordinationModule,
  entities: [SensitiveReport, IssueList],
  rules: [coordinationRules],
});
