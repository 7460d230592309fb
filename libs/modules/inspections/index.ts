import { defineContext } from '@engine/manifest';
import { InspectionsModule } from './inspections.module';
import { Inspection, InspectionFinding } from './inspection.entity';
import { inspectionsRules } from './inspections.abilities';
export * from './inspections.module';
export * from './inspections.abilities';
export * from './inspection.entity';
export * from './inspections.service';
export * from './random-inspections.service';
export * from './regular-inspections.service';
export * from './sample';

/** The inspections context's manifest, listed in apps/api/contexts.ts. */
export const inspectionsContext = defineContext({
  name: 'inspections',
  module: InspectionsModule,
  entities: [Inspection, InspectionFinding],
  rules: [inspectionsRules],
});
