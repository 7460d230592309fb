/** Findings: the facts for supervision that sweeps record (a missed cadence, an overdue item, an overdue case), read by every workflow. */
import { defineContext } from '@engine/manifest';
import { Finding } from './finding.entity';
export * from './finding.entity';
export * from './findings.query';

/** The findings context's manifest, listed in apps/api/contexts.ts. */
export const findingsContext = defineContext({ name: 'findings', entities: [Finding] });

declare module '@engine/access/ability' {
  /** The subjects of access this context owns. */
  interface Subjects {
    Finding: true;
  }
}
