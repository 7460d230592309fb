import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate, MULTILINE_TEXT_PATTERN } from '@engine/validation';
import { DateScalar } from '@engine/graphql';

const text = { message: '$property must be text without control characters' };

@InputType({ description: 'The office assigns a cadre to an area (干部包片, 002 六(三)).' })
export class AssignAreaCadreInput {
  @Field()
  @MinLength(1)
  @MaxLength(100)
  tenantCode: string;

  @Field(() => ID, { description: 'The area: an active village or community member unit of the tenant.' })
  @IsUUID('all', { message: 'areaUnitId must be an id' })
  areaUnitId: string;

  @Field(() => ID, { description: 'The cadre: an active user of the tenant.' })
  @IsUUID('all', { message: 'cadreUserId must be an id' })
  cadreUserId: string;
}

@InputType({ description: 'A dispute found: registered as a case (caseId) or resolved on the spot (resolvedNote).' })
export class AreaDisputeInput {
  @Field({ description: 'What the dispute is, e.g. 两户邻里因排水沟堵塞发生争执。' })
  @MinLength(2, { message: 'summary must be at least 2 characters' })
  @MaxLength(1000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  summary: string;

  @Field(() => ID, { nullable: true, description: 'The case it was registered as through receivePetition.' })
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be an id' })
  caseId?: string;

  @Field({ nullable: true, description: 'How it was resolved on the spot (当场化解), e.g. 现场调解，疏通排水沟。' })
  @IsOptional()
  @MinLength(2, { message: 'resolvedNote must be at least 2 characters' })
  @MaxLength(1000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  resolvedNote?: string;
}

@InputType({
  description: "The cadre's screening of an area for a period (包片排查, 002 六(三)); no disputes: none found.",
})
export class RecordAreaScreeningInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'areaUnitId must be an id' })
  areaUnitId: string;

  @Field(() => DateScalar, { description: "The period's first day (YYYY-MM-DD); a period that has begun." })
  @IsIsoDate()
  periodStart: string;

  @Field(() => [AreaDisputeInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AreaDisputeInput)
  disputes: AreaDisputeInput[];
}
