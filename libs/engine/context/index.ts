export * from './request-context';
export * from './roles';
export * from './ability-type';
