import { defineContext } from '@engine/manifest';
import { OfficeDocumentsModule } from './office-documents.module';
import { WorkPlan, WorkPlanPoint, Briefing, BriefingRecipient } from './office-documents.entity';
import { officeDocumentsRules } from './office-documents.abilities';
export * from './office-documents.module';
export * from './work-plans.service';
export * from './briefings.service';
export { briefingNumber } from './briefing-text';
export * from './office-documents.abilities';
export * from './office-documents.entity';

/** The office-documents context's manifest, listed in apps/api/contexts.ts. */
export const officeDocumentsContext = defineContext({
  name: 'office-documents',
  module: OfficeDocumentsModule,
  entities: [WorkPlan, WorkPlanPoint, Briefing, BriefingRecipient],
  rules: [officeDocumentsRules],
});
