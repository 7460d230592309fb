import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { MULTILINE_TEXT_PATTERN } from '@engine/validation';

const text = { message: '$property must be text without control characters' };

@InputType({ description: 'Marks a case an urgent petition (紧急信访问题, 002 §三) with the reason.' })
export class MarkCaseUrgentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be an id' })
  caseId: string;

  @Field({ description: 'Why it is urgent, e.g. 二十余户居民聚集社区，情绪激动，需即时协调。' })
  @MinLength(2, { message: 'reason must be at least 2 characters' })
  @MaxLength(2000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  reason: string;
}

@InputType({ description: "The office's coordination of an urgent petition (协调处理)." })
export class RecordUrgentCoordinationInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be an id' })
  caseId: string;

  @Field({ description: 'What the office coordinated, e.g. 协调供热公司当日抢修，社区派员现场疏导。' })
  @MinLength(2, { message: 'measures must be at least 2 characters' })
  @MaxLength(4000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  measures: string;
}
