import { defineContext } from '@engine/manifest';
import { SupervisionStatusModule } from './supervision-status.module';
import { SupervisionStatusRow } from './supervision-status.entity';
import { supervisionStatusRules } from './supervision-status.abilities';
export * from './supervision-status.module';
export * from './supervision-status.abilities';
export * from './supervision-status.entity';
export * from './supervision-status.model';
export * from './supervision-status.query';
export * from './supervision-evidence.query';
export * from './supervision-status.service';

/** The supervision-status context's manifest, listed in apps/api/contexts.ts. */
export const supervisionStatusContext = defineContext({
  name: 'supervision-status',
  module: SupervisionStatusModule,
  entities: [SupervisionStatusRow],
  rules: [supervisionStatusRules],
});
