import { Module } from '@nestjs/common';
import { UsersModule } from '@core/identity/users.module';
import { MemberUnitResolver, MembershipChangeResolver, TenantStructureResolver } from './joint-meeting.resolver';
import { JointMeetingService } from './joint-meeting.service';
import { MemberPersonResolver, MemberUnitProposalResolver, TenantMembersResolver } from './members.resolver';
import { MembersService } from './members.service';

@Module({
  imports: [UsersModule],
  providers: [
    JointMeetingService,
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
