import { Module } from '@nestjs/common';
import { MemberUnitResolver, MembershipChangeResolver, TenantStructureResolver } from './joint-meeting.resolver';
import { JointMeetingService } from './joint-meeting.service';

@Module({
  providers: [JointMeetingService, TenantStructureResolver, MemberUnitResolver, MembershipChangeResolver],
  exports: [JointMeetingService],
})
export class JointMeetingModule {}
