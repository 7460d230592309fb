import { Field, ObjectType } from '@nestjs/graphql';
import { Role } from '@engine/context';
import { MemberUnit } from './member-unit.entity';

/** A post in the joint meeting, from the tenant's plugin (召集人, 办公室主任…). */
@ObjectType()
export class Position {
  @Field()
  title: string;

  @Field(() => Role)
  role: Role;

  /** The source article the post comes from. */
  @Field()
  source: string;
}

/** A cadence as an RFC 5545 RRULE. */
@ObjectType()
export class Cadence {
  @Field()
  rrule: string;

  /** "At least" (至少): more meetings than the rule asks are fine. */
  @Field()
  minimum: boolean;

  @Field()
  source: string;
}

@ObjectType()
export class MeetingType {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => Role)
  chairRole: Role;

  /** ALL_MEMBERS, RELEVANT_MEMBERS, CONVENERS or OFFICE. */
  @Field()
  attendees: string;

  @Field(() => Cadence, { nullable: true })
  cadence: Cadence | null;

  /** The stricter cadence in key periods (重点时期). */
  @Field(() => Cadence, { nullable: true })
  keyPeriodCadence: Cadence | null;

  /** Role whose approval the minutes need; null when none. */
  @Field(() => Role, { nullable: true })
  minutesApprovedBy: Role | null;

  /** Who receives the issued minutes. */
  @Field()
  distribution: string;

  @Field()
  source: string;
}

/** A tenant's joint meeting (联席会议), as its plugin snapshot declares it. */
@ObjectType()
export class JointMeeting {
  @Field()
  name: string;

  @Field(() => [Position])
  conveners: Position[];

  /** The member unit hosting the office (办公室设在…). */
  @Field(() => MemberUnit, { nullable: true })
  officeHost: MemberUnit | null;

  @Field(() => Position)
  officeDirector: Position;

  @Field(() => [MeetingType])
  meetingTypes: MeetingType[];
}
