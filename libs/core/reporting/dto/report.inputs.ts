import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsOptional,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DateScalar } from '@engine/graphql';
import { CODE_PATTERN, MULTILINE_TEXT_PATTERN, TEXT_PATTERN } from '@engine/validation';
import { ReportChannel } from '../report.entity';

const text = { message: '$property must be text without control characters' };

@InputType()
export class DraftReportInput {
  /** Edit this draft (or returned report) instead of starting a new one. */
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'reportId must be an id' })
  reportId?: string;

  @Field()
  @Matches(CODE_PATTERN, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode: string;

  @Field(() => ReportChannel, {
    description:
      "PARTY_COMMITTEE or PARENT_JOINT_MEETING (the office), OWN_JOINT_MEETING (a member unit), as the plugin's operations.reportsUpward declares them.",
  })
  @IsEnum(ReportChannel, { message: 'channel must be PARTY_COMMITTEE, PARENT_JOINT_MEETING or OWN_JOINT_MEETING' })
  channel: ReportChannel;

  @Field()
  @MinLength(2, { message: 'title must be at least 2 characters' })
  @MaxLength(200)
  @Matches(TEXT_PATTERN, text)
  title: string;

  @Field()
  @MinLength(5, { message: 'body must be at least 5 characters' })
  @MaxLength(20_000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  body: string;
}

@InputType()
export class ReportDecisionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'reportId must be an id' })
  reportId: string;

  @Field({ nullable: true, description: 'Required when returning a report: what to change.' })
  @IsOptional()
  @MinLength(2)
  @MaxLength(2000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  comment?: string;
}

@InputType()
export class InstructionInput {
  @Field()
  @MinLength(2, { message: 'content must be at least 2 characters' })
  @MaxLength(2000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  content: string;

  @Field(() => DateScalar, { nullable: true, description: 'When it is to be carried out by (YYYY-MM-DD).' })
  @IsOptional()
  dueOn?: string;
}

@InputType()
export class AnswerReportInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'reportId must be an id' })
  reportId: string;

  @Field({ description: 'The reply or instructions (批示) as given.' })
  @MinLength(2, { message: 'reply must be at least 2 characters' })
  @MaxLength(10_000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  reply: string;

  @Field({ nullable: true, description: 'PARTY_COMMITTEE: who replied (e.g. 镇党委书记), recorded by the office.' })
  @IsOptional()
  @MinLength(2)
  @MaxLength(100)
  @Matches(TEXT_PATTERN, text)
  repliedByName?: string;

  @Field(() => DateScalar, { nullable: true, description: 'PARTY_COMMITTEE: the day of the reply.' })
  @IsOptional()
  repliedOn?: string;

  @Field(() => [InstructionInput], {
    defaultValue: [],
    description: 'Instructions that become tracked items of the reporting tenant.',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => InstructionInput)
  instructions: InstructionInput[];
}

@InputType()
export class CompleteInstructionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'instructionId must be an id' })
  instructionId: string;

  @Field()
  @MinLength(2, { message: 'result must be at least 2 characters' })
  @MaxLength(5000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  result: string;
}
