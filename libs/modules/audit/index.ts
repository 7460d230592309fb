import { defineContext } from '@engine/manifest';
import { AuditModule } from './audit.module';
import { auditRules } from './audit.abilities';
export * from './audit.module';
export * from './audit.service';
export * from './audit.abilities';

/** The audit context's manifest, listed in apps/api/contexts.ts. */
export const auditContext = defineContext({ name: 'audit', module: AuditModule, rules: [auditRules] });
