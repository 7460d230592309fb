import { Module } from '@nestjs/common';
import { JointMeetingModule } from '@core/joint-meeting/joint-meeting.module';
import { pluginRegistryProvider } from './plugin-registry.provider';
import { TenancyResolver } from './tenancy.resolver';
import { TenancyService } from './tenancy.service';
import { PluginCatalog } from './rule-packs/plugin-catalog';
import { PluginStoreService } from './rule-packs/plugin-store.service';
import { RulePacksResolver, RulesChangeResolver } from './rule-packs/rule-packs.resolver';
import { RulesChangeService } from './rule-packs/rules-change.service';

@Module({
  imports: [JointMeetingModule],
  providers: [
    pluginRegistryProvider,
    PluginCatalog,
    PluginStoreService,
    TenancyService,
    TenancyResolver,
    RulePacksResolver,
    RulesChangeService,
    RulesChangeResolver,
  ],
  exports: [TenancyService, PluginCatalog, pluginRegistryProvider],
})
export class TenancyModule {}
