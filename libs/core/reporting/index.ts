export * from './reporting.module';
export * from './reporting.abilities';
export * from './report.entity';
export * from './reports.service';
