export * from './app-error';
export * from './format-error';
export * from './validation';
