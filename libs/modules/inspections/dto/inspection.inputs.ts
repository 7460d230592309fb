import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
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
import { FindingSeverity } from '../inspection.entity';
import { DateScalar } from '@engine/graphql';

const text = { message: '$property must be text without control characters' };

@InputType()
export class ProposeInspectionInput {
  @Field()
  @Matches(CODE_PATTERN, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode: string;

  @Field()
  @MinLength(2, { message: 'title must be at least 2 characters' })
  @MaxLength(200)
  @Matches(TEXT_PATTERN, text)
  title: string;

  @Field({ nullable: true, description: 'What is to be inspected (督查内容).' })
  @IsOptional()
  @MinLength(2)
  @MaxLength(5000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  scope?: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD: the period inspected.' })
  @IsOptional()
  @IsIsoDate()
  periodStart?: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD, inclusive.' })
  @IsOptional()
  @IsIsoDate()
  periodEnd?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "A joint inspection organised by this member unit (001 art. 13: 也可由相关部门组织实施), where the plugin's organisers include MEMBER_UNIT; default: the office.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'organiserUnitId must be an id' })
  organiserUnitId?: string;

  @Field(() => [ID], { nullable: true, description: 'Member units taking part (001 art. 13: 相关部门派员参加).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ArrayUnique({ message: 'participantUnitIds must not repeat' })
  @IsUUID('all', { each: true, message: 'participantUnitIds must be ids' })
  participantUnitIds?: string[];
}

@InputType()
export class ScheduleEventInspectionInput {
  @Field()
  @Matches(CODE_PATTERN, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode: string;

  @Field({ description: 'The major meeting, holiday or event (重大会议、节日、活动).' })
  @MinLength(2, { message: 'event must be at least 2 characters' })
  @MaxLength(200)
  @Matches(TEXT_PATTERN, text)
  event: string;

  @Field(() => DateScalar, { description: 'YYYY-MM-DD: the day of the event; the inspection comes before it.' })
  @IsIsoDate()
  eventOn: string;
}

@InputType()
export class DecideInspectionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'inspectionId must be an id' })
  inspectionId: string;

  @Field({ description: 'true approves (批准), false rejects.' })
  @IsBoolean({ message: 'approve must be true or false' })
  approve: boolean;

  @Field({ nullable: true, description: "The approver's note; required when rejecting." })
  @IsOptional()
  @MinLength(2)
  @MaxLength(2000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  note?: string;
}

@InputType()
export class RecordInspectionFindingInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'inspectionId must be an id' })
  inspectionId: string;

  @Field(() => ID, {
    description: 'The member unit the finding is about (a TOWNSHIP unit: the child tenant it stands for).',
  })
  @IsUUID('all', { message: 'unitId must be an id' })
  unitId: string;

  @Field()
  @MinLength(2, { message: 'finding must be at least 2 characters' })
  @MaxLength(5000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  finding: string;

  @Field(() => FindingSeverity, { defaultValue: FindingSeverity.GENERAL })
  @IsEnum(FindingSeverity, { message: 'severity must be GENERAL or SERIOUS' })
  severity: FindingSeverity;

  @Field(() => DateScalar, { nullable: true, description: 'YYYY-MM-DD: rectification due (整改时限).' })
  @IsOptional()
  @IsIsoDate()
  rectificationDueOn?: string;
}

@InputType()
export class ReportInspectionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'inspectionId must be an id' })
  inspectionId: string;

  @Field({ description: 'The report (督查情况报告).' })
  @MinLength(5, { message: 'report must be at least 5 characters' })
  @MaxLength(20_000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  report: string;
}
