import { Module } from '@nestjs/common';
import { JointMeetingModule } from '@modules/joint-meeting/joint-meeting.module';
import { TenancyModule } from '@modules/tenancy/tenancy.module';
import { IdentityResolver } from './identity.resolver';
import { IdentityService } from './identity.service';

@Module({
  imports: [TenancyModule, JointMeetingModule],
  providers: [IdentityService, IdentityResolver],
  exports: [IdentityService],
})
export class IdentityModule {}
