export * from './inspections.module';
export * from './inspections.abilities';
export * from './inspection.entity';
export * from './inspections.service';
export * from './random-inspections.service';
export * from './regular-inspections.service';
export * from './sample';
