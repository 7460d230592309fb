import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsDate,
  IsEnum,
  IsOptional,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CODE_PATTERN, NAME_MESSAGE, NAME_PATTERN, TEXT_PATTERN } from '@engine/validation';
import { Attendance } from '../meeting.entity';

const text = { message: '$property must be text without control characters' };

@InputType()
export class GuestInput {
  @Field()
  @MinLength(1)
  @MaxLength(50)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  name: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(100)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  organisation?: string;
}

@InputType()
export class ScheduleMeetingInput {
  @Field()
  @Matches(CODE_PATTERN, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode: string;

  /** A meeting type code of the tenant's plugin (e.g. WORKING). */
  @Field()
  @Matches(/^[A-Z][A-Z0-9_]{0,49}$/, { message: 'typeCode must be a meeting type code such as WORKING' })
  typeCode: string;

  @Field()
  @MinLength(2)
  @MaxLength(200)
  @Matches(TEXT_PATTERN, text)
  title: string;

  @Field()
  @Type(() => Date)
  @IsDate({ message: 'scheduledAt must be an ISO 8601 date-time' })
  scheduledAt: Date;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(200)
  @Matches(TEXT_PATTERN, text)
  location?: string;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(50)
  @MinLength(1, { each: true })
  @MaxLength(500, { each: true })
  @Matches(TEXT_PATTERN, { each: true, message: 'topics must be text without control characters' })
  topics: string[];

  /** Invited units; defaults to the attendance the plugin gives the type (all members, or none). */
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'invitedUnitIds must be ids' })
  invitedUnitIds?: string[];

  @Field(() => [GuestInput], { defaultValue: [] })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => GuestInput)
  guests: GuestInput[];

  /** Called ad hoc (临时召开) by a role the plugin allows, rather than on the cadence. */
  @Field({ defaultValue: false })
  @IsBoolean()
  adHoc: boolean;

  /** The liaison meeting this one takes an escalated agenda item from (000 art. 15). */
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'escalatedFromMeetingId must be an id' })
  escalatedFromMeetingId?: string;
}

@InputType()
export class AttendanceInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'memberUnitId must be an id' })
  memberUnitId: string;

  @Field(() => Attendance)
  @IsEnum(Attendance)
  attendance: Attendance;

  /** Required when ABSENT (请假事由). */
  @Field({ nullable: true })
  @IsOptional()
  @MinLength(2)
  @MaxLength(200)
  @Matches(TEXT_PATTERN, text)
  absenceReason?: string;
}

@InputType()
export class HoldMeetingInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'meetingId must be an id' })
  meetingId: string;

  @Field()
  @Type(() => Date)
  @IsDate({ message: 'heldAt must be an ISO 8601 date-time' })
  heldAt: Date;

  /** The chair's name, for the minutes. */
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(50)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  chairName?: string;

  /**
   * The chair's post (主持人职务), one of the plugin's posts (召集人, 总召集人, 办公室主任): 001 has three
   * conveners, so the minutes print whichever of them actually chaired.
   */
  @Field({ nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(100)
  chairPost?: string;

  @Field(() => [AttendanceInput])
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AttendanceInput)
  attendance: AttendanceInput[];
}
