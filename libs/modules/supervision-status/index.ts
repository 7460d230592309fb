export * from './supervision-status.module';
export * from './supervision-status.abilities';
export * from './supervision-status.entity';
export * from './supervision-status.model';
export * from './supervision-status.query';
export * from './supervision-evidence.query';
export * from './supervision-status.service';
