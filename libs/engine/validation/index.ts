export * from './patterns';
export * from './is-iso-date';
