export * from './app-error';
export * from './format-error';
export * from './validation';
export * from './http-error.filter';
export * from './database-error.filter';
export * from './reasons';
export * from './localize.plugin';
