export * from './request-context';
export * from './roles';
