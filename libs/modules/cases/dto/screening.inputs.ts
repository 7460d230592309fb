import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IsIsoDate, NAME_MESSAGE, NAME_PATTERN } from '@engine/validation';

@InputType({
  description:
    "What a screened case is given (004 預測排查制度 2: 包案領導、責任人以及結案信訪時限); the plugin's `requires` says which are mandatory.",
})
export class SettleScreenedCaseInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'screeningId must be an id' })
  screeningId: string;

  @Field({ nullable: true, description: 'The owning leader (包案领导).' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(50)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  owningLeader?: string;

  @Field({ nullable: true, description: 'The responsible person (责任人).' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(50)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  responsiblePerson?: string;

  @Field({ nullable: true, description: 'The time limit to close the matter (结案时限, YYYY-MM-DD).' })
  @IsOptional()
  @IsIsoDate()
  dueOn?: string;
}
