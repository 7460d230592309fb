import { Field, ObjectType } from '@nestjs/graphql';
import { Role } from '@core/identity/entities';
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

/** The principle member units do their petition work by (000 art. 5, 001 art. 7, 003 §一, 004 基本原則 1). */
@ObjectType()
export class JointMeetingPrinciple {
  @Field({ description: 'The principle as the source quotes it.' })
  text: string;

  @Field(() => String, {
    nullable: true,
    description: 'The article that states it; null in a snapshot written before the article was recorded.',
  })
  source: string | null;
}

/** A leadership post the plugin names (主要领导, 分管领导) and its responsibility for petition work. */
@ObjectType()
export class LeadershipPost {
  @Field({ description: 'The post as the source writes it, e.g. 鎮委書記.' })
  title: string;

  @Field({ description: 'PRINCIPAL (主要领导) or IN_CHARGE (分管领导).' })
  tier: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The post's responsibility for petition work as the source words it (004 基本原則 1: 信訪工作第一責任人, 直接負責人); null when the source states none.",
  })
  responsibility: string | null;

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

  @Field({
    description:
      'Minutes are drawn up only when the work requires it (000 art. 15: 根据工作需要形成会议文件); false: the source has minutes follow every meeting of the type (000 art. 9, 001 art. 4).',
  })
  minutesAsNeeded: boolean;

  @Field()
  source: string;
}

/**
 * How a change of member unit or member person is filed (备案) and to whom it is reported, with the article
 * that says so (000 art. 7, 001 art. 10; a plugin whose source states none cites what it follows).
 */
@ObjectType()
export class MembershipFilingRule {
  @Field(() => [Role], { description: 'The roles a filed change is reported to (向召集人报告).' })
  reportTo: Role[];

  @Field({ description: 'The article the filing rule comes from, as the plugin cites it.' })
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

  @Field(() => String, {
    nullable: true,
    description:
      'The section inside the host unit where the office sits, when the source names one (002 §三: 设在平安建设办公室综合信访维稳股); null when it names none.',
  })
  officeSection: string | null;

  @Field({ description: 'The article that sets up the office (办公室设在…), as the plugin cites it.' })
  officeSource: string;

  @Field(() => Position)
  officeDirector: Position;

  @Field(() => MembershipFilingRule, {
    description: 'How changes of member units and member persons are filed and reported (成员变更备案).',
  })
  membershipFiling: MembershipFilingRule;

  @Field(() => [MeetingType])
  meetingTypes: MeetingType[];

  @Field(() => JointMeetingPrinciple, {
    nullable: true,
    description: 'The principle member units work by, as the plugin quotes it; null when the source states none.',
  })
  principle: JointMeetingPrinciple | null;

  @Field(() => [LeadershipPost], {
    description:
      'The leadership posts the rules name, with their responsibility (004 基本原則 1); the same posts case rules use (批转, 分线).',
  })
  leaders: LeadershipPost[];
}
