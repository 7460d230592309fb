export * from './db';
export * from './data-source';
export * from './embedded';
