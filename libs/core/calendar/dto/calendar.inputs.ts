import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsIn, IsInt, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CODE_PATTERN, IsIsoDate, TEXT_PATTERN } from '@engine/validation';
import { DateScalar } from '@engine/graphql';
import { CalendarOverrideKind } from '../calendar.entity';

@InputType()
export class LoadCalendarYearInput {
  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @Field(() => [String], { description: 'Weekdays that are off, YYYY-MM-DD.' })
  @ArrayMaxSize(80)
  @IsIsoDate({ each: true })
  holidays: string[];

  @Field(() => [String], { description: 'Weekend days that are worked (调休), YYYY-MM-DD.' })
  @ArrayMaxSize(30)
  @IsIsoDate({ each: true })
  workdays: string[];

  /** The State Council notice it comes from (title or number). */
  @Field()
  @MinLength(4)
  @MaxLength(300)
  @Matches(TEXT_PATTERN, { message: 'source must be text without control characters' })
  source: string;
}

@InputType()
export class SetCalendarOverrideInput {
  @Field()
  @Matches(CODE_PATTERN, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode: string;

  @Field(() => DateScalar)
  @IsIsoDate()
  date: string;

  @Field(() => CalendarOverrideKind, { description: 'WORKDAY or HOLIDAY' })
  @IsIn(['WORKDAY', 'HOLIDAY'], { message: 'kind must be WORKDAY or HOLIDAY' })
  kind: 'WORKDAY' | 'HOLIDAY';

  @Field()
  @MinLength(2)
  @MaxLength(200)
  @Matches(TEXT_PATTERN, { message: 'reason must be text without control characters' })
  reason: string;
}
