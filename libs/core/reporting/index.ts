import { defineContext } from '@engine/manifest';
import { ReportingModule } from './reporting.module';
import { Report, ReportInstruction } from './report.entity';
import { reportingRules } from './reporting.abilities';
export * from './reporting.module';
export * from './reporting.abilities';
export * from './report.entity';
export * from './reports.service';

/** The reporting context's manifest, listed in apps/api/contexts.ts. */
export const reportingContext = defineContext({
  name: 'reporting',
  module: ReportingModule,
  entities: [Report, ReportInstruction],
  rules: [reportingRules],
});
