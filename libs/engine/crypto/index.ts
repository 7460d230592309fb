export * from './pii-cipher';
export * from './resident-id';
export * from './masking';
export * from './pii-key-check';
