export * from './ability';
export * from './decorators';
export * from './token';
export * from './access.guard';
export * from './acting-unit';
export * from './session-check';
