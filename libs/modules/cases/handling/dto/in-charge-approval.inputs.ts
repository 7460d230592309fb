import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { MULTILINE_TEXT_PATTERN, NAME_MESSAGE, NAME_PATTERN } from '@engine/validation';

const text = { message: '$property must be text without control characters' };

@InputType({
  description:
    'Sends a matter within the remit to the leader in charge for approval (004 首问责任制度 3: 送交分管领导审批).',
})
export class SendCaseForInChargeApprovalInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be an id' })
  caseId: string;

  @Field(() => String, {
    nullable: true,
    description: 'The leader in charge (a person); default: the leader whose line the case is in (分线报案).',
  })
  @IsOptional()
  @MinLength(1)
  @MaxLength(50)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  leader?: string;

  @Field(() => ID, {
    nullable: true,
    description: "The leader's account, when they have one: they are told and approve.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be an id' })
  userId?: string;
}

@InputType({ description: "The leader in charge's approval (审批) of a matter sent to them, with the instruction." })
export class RecordInChargeApprovalInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be an id' })
  caseId: string;

  @Field({ description: 'The approval as written, e.g. 同意，请司法所三日内调查核实并答复。' })
  @MinLength(2, { message: 'instruction must be at least 2 characters' })
  @MaxLength(2000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  instruction: string;
}
