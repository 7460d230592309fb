import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsOptional, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { MULTILINE_TEXT_PATTERN, TEXT_PATTERN } from '@engine/validation';
import { NoticeCriticismInput } from './notices.inputs';

const text = { message: '$property must be text without control characters' };

/** The office publishes a notice the sweep drafted, after review, with named criticism where the plugin provides it. */
@InputType()
export class PublishSupervisionNoticeInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'noticeId must be an id' })
  noticeId: string;

  @Field({ nullable: true, description: "A title other than the draft's." })
  @IsOptional()
  @MinLength(2, { message: 'title must be at least 2 characters' })
  @MaxLength(100)
  @Matches(TEXT_PATTERN, text)
  title?: string;

  @Field({ nullable: true, description: "The notice's text (analysis, 深入剖析根源，查找薄弱环节)." })
  @IsOptional()
  @MinLength(2, { message: 'body must be at least 2 characters' })
  @MaxLength(10_000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  body?: string;

  @Field(() => [NoticeCriticismInput], {
    nullable: true,
    description: 'Named criticism (点名批评, 003 §三), where the plugin provides it.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => NoticeCriticismInput)
  criticisms?: NoticeCriticismInput[];
}

/** The office recomputes a draft from the ledger as it stands (late facts), before publishing it. */
@InputType()
export class RecomputeSupervisionNoticeInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'noticeId must be an id' })
  noticeId: string;
}

/** The office discards a draft, with its reason; a published notice cannot be discarded. */
@InputType()
export class DiscardSupervisionNoticeInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'noticeId must be an id' })
  noticeId: string;

  @Field({ description: 'Why the draft is discarded (kept with it).' })
  @MinLength(2, { message: 'reason must be at least 2 characters' })
  @MaxLength(1000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  reason: string;
}
