import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { CODE_PATTERN, MULTILINE_TEXT_PATTERN, TEXT_PATTERN } from '@engine/validation';

const text = { message: '$property must be text without control characters' };

@InputType()
export class ProposeMeetingTopicInput {
  @Field()
  @Matches(CODE_PATTERN, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode: string;

  @Field({ description: 'The meeting type it is proposed for (LIAISON, PLENARY, WORKING …).' })
  @Matches(/^[A-Z][A-Z0-9_]{0,49}$/, { message: 'typeCode must be a meeting type code' })
  typeCode: string;

  @Field()
  @MinLength(2, { message: 'title must be at least 2 characters' })
  @MaxLength(200)
  @Matches(TEXT_PATTERN, text)
  title: string;

  @Field({ description: 'Why the meeting should study it (e.g. a major sensitive petition problem, 000 art. 5).' })
  @MinLength(5, { message: 'body must be at least 5 characters' })
  @MaxLength(10_000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  body: string;
}

@InputType()
export class DecideMeetingTopicInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'topicId must be an id' })
  topicId: string;

  @Field(() => ID, {
    nullable: true,
    description: "Accepting: the scheduled meeting of the topic's type it goes onto.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'meetingId must be an id' })
  meetingId?: string;

  @Field({ nullable: true, description: 'Declining: why.' })
  @IsOptional()
  @MinLength(2)
  @MaxLength(2000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  reason?: string;
}
