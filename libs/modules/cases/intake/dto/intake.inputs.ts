import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
  registerDecorator,
} from 'class-validator';
import { isResidentIdNumber } from '@engine/crypto';
import {
  CODE_PATTERN,
  IsIsoDate,
  MULTILINE_TEXT_PATTERN,
  NAME_MESSAGE,
  NAME_PATTERN,
  TEXT_PATTERN,
} from '@engine/validation';
import { DateScalar } from '@engine/graphql';
import { AssigningLevel, CaseChannel, CaseSource } from '../../case.enums';

const text = { message: '$property must be text without control characters' };

/** A valid 18-character PRC resident identity number (GB 11643-1999 check character, real birth date). */
function IsResidentIdNumber(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isResidentIdNumber',
      target: target.constructor,
      propertyName: propertyName as string,
      // Never echo the value: it is personal data.
      options: {
        message: '$property is not a valid resident identity number (18 characters, check character per GB 11643)',
      },
      validator: { validate: (v: unknown) => typeof v === 'string' && isResidentIdNumber(v) },
    });
}

@InputType()
export class PetitionerInput {
  @Field()
  @MinLength(1)
  @MaxLength(50)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  name: string;

  @Field({
    nullable: true,
    description: 'Resident identity number; validated, stored encrypted, matched by keyed hash.',
  })
  @IsOptional()
  @IsResidentIdNumber()
  idNumber?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9][0-9 -]{5,19}$/, { message: '$property must be a phone number (digits, spaces, dashes)' })
  phone?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(2)
  @MaxLength(200)
  @Matches(TEXT_PATTERN, text)
  address?: string;

  @Field({ nullable: true, description: 'Organiser of a group petition (组织、策划集体上访的关键人物, 004).' })
  @IsOptional()
  @IsBoolean()
  organiser?: boolean;
}

@InputType()
export class CaseAttachmentInput {
  @Field()
  @MinLength(1)
  @MaxLength(200)
  @Matches(TEXT_PATTERN, text)
  name: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(50)
  @Matches(TEXT_PATTERN, text)
  kind?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(200)
  @Matches(TEXT_PATTERN, text)
  reference?: string;
}

@InputType()
export class ReceivePetitionInput {
  @Field()
  @Matches(CODE_PATTERN, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode: string;

  @Field(() => CaseChannel)
  @IsEnum(CaseChannel, { message: 'channel must be LETTER, VISIT, PHONE, ONLINE, ASSIGNED or GRID_REPORT' })
  channel: CaseChannel;

  @Field(() => AssigningLevel, { nullable: true, description: 'Required for ASSIGNED cases.' })
  @IsOptional()
  @IsEnum(AssigningLevel, { message: 'assignedByLevel must be PROVINCE, CITY, COUNTY, DISTRICT or TOWN' })
  assignedByLevel?: AssigningLevel;

  @Field(() => CaseSource, {
    nullable: true,
    description: 'Source and severity for ownership tiers; default LOCAL (ASSIGNED_FROM_ABOVE for assigned cases).',
  })
  @IsOptional()
  @IsEnum(CaseSource, { message: 'source must be one of the CaseSource values' })
  source?: CaseSource;

  @Field({ description: 'What the petitioner asks (诉求内容).' })
  @MinLength(5, { message: 'matter must be at least 5 characters' })
  @MaxLength(10_000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  matter: string;

  @Field({ nullable: true, description: "A category code; one of the plugin's categories when it lists any." })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{0,49}$/, { message: 'category must be an UPPER_SNAKE_CASE code' })
  category?: string;

  @Field(() => [PetitionerInput])
  @ValidateNested({ each: true })
  @Type(() => PetitionerInput)
  @ArrayMinSize(1, { message: 'petitioners must name at least one petitioner' })
  @ArrayMaxSize(50, { message: 'petitioners lists at most 50 people (record the others in peopleCount)' })
  petitioners: PetitionerInput[];

  @Field(() => Int, {
    nullable: true,
    description: 'How many people came or signed; default the number of petitioners.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  peopleCount?: number;

  @Field({ nullable: true, description: "Signed with the petitioner's name (署名)." })
  @IsOptional()
  @IsBoolean()
  signed?: boolean;

  @Field({ nullable: true, description: 'Signed jointly (联名).' })
  @IsOptional()
  @IsBoolean()
  jointSigned?: boolean;

  @Field({ nullable: true, description: 'Petitioned above the competent level (越级访).' })
  @IsOptional()
  @IsBoolean()
  skipLevel?: boolean;

  @Field({ nullable: true, description: 'The village or community (a member unit) the matter belongs to.' })
  @IsOptional()
  @IsUUID('all', { message: 'locationUnitId must be an id' })
  locationUnitId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(100)
  @Matches(TEXT_PATTERN, text)
  grid?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  @Matches(TEXT_PATTERN, text)
  location?: string;

  @Field(() => [CaseAttachmentInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => CaseAttachmentInput)
  @ArrayMaxSize(50)
  attachments?: CaseAttachmentInput[];

  @Field({
    nullable: true,
    description:
      'For visits: why the leader on reception duty must recuse (与信访事项或信访人有直接利害关系, 004 領導接待日制度 7).',
  })
  @IsOptional()
  @MinLength(2)
  @MaxLength(500)
  @Matches(TEXT_PATTERN, text)
  dutyLeaderConflict?: string;
}

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
