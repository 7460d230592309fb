import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IsIsoDate, MULTILINE_TEXT_PATTERN } from '@engine/validation';
import { DateScalar } from '@engine/graphql';

const text = { message: '$property must be text without control characters' };

@InputType({ description: "A request to extend a case's time limit (延期), by the responsible unit or the office." })
export class RequestCaseExtensionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be an id' })
  caseId: string;

  @Field(() => DateScalar, { description: 'The time limit asked for (YYYY-MM-DD); after the current one.' })
  @IsIsoDate()
  requestedDueOn: string;

  @Field({ description: 'Why the time limit cannot be kept.' })
  @MinLength(5, { message: 'reason must be at least 5 characters' })
  @MaxLength(2000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  reason: string;
}

@InputType({ description: 'The office or a convener approves or rejects an extension request, with a reason.' })
export class DecideCaseExtensionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'extensionId must be an id' })
  extensionId: string;

  @Field()
  @IsBoolean()
  approve: boolean;

  @Field({ description: 'The reason for the decision.' })
  @MinLength(2, { message: 'note must be at least 2 characters' })
  @MaxLength(2000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  note: string;
}
