import { Module } from '@nestjs/common';
import { pluginRegistryProvider } from './plugin-registry.provider';
import { TenancyResolver } from './tenancy.resolver';
import { TenancyService } from './tenancy.service';
import { PluginCatalog } from './rule-packs/plugin-catalog';
import { PluginStoreService } from './rule-packs/plugin-store.service';
import { RulePacksResolver, RulesChangeResolver } from './rule-packs/rule-packs.resolver';
import { RulesChangeService } from './rule-packs/rules-change.service';
import { TenantFounders } from './tenant-founders';
import { TenantNotices } from './tenant-notices';

/**
 * Tenants, their rules and rule packs: the bottom of the core contexts, importing none of them. The contexts above
 * found their part of a new tenant (TenantFounders) and deliver its notices (TenantNotices) by registering with
 * the two exported singletons.
 */
@Module({
  providers: [
    TenantFounders,
    TenantNotices,
    pluginRegistryProvider,
    PluginCatalog,
    PluginStoreService,
    TenancyService,
    TenancyResolver,
    RulePacksResolver,
    RulesChangeService,
    RulesChangeResolver,
  ],
  exports: [TenancyService, PluginCatalog, pluginRegistryProvider, TenantFounders, TenantNotices],
})
export class TenancyModule {}
