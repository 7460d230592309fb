import { defineContext } from '@engine/manifest';
import { TenancyModule } from './tenancy.module';
import { Tenant } from './tenant.entity';
import { PluginVersion } from './rule-packs/plugin-version.entity';
import { TenantRulesChange } from './rule-packs/tenant-rules-change.entity';
import { tenancyRules } from './tenancy.abilities';
export * from './tenancy.module';
export * from './tenancy.service';
export * from './tenancy.abilities';
export * from './tenant.entity';
export * from './tenant-lookup';
export * from './tenant-fan-out';
export * from './plugin.model';
export * from './rule-packs/plugin-store.service';
export * from './rule-packs/rules-change-report';
export * from './tenant-founders';
export * from './tenant-notices';

/** The tenancy context's manifest, listed in apps/api/contexts.ts. */
export const tenancyContext = defineContext({
  name: 'tenancy',
  module: TenancyModule,
  entities: [Tenant, PluginVersion, TenantRulesChange],
  rules: [tenancyRules],
});
