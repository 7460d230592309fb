import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { MULTILINE_TEXT_PATTERN, TEXT_PATTERN } from '@engine/validation';

const text = { message: '$property must be text without control characters' };

@InputType({
  description:
    'A major matter of a held meeting, referred to the roles its type names for review (000 art. 15: 重大问题报镇联席会议召集人审阅).',
})
export class ReferMeetingMatterInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'meetingId must be an id' })
  meetingId: string;

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
