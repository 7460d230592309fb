import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsOptional,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MULTILINE_TEXT_PATTERN, NAME_MESSAGE, NAME_PATTERN, TEXT_PATTERN } from '@engine/validation';
import { LeaderTier } from '../../case.enums';

const text = { message: '$property must be text without control characters' };
const TENANT_CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const CATEGORY = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

@InputType({
  description: "The principal leader's assignment (主要领导批转, 004 领导接待日制度 5) of a registered case.",
})
export class RecordPrincipalAssignmentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be an id' })
  caseId: string;

  @Field({ description: 'The instruction (批示), e.g. 请司法所牵头调处，三日内反馈。' })
  @MinLength(2, { message: 'instruction must be at least 2 characters' })
  @MaxLength(2000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  instruction: string;
}

@InputType()
export class LeaderLineInput {
  @Field({ description: 'The leader in charge (a person).' })
  @MinLength(1)
  @MaxLength(50)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  leader: string;

  @Field({ description: "Their post: one of the plugin's `structure.leaders` titles of tier IN_CHARGE." })
  @MinLength(1)
  @MaxLength(100)
  @Matches(TEXT_PATTERN, text)
  post: string;

  @Field(() => ID, { nullable: true, description: "The leader's user, told of each petition in the line." })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be an id' })
  userId?: string;

  @Field(() => [String], { nullable: true, description: 'Case categories in the line (UPPER_SNAKE codes).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @Matches(CATEGORY, { each: true, message: 'categories must be UPPER_SNAKE_CASE codes' })
  categories?: string[];

  @Field(() => [ID], { nullable: true, description: 'Member units in the line (分管部门).' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'unitIds must be ids' })
  unitIds?: string[];
}

@InputType({
  description:
    'The lines of the leaders in charge (分线报案, 004 分线报案制度 1), replacing the set as a whole (分工调整).',
})
export class SetLeaderLinesInput {
  @Field()
  @Matches(TENANT_CODE, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode: string;

  @Field(() => [LeaderLineInput])
  @ValidateNested({ each: true })
  @Type(() => LeaderLineInput)
  @ArrayMaxSize(50)
  lines: LeaderLineInput[];
}

@InputType({
  description:
    'Participating units (参与单位) beside the lead unit (牵头单位, the responsible unit), 004 预测排查制度 5.',
})
export class SetCaseParticipantsInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be an id' })
  caseId: string;

  @Field(() => [ID], {
    description: "Active member units of the case's tenant other than the lead unit; empty removes them all.",
  })
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true, message: 'participatingUnitIds must be ids' })
  participatingUnitIds: string[];

  @Field({
    description: 'Who decided the lead and participating units (请示党委、政府确定), e.g. 镇党委会议 2026-10-09.',
  })
  @MinLength(2, { message: 'basis must be at least 2 characters' })
  @MaxLength(500)
  @Matches(TEXT_PATTERN, text)
  basis: string;
}

@InputType({
  description: "A county leader co-owning a township's case (003 二: 县级领导包案), recorded by the township's office.",
})
export class AssignCaseCountyOwnerInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be an id' })
  caseId: string;

  @Field({ description: 'The county leader (县级包案领导).' })
  @MinLength(1)
  @MaxLength(50)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  leader: string;

  @Field(() => LeaderTier, {
    description:
      "The county leader's tier; at least the tier the ownership rule requires (a principal leader meets an in-charge rule).",
  })
  @IsEnum(LeaderTier, { message: 'tier must be PRINCIPAL or IN_CHARGE' })
  tier: LeaderTier;
}

@InputType({ description: 'A special working group (专项工作小组, 002 四(三)) for one field of work.' })
export class SetUpWorkingGroupInput {
  @Field()
  @Matches(TENANT_CODE, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode: string;

  @Field({ description: 'e.g. 征地拆迁信访专项工作小组.' })
  @MinLength(2)
  @MaxLength(100)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  name: string;

  @Field({ description: 'The field of work it covers, in words (e.g. 征地拆迁).' })
  @MinLength(2)
  @MaxLength(100)
  @Matches(TEXT_PATTERN, text)
  field: string;

  @Field({ nullable: true, description: 'The case category of that field: only cases of it may join.' })
  @IsOptional()
  @Matches(CATEGORY, { message: 'category must be an UPPER_SNAKE_CASE code' })
  category?: string;

  @Field({ description: "The group's leader." })
  @MinLength(1)
  @MaxLength(50)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  leader: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @MinLength(1, { each: true })
  @MaxLength(50, { each: true })
  @Matches(NAME_PATTERN, { each: true, message: NAME_MESSAGE })
  members?: string[];

  @Field(() => [ID], { nullable: true, description: 'Member units in the group.' })
  @IsOptional()
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true, message: 'unitIds must be ids' })
  unitIds?: string[];
}

@InputType()
export class WorkingGroupCasesInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'groupId must be an id' })
  groupId: string;

  @Field(() => [ID])
  @ArrayMinSize(1, { message: 'caseIds must name at least one case' })
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'caseIds must be ids' })
  caseIds: string[];
}
