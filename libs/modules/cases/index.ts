export * from './cases.module';
export * from './cases.abilities';
export * from './case.entity';
export * from './case-records.entity';
export * from './case-sweep.service';
