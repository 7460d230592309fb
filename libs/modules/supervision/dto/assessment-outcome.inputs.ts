import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { MULTILINE_TEXT_PATTERN } from '@engine/validation';

export { RunAssessmentInput } from './supervision.inputs';

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
