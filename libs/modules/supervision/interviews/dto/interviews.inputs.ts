import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { CODE_PATTERN, IsIsoDate, MULTILINE_TEXT_PATTERN, TEXT_PATTERN } from '@engine/validation';
import { InterviewSeverity } from '../../enums';
import { InterviewForm } from '../interview-form';
import { DateScalar } from '@engine/graphql';
import { text, tenantCode, REASON_CODE } from '../../input-checks';

@InputType({ isAbstract: true })
export class InterviewPlanFields {
  @Field(() => InterviewSeverity, { description: "Decides who conducts it (the plugin's conductedBy)." })
  @IsEnum(InterviewSeverity, { message: 'severity must be GENERAL or SERIOUS' })
  severity: InterviewSeverity;

  @Field(() => [String], { description: 'The interview team (约谈小组).' })
  @ArrayMinSize(1, { message: 'team must name at least one person' })
  @ArrayMaxSize(20)
  @MinLength(1, { each: true })
  @MaxLength(50, { each: true })
  @Matches(TEXT_PATTERN, { each: true, ...text })
  team: string[];

  @Field(() => [String], {
    description: "Who is interviewed: among the plugin's targets (主要领导, 分管领导, 包案领导…).",
  })
  @ArrayMinSize(1, { message: 'targets must name at least one' })
  @ArrayMaxSize(10)
  @ArrayUnique({ message: 'targets must not repeat' })
  @MaxLength(50, { each: true })
  @Matches(TEXT_PATTERN, { each: true, ...text })
  targets: string[];

  @Field({ description: 'The matters notified in advance (告知约谈事项).' })
  @MinLength(2, { message: 'matters must be at least 2 characters' })
  @MaxLength(5000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  matters: string;
}

@InputType()
export class OpenInterviewInput extends InterviewPlanFields {
  @Field()
  @Matches(CODE_PATTERN, tenantCode)
  tenantCode: string;

  @Field(() => ID, { description: "The interviewed unit: of the plugin's interview target kinds." })
  @IsUUID('all', { message: 'unitId must be an id' })
  unitId: string;

  @Field({ description: "One of the plugin's interview reasons." })
  @Matches(REASON_CODE, { message: 'reasonCode must be an upper-case code' })
  reasonCode: string;

  @Field(() => InterviewForm, {
    nullable: true,
    description:
      "INDIVIDUAL (个别约谈, the default) or GROUP (集中约谈: unitId and otherUnitIds interviewed together), as the plugin's interviews.forms allows.",
  })
  @IsOptional()
  @IsEnum(InterviewForm, { message: 'form must be INDIVIDUAL or GROUP' })
  form?: InterviewForm;

  @Field(() => [ID], {
    nullable: true,
    description:
      'A GROUP interview: the other units interviewed together with unitId (each owes its own rectification report).',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @ArrayUnique({ message: 'otherUnitIds must not repeat' })
  @IsUUID('all', { each: true, message: 'otherUnitIds must be ids' })
  otherUnitIds?: string[];
}

@InputType()
export class PrepareInterviewInput extends InterviewPlanFields {
  @Field(() => ID)
  @IsUUID('all', { message: 'actionId must be an id' })
  actionId: string;
}

@InputType()
export class HoldInterviewInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'actionId must be an id' })
  actionId: string;

  @Field(() => DateScalar, {
    description: 'The day it was held (YYYY-MM-DD); the rectification report is due from it.',
  })
  @IsIsoDate()
  heldOn: string;

  @Field({ description: 'The record of the interview (约谈记录).' })
  @MinLength(2, { message: 'record must be at least 2 characters' })
  @MaxLength(10_000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  record: string;

  @Field({ description: 'The interviewers signed the record.' })
  @IsBoolean()
  interviewerSigned: boolean;

  @Field({ description: 'The interviewed signed the record.' })
  @IsBoolean()
  intervieweeSigned: boolean;
}

@InputType()
export class RectificationReportInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'actionId must be an id' })
  actionId: string;

  @Field({ description: 'The written report on rectification (书面报告整改落实情况).' })
  @MinLength(10, { message: 'report must be at least 10 characters' })
  @MaxLength(20_000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  report: string;
}
