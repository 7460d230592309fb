/** Findings: the facts for supervision that sweeps record (a missed cadence, an overdue item, an overdue case), read by every workflow. */
export * from './finding.entity';
