import { defineContext } from '@engine/manifest';
import { JOINT_MEETING_KEYED_LISTS } from './keyed-lists';
import { JointMeetingModule } from './joint-meeting.module';
import { MemberUnit } from './member-unit.entity';
import { MembershipChange } from './membership-change.entity';
import { MemberPerson, MemberPersonChange, MemberUnitProposal } from './member-person.entity';
import { jointMeetingRules } from './joint-meeting.abilities';
export * from './joint-meeting.module';
export * from './joint-meeting.service';
export * from './joint-meeting.abilities';
export * from './member-unit.entity';
export * from './membership-change.entity';
export * from './members.service';
export * from './member-person.entity';
export * from './principle';
export * from './membership.jobs';

/** The joint-meeting context's manifest, listed in apps/api/contexts.ts. */
export const jointMeetingContext = defineContext({
  name: 'joint-meeting',
  module: JointMeetingModule,
  entities: [MemberUnit, MembershipChange, MemberPerson, MemberPersonChange, MemberUnitProposal],
  rules: [jointMeetingRules],
  keyedLists: JOINT_MEETING_KEYED_LISTS,
});
