export * from './compose';
export * from './keyed-lists';
export * from './registry';
export * from './plugin-importer';
export * from './compose-published';
export * from './scaffold';
export * from './rules-diff';
export * from './rules-change';
