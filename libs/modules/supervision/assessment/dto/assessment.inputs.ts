import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { CODE_PATTERN, IsIsoDate, MULTILINE_TEXT_PATTERN } from '@engine/validation';
import { AssessmentPeriod } from '../../enums';
import { tenantCode } from '../../input-checks';

@InputType({
  description: "The jurisdiction's own result of one unit's assessment, where its plugin names who records it.",
})
export class RecordAssessmentOutcomeInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'assessmentId must be an id' })
  assessmentId: string;

  @Field({ description: '合格 (true) or 不合格 (false), as the jurisdiction decided.' })
  @IsBoolean()
  passed: boolean;

  @Field({ description: 'The decision it rests on (考核结果, document number, meeting).' })
  @MinLength(2, { message: 'basis must be at least 2 characters' })
  @MaxLength(2000)
  @Matches(MULTILINE_TEXT_PATTERN, { message: 'basis must be text without control characters' })
  basis: string;
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
