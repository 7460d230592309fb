import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { MULTILINE_TEXT_PATTERN, NAME_MESSAGE, NAME_PATTERN, TEXT_PATTERN } from '@engine/validation';
import { LeaderTier, Roadmap } from '../../case.enums';

const text = { message: '$property must be text without control characters' };

@InputType()
export class SetKeyCaseInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be an id' })
  caseId: string;

  @Field({
    description: "true: mark the case a key case (重点案件); false: unmark it (also one the plugin's rule made key).",
  })
  @IsBoolean({ message: 'keyCase must be true or false' })
  keyCase: boolean;

  @Field({ description: 'Why (kept on the case and in its history).' })
  @MinLength(2, { message: 'reason must be at least 2 characters' })
  @MaxLength(500)
  @Matches(TEXT_PATTERN, text)
  reason: string;
}

@InputType()
export class AssignCaseOwnerInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be an id' })
  caseId: string;

  @Field({ description: 'The owning leader (包案领导).' })
  @MinLength(1)
  @MaxLength(50)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  leader: string;

  @Field(() => LeaderTier, { description: "The leader's tier; must be the tier the ownership rule requires." })
  @IsEnum(LeaderTier, { message: 'tier must be PRINCIPAL or IN_CHARGE' })
  tier: LeaderTier;

  @Field(() => [String], { nullable: true, description: 'The working team (专班).' })
  @IsOptional()
  @ArrayMaxSize(30)
  @MinLength(1, { each: true })
  @MaxLength(50, { each: true })
  @Matches(NAME_PATTERN, { each: true, message: NAME_MESSAGE })
  team?: string[];

  @Field({ nullable: true, description: 'The plan (方案).' })
  @IsOptional()
  @MinLength(5)
  @MaxLength(10_000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  plan?: string;

  @Field(() => Roadmap, { nullable: true, description: 'The work roadmap (工作路线图).' })
  @IsOptional()
  @IsEnum(Roadmap, { message: 'roadmap must be RESOLVE, STABILISE or STRIKE' })
  roadmap?: Roadmap;
}

@InputType()
export class ReportCaseProgressInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be an id' })
  caseId: string;

  @Field()
  @MinLength(5, { message: 'content must be at least 5 characters' })
  @MaxLength(10_000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  content: string;
}
