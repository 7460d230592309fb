export * from './define-context';
