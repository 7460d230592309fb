export * from './json.scalar';
export * from './graphql.options';
export * from './complexity.plugin';
