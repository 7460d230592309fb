export * from './metrics';
export * from './request-id';
export * from './graphql-observer.plugin';
export * from './logging';
export * from './observability.module';
