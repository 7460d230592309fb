export * from './json.scalar';
export * from './graphql.options';
export * from './complexity.plugin';
export * from './alias-limit.rule';
export * from './list-cost';
export * from './request-budget';
export * from './date-time.scalar';
export * from './date.scalar';
