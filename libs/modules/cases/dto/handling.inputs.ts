import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  ValidateNested,
  IsOptional,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsIsoDate, MULTILINE_TEXT_PATTERN, NAME_MESSAGE, NAME_PATTERN, TEXT_PATTERN } from '@engine/validation';
import { LeaderTier, Roadmap } from '../case.entity';
import { DateScalar } from '@engine/graphql';

const text = { message: '$property must be text without control characters' };

@InputType()
export class AssignCaseInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be an id' })
  caseId: string;

  @Field(() => ID, { description: 'The responsible unit (归口办理单位), an active member unit.' })
  @IsUUID('all', { message: 'responsibleUnitId must be an id' })
  responsibleUnitId: string;

  @Field()
  @MinLength(1)
  @MaxLength(50)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  responsiblePerson: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "The handling time limit; default from the plugin's HANDLING step limit.",
  })
  @IsOptional()
  @IsIsoDate()
  dueOn?: string;
}

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

@InputType()
export class ResolveCaseInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be an id' })
  caseId: string;

  @Field({ description: 'How it was resolved (化解情况).' })
  @MinLength(5, { message: 'resolution must be at least 5 characters' })
  @MaxLength(10_000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  resolution: string;
}

@InputType()
export class CloseCaseInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be an id' })
  caseId: string;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(2)
  @MaxLength(2000)
  @Matches(TEXT_PATTERN, text)
  note?: string;
}

@InputType()
export class DutyLeaderInput {
  @Field()
  @MinLength(1)
  @MaxLength(50)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  name: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be an id' })
  userId?: string;
}

@InputType()
export class SetReceptionRosterInput {
  @Field()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode: string;

  @Field(() => DateScalar, { description: 'The first day of the rota.' })
  @IsIsoDate()
  startsOn: string;

  @Field(() => [DutyLeaderInput], { description: 'Leaders in rota order (班子成员轮流值班).' })
  @ValidateNested({ each: true })
  @Type(() => DutyLeaderInput)
  @ArrayMinSize(1, { message: 'leaders must name at least one leader' })
  @ArrayMaxSize(50)
  leaders: DutyLeaderInput[];
}
