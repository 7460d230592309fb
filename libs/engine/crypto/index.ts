export * from './pii-cipher';
export * from './resident-id';
export * from './masking';
