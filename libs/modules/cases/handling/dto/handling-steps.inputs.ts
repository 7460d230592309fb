import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { MULTILINE_TEXT_PATTERN, TEXT_PATTERN } from '@engine/validation';
import { HandlingLevel } from '../../case.enums';

const text = { message: '$property must be text without control characters' };

/** Where a matter outside the tenant's remit goes (004 首問責任制度 4: 結轉 or 指導前往有關職能部門). */
export enum ReferralDisposition {
  TRANSFERRED = 'TRANSFERRED',
  GUIDED = 'GUIDED',
}
registerEnumType(ReferralDisposition, {
  name: 'ReferralDisposition',
  description: 'TRANSFERRED: 转送有权处理的机关; GUIDED: 引导信访人到有关职能部门反映.',
});

@InputType({ description: "Hands first-inquiry responsibility (首问责任) to another user of the case's tenant." })
export class TransferFirstInquiryInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be an id' })
  caseId: string;

  @Field(() => ID, { description: "An active user of the case's tenant who handles petitions and can see the case." })
  @IsUUID('all', { message: 'toUserId must be an id' })
  toUserId: string;

  @Field({
    nullable: true,
    description: 'Why; required where the plugin says so (cases.firstInquiry.transferRequiresReason).',
  })
  @IsOptional()
  @MinLength(2, { message: 'reason must be at least 2 characters' })
  @MaxLength(2000)
  @Matches(TEXT_PATTERN, text)
  reason?: string;
}

@InputType({
  description:
    "A matter outside the tenant's remit: transferred to the competent body, or the petitioner guided there.",
})
export class ReferCaseOutOfRemitInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be an id' })
  caseId: string;

  @Field(() => ReferralDisposition)
  @IsEnum(ReferralDisposition, { message: 'disposition must be TRANSFERRED or GUIDED' })
  disposition: ReferralDisposition;

  @Field({ description: 'The competent body or department (有权处理的机关 / 有关职能部门).' })
  @MinLength(2, { message: 'to must be at least 2 characters' })
  @MaxLength(200)
  @Matches(TEXT_PATTERN, text)
  to: string;

  @Field({ description: 'Why the matter is outside the remit, as explained to the petitioner (耐心做好解释工作).' })
  @MinLength(2, { message: 'reason must be at least 2 characters' })
  @MaxLength(2000)
  @Matches(TEXT_PATTERN, text)
  reason: string;
}

@InputType({ description: 'A follow-up by the first-inquiry user (跟踪服务, 反馈给信访人).' })
export class RecordCaseFollowUpInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be an id' })
  caseId: string;

  @Field()
  @MinLength(5, { message: 'note must be at least 5 characters' })
  @MaxLength(5000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  note: string;
}

@InputType({ description: 'The office sets the level a case is handled at (分级处理).' })
export class SetCaseHandlingLevelInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be an id' })
  caseId: string;

  @Field(() => HandlingLevel)
  @IsEnum(HandlingLevel, { message: 'level must be GRID, COMMUNITY or TOWN' })
  level: HandlingLevel;

  @Field(() => ID, {
    nullable: true,
    description:
      'The village or community the case belongs to; required for GRID and COMMUNITY when the case names none.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'locationUnitId must be an id' })
  locationUnitId?: string;
}

@InputType({ description: 'A grid worker or the office moves a case one level up (网格 → 社区 → 街道).' })
export class EscalateCaseInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be an id' })
  caseId: string;

  @Field({ description: 'Why it cannot be solved at this level (牵涉面广的复杂问题…).' })
  @MinLength(2, { message: 'reason must be at least 2 characters' })
  @MaxLength(2000)
  @Matches(TEXT_PATTERN, text)
  reason: string;
}
