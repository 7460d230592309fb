import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
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
  ValidateNested,
} from 'class-validator';
import { CODE_PATTERN, IsIsoDate, MULTILINE_TEXT_PATTERN, TEXT_PATTERN } from '@engine/validation';
import { AssessmentPeriod, InterviewSeverity, NoticeKind, NoticePeriod, ReminderSeverity } from '../enums';
import { InterviewForm } from '../interview-form';
import { DateScalar } from '@engine/graphql';

const text = { message: '$property must be text without control characters' };
const tenantCode = { message: 'tenantCode must be lower-case letters, digits and dashes' };
/** A reason code as plugins write them (SERIOUS_IMPACT, BEIJING_OR_SKIP_LEVEL_VISIT). */
const REASON_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

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

@InputType()
export class FlagConcernInput {
  @Field()
  @Matches(CODE_PATTERN, tenantCode)
  tenantCode: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'unitId must be an id' })
  unitId: string;

  @Field({ description: "A reason code one of the FLAGGED rules of the tenant's ladder listens to." })
  @Matches(REASON_CODE, { message: 'reasonCode must be an upper-case code such as SERIOUS_IMPACT' })
  reasonCode: string;

  @Field({ description: 'The facts, as the office states them.' })
  @MinLength(2, { message: 'note must be at least 2 characters' })
  @MaxLength(5000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  note: string;

  @Field(() => ID, { nullable: true, description: 'The petition case concerned, if any.' })
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be an id' })
  caseId?: string;
}

@InputType()
export class IssueReminderInput {
  @Field()
  @Matches(CODE_PATTERN, tenantCode)
  tenantCode: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'unitId must be an id' })
  unitId: string;

  @Field(() => ReminderSeverity, {
    description: 'GENERAL (一般问题) or KEY (重点问题): the channel follows the plugin.',
  })
  @IsEnum(ReminderSeverity, { message: 'severity must be GENERAL or KEY' })
  severity: ReminderSeverity;

  @Field({ description: "One of the plugin's reminder reasons." })
  @Matches(REASON_CODE, { message: 'reasonCode must be an upper-case code such as RISK_CONTROL_INEFFECTIVE' })
  reasonCode: string;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(2, { message: 'note must be at least 2 characters' })
  @MaxLength(5000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  note?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be an id' })
  caseId?: string;
}

@InputType()
export class OpenListingInput {
  @Field()
  @Matches(CODE_PATTERN, tenantCode)
  tenantCode: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'unitId must be an id' })
  unitId: string;

  @Field({ description: 'Why the matter is listed (已经或可能产生严重不良影响…).' })
  @MinLength(2, { message: 'reason must be at least 2 characters' })
  @MaxLength(5000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  reason: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The time limit (责令限期); required unless the plugin sets one.',
  })
  @IsOptional()
  @IsIsoDate()
  dueOn?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be an id' })
  caseId?: string;
}

@InputType()
export class AdvanceListingInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'actionId must be an id' })
  actionId: string;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(2, { message: 'note must be at least 2 characters' })
  @MaxLength(5000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  note?: string;

  @Field({ nullable: true, description: 'Required at the acceptance step (组织验收): whether it passed.' })
  @IsOptional()
  @IsBoolean()
  passed?: boolean;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The time limit, when the listing has none yet (a listing the ladder opened).',
  })
  @IsOptional()
  @IsIsoDate()
  dueOn?: string;
}

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

@InputType()
export class DecideAccountabilityInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'actionId must be an id' })
  actionId: string;

  @Field(() => [String], { defaultValue: [], description: "Codes of the plugin's recommendation rights (三项建议权)." })
  @ArrayMaxSize(10)
  @ArrayUnique({ message: 'recommendations must not repeat' })
  @Matches(REASON_CODE, { each: true, message: 'recommendations must be upper-case codes' })
  recommendations: string[];

  @Field(() => [String], { defaultValue: [], description: 'Sanctions, among those the plugin lists.' })
  @ArrayMaxSize(10)
  @ArrayUnique({ message: 'sanctions must not repeat' })
  @MaxLength(100, { each: true })
  @Matches(TEXT_PATTERN, { each: true, ...text })
  sanctions: string[];

  @Field({ nullable: true, description: 'The failure (one the plugin lists), where the plugin lists failures.' })
  @IsOptional()
  @Matches(REASON_CODE, { message: 'failureCode must be an upper-case code' })
  failureCode?: string;

  @Field({ description: 'The decision as recorded.' })
  @MinLength(2, { message: 'decision must be at least 2 characters' })
  @MaxLength(10_000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  decision: string;

  @Field({
    nullable: true,
    description:
      "责令限期整改 (003 §七): the unit is ordered to rectify and report in writing by a time limit — `rectifyBy`, or the plugin's `rectificationWithin` from the decision day. Implied by `rectifyBy`.",
  })
  @IsOptional()
  @IsBoolean({ message: 'orderRectification must be true or false' })
  orderRectification?: boolean;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The rectification time limit the conveners set (联席办确定); required when ordering rectification unless the plugin sets `rectificationWithin` (003 §七 says 责令限期 and sets no figure).',
  })
  @IsOptional()
  @IsIsoDate()
  rectifyBy?: string;
}

@InputType()
export class RunAssessmentInput {
  @Field()
  @Matches(CODE_PATTERN, tenantCode)
  tenantCode: string;

  @Field(() => AssessmentPeriod)
  @IsEnum(AssessmentPeriod, { message: 'period must be QUARTERLY, HALF_YEARLY or ANNUAL' })
  period: AssessmentPeriod;

  @Field({ description: 'The first day of the period (1 January for an annual assessment).' })
  @IsIsoDate()
  periodStart: string;
}
