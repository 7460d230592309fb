import { Module } from '@nestjs/common';
import { TenancyModule } from '@core/tenancy';
import { JointMeetingFounder } from './joint-meeting.founder';
import { MemberUnitResolver, MembershipChangeResolver, TenantStructureResolver } from './joint-meeting.resolver';
import { JointMeetingService } from './joint-meeting.service';
import { MemberPersonResolver, MemberUnitProposalResolver, TenantMembersResolver } from './members.resolver';
import { MembersService } from './members.service';

@Module({
  imports: [TenancyModule],
  providers: [
    JointMeetingService,
    JointMeetingFounder,
    MembersService,
    TenantStructureResolver,
    MemberUnitResolver,
    MembershipChangeResolver,
    TenantMembersResolver,
    MemberPersonResolver,
    MemberUnitProposalResolver,
  ],
  exports: [JointMeetingService, MembersService],
})
export class JointMeetingModule {}
