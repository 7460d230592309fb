import { Module } from '@nestjs/common';
import { JointMeetingModule } from '@modules/joint-meeting/joint-meeting.module';
import { pluginRegistryProvider } from './plugin-registry.provider';
import { TenancyResolver } from './tenancy.resolver';
import { TenancyService } from './tenancy.service';

@Module({
  imports: [JointMeetingModule],
  providers: [pluginRegistryProvider, TenancyService, TenancyResolver],
  exports: [TenancyService, pluginRegistryProvider],
})
export class TenancyModule {}
