export * from './json.scalar';
export * from './graphql.options';
export * from './complexity.plugin';
export * from './alias-limit.rule';
