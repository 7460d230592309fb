import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsEnum, IsOptional, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { CODE_PATTERN, MULTILINE_TEXT_PATTERN, TEXT_PATTERN } from '@engine/validation';
import { SensitiveSeverity } from '../sensitive-report.entity';

const text = { message: '$property must be text without control characters' };

@InputType()
export class ReportSensitiveInformationInput {
  @Field()
  @Matches(CODE_PATTERN, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode: string;

  /** What happened: the information as the unit knows it. */
  @Field()
  @MinLength(5, { message: 'content must be at least 5 characters' })
  @MaxLength(10_000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  content: string;

  @Field({ description: 'When it happened or became known (ISO 8601).' })
  @Type(() => Date)
  @IsDate({ message: 'occurredAt must be an ISO 8601 date-time' })
  occurredAt: Date;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  @Matches(TEXT_PATTERN, text)
  location?: string;

  @Field(() => SensitiveSeverity, { nullable: true })
  @IsOptional()
  @IsEnum(SensitiveSeverity, { message: 'severity must be GENERAL, SERIOUS or MAJOR' })
  severity?: SensitiveSeverity;
}

@InputType()
export class NotifySensitiveInformationInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'reportId must be an id' })
  reportId: string;

  /** The responsible unit (属事单位) that is to verify on site and handle it. */
  @Field(() => ID)
  @IsUUID('all', { message: 'responsibleUnitId must be an id' })
  responsibleUnitId: string;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(2)
  @MaxLength(2000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  instructions?: string;
}

@InputType()
export class VerifySensitiveInformationInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'reportId must be an id' })
  reportId: string;

  /** The unit went to the scene (落地核查); the plugin may require it. */
  @Field()
  @IsBoolean({ message: 'verifiedOnSite must be true or false' })
  verifiedOnSite: boolean;

  /** 核查情况 */
  @Field()
  @MinLength(5, { message: 'verification must be at least 5 characters' })
  @MaxLength(10_000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  verification: string;

  /** 处理情况 */
  @Field()
  @MinLength(5, { message: 'handling must be at least 5 characters' })
  @MaxLength(10_000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  handling: string;
}

/** The office closes a verified report, or sends it back (a comment is then required). */
@InputType()
export class SensitiveDecisionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'reportId must be an id' })
  reportId: string;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(2)
  @MaxLength(2000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  comment?: string;
}
