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
import { ReminderSeverity } from '../../enums';
import { DateScalar } from '@engine/graphql';
import { text, tenantCode, REASON_CODE } from '../../input-checks';

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
