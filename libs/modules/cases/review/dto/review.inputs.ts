import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate, MULTILINE_TEXT_PATTERN, TEXT_PATTERN } from '@engine/validation';
import { DateScalar } from '@engine/graphql';
import { ReviewBasis, ReviewOutcome, WrittenNoticeMethod } from '../../case-review.entity';

const text = { message: '$property must be text without control characters' };

@InputType({ description: 'Opens a review (复查) of a handled case (004 復查制度).' })
export class OpenCaseReviewInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be an id' })
  caseId: string;

  @Field(() => ReviewBasis, {
    description:
      "Assigned from above (上级交办) or decided by the tenant itself; must be in the plugin's review scope.",
  })
  @IsEnum(ReviewBasis, { message: 'basis must be ASSIGNED_FROM_ABOVE or OWN_DECISION' })
  basis: ReviewBasis;

  @Field(() => DateScalar, {
    description: 'The day the review was accepted (受理复查之日); the opinion is due counted from it.',
  })
  @IsIsoDate()
  acceptedOn: string;
}

@InputType({ description: 'A hearing (听证) held during a review: its days do not count where the plugin says so.' })
export class RecordReviewHearingInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'reviewId must be an id' })
  reviewId: string;

  @Field(() => DateScalar, { description: 'First day of the hearing (YYYY-MM-DD).' })
  @IsIsoDate()
  from: string;

  @Field(() => DateScalar, { description: 'Last day of the hearing (YYYY-MM-DD), on or after `from`.' })
  @IsIsoDate()
  to: string;
}

@InputType({ description: 'The written review opinion (复查意见).' })
export class IssueReviewOpinionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'reviewId must be an id' })
  reviewId: string;

  @Field()
  @MinLength(5, { message: 'opinion must be at least 5 characters' })
  @MaxLength(10_000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  opinion: string;

  @Field(() => ReviewOutcome)
  @IsEnum(ReviewOutcome, { message: 'outcome must be UPHELD, AMENDED or OVERTURNED' })
  outcome: ReviewOutcome;

  @Field(() => [ReviewFindingInput], {
    nullable: true,
    description: "A finding on each check the plugin's `review.criteria` lists (004 復查制度 三.1), every one of them.",
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ReviewFindingInput)
  findings?: ReviewFindingInput[];

  @Field(() => String, {
    nullable: true,
    description:
      'The correction opinion (纠正意见, 004 復查制度 三.3): required when a check the plugin names is found wanting.',
  })
  @IsOptional()
  @MinLength(5, { message: 'correction must be at least 5 characters' })
  @MaxLength(10_000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  correction?: string;
}

@InputType()
export class ReviewFindingInput {
  @Field({ description: 'FACTS, CHARACTERISATION, EVIDENCE, LAW, DISPOSITION or PROCEDURE.' })
  @Matches(/^[A-Z]+$/, { message: 'check must be a check code' })
  check: string;

  @Field()
  @IsBoolean()
  sound: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  note?: string;
}

@InputType({ description: 'The petitioner appealed the review opinion upward (004 復查制度 三.4).' })
export class RecordReviewAppealInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'reviewId must be an id' })
  reviewId: string;

  @Field({ description: 'Where the petitioner applied (上级有关部门 / 区信访局).' })
  @MinLength(2)
  @MaxLength(200)
  @Matches(TEXT_PATTERN, text)
  appealedTo: string;
}

@InputType({
  description: 'The petitioner was informed of the review opinion in writing (004 復查制度 二: 書面告知信訪人).',
})
export class InformPetitionerOfReviewInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'reviewId must be an id' })
  reviewId: string;

  @Field(() => DateScalar, { description: 'The day the written notice was served (YYYY-MM-DD).' })
  @IsIsoDate()
  servedOn: string;

  @Field(() => WrittenNoticeMethod)
  @IsEnum(WrittenNoticeMethod, { message: 'method must be IN_PERSON, POST or ELECTRONIC' })
  method: WrittenNoticeMethod;
}
