import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate, MULTILINE_TEXT_PATTERN, TEXT_PATTERN } from '@engine/validation';
import { DateScalar } from '@engine/graphql';

const text = { message: '$property must be text without control characters' };

export enum DueUnit {
  WORKING_DAYS = 'WORKING_DAYS',
  CALENDAR_DAYS = 'CALENDAR_DAYS',
}

/** A due date: a date, or N working/calendar days from the minutes' issue (one of the two). */
@InputType()
export class DueInput {
  @Field(() => DateScalar, { nullable: true, description: 'YYYY-MM-DD (Beijing time).' })
  @IsOptional()
  @IsIsoDate()
  date?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  amount?: number;

  @Field(() => String, { nullable: true, description: 'WORKING_DAYS or CALENDAR_DAYS' })
  @IsOptional()
  @IsEnum(DueUnit, { message: 'due.unit must be WORKING_DAYS or CALENDAR_DAYS' })
  unit?: DueUnit;
}

@InputType()
export class AgreedItemInput {
  @Field()
  @MinLength(2)
  @MaxLength(1000)
  @Matches(TEXT_PATTERN, text)
  content: string;

  @Field(() => [ID])
  @ArrayMinSize(1, { message: 'ownerUnitIds must name at least one owner unit' })
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'ownerUnitIds must be ids' })
  ownerUnitIds: string[];

  @Field(() => DueInput)
  @ValidateNested()
  @Type(() => DueInput)
  due: DueInput;
}

@InputType()
export class DraftMinutesInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'meetingId must be an id' })
  meetingId: string;

  @Field()
  @MinLength(10)
  @MaxLength(50_000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  body: string;

  @Field(() => [AgreedItemInput], { defaultValue: [] })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AgreedItemInput)
  agreedItems: AgreedItemInput[];
}

@InputType()
export class MinutesDecisionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'minutesId must be an id' })
  minutesId: string;

  /** Required when returning: what to change. */
  @Field({ nullable: true })
  @IsOptional()
  @MinLength(2)
  @MaxLength(2000)
  @Matches(TEXT_PATTERN, text)
  comment?: string;
}

@InputType()
export class ReportInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'agreedItemId must be an id' })
  agreedItemId: string;

  @Field()
  @MinLength(5)
  @MaxLength(10_000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  body: string;
}

@InputType()
export class ReviewReportInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'reportId must be an id' })
  reportId: string;

  /** Required when sending back. */
  @Field({ nullable: true })
  @IsOptional()
  @MinLength(2)
  @MaxLength(2000)
  @Matches(TEXT_PATTERN, text)
  comment?: string;
}

@InputType()
export class DeclareKeyPeriodInput {
  @Field()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode: string;

  @Field(() => DateScalar, { description: 'YYYY-MM-DD' })
  @IsIsoDate()
  startsOn: string;

  @Field(() => DateScalar, { description: 'YYYY-MM-DD, inclusive' })
  @IsIsoDate()
  endsOn: string;

  @Field()
  @MinLength(2)
  @MaxLength(500)
  @Matches(TEXT_PATTERN, text)
  reason: string;
}
