import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsEnum,
  IsOptional,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CODE_PATTERN, IsIsoDate, MULTILINE_TEXT_PATTERN, TEXT_PATTERN } from '@engine/validation';
import { NoticeKind, NoticePeriod } from '../../enums';
import { text, tenantCode } from '../../input-checks';

@InputType()
export class NoticeCriticismInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'unitId must be an id' })
  unitId: string;

  @Field({ description: 'The criticism as published (点名批评).' })
  @MinLength(2, { message: 'text must be at least 2 characters' })
  @MaxLength(500)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  text: string;
}

@InputType()
export class PublishNoticeInput {
  @Field()
  @Matches(CODE_PATTERN, tenantCode)
  tenantCode: string;

  @Field(() => NoticeKind)
  @IsEnum(NoticeKind, { message: 'kind must be REGULAR or SPECIAL' })
  kind: NoticeKind;

  @Field(() => NoticePeriod, { nullable: true, description: "REGULAR: one of the plugin's regular periods." })
  @IsOptional()
  @IsEnum(NoticePeriod, { message: 'period must be MONTHLY, QUARTERLY, HALF_YEARLY or ANNUAL' })
  period?: NoticePeriod;

  @Field({
    description:
      'REGULAR: the first day of the period (a month from the 1st…). SPECIAL: the first day the notice covers.',
  })
  @IsIsoDate()
  periodStart: string;

  @Field({ nullable: true, description: 'SPECIAL: the last day the notice covers (default periodStart).' })
  @IsOptional()
  @IsIsoDate()
  periodEnd?: string;

  @Field({
    nullable: true,
    description: 'Required for SPECIAL notices (the special work, 专项工作); regular notices are titled by period.',
  })
  @IsOptional()
  @MinLength(2, { message: 'title must be at least 2 characters' })
  @MaxLength(100)
  @Matches(TEXT_PATTERN, text)
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(2, { message: 'body must be at least 2 characters' })
  @MaxLength(10_000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  body?: string;

  @Field(() => [ID], { nullable: true, description: 'SPECIAL: the units the notice names.' })
  @IsOptional()
  @ArrayMaxSize(500)
  @ArrayUnique({ message: 'unitIds must not repeat a unit' })
  @IsUUID('all', { each: true, message: 'unitIds must be ids' })
  unitIds?: string[];

  @Field(() => [NoticeCriticismInput], {
    nullable: true,
    description: 'Named criticism (点名批评), where the plugin provides it.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => NoticeCriticismInput)
  criticisms?: NoticeCriticismInput[];
}
