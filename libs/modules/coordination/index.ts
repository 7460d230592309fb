export * from './coordination.module';
export * from './coordination.abilities';
export * from './sensitive-report.entity';
export * from './issue-list.entity';
export * from './sensitive-reports.service';
export * from './sensitive-reports.query';
export * from './issue-lists.service';
