import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { CODE_PATTERN, NAME_MESSAGE, NAME_PATTERN, TEXT_PATTERN } from '@engine/validation';
import { MemberRole, UnitAdjustmentKind } from '../member-person.entity';
import { MemberUnitKind } from '../member-unit.entity';

const text = { message: '$property must be text without control characters' };

@InputType({ description: 'A person joins the joint meeting (filed and reported to the conveners).' })
export class AppointMemberInput {
  @Field()
  @Matches(CODE_PATTERN, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode: string;

  @Field(() => String, { nullable: true, description: "The person's name; omit when only the post is known." })
  @IsOptional()
  @MinLength(1)
  @MaxLength(50)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  name?: string | null;

  @Field({ description: 'The post (职务).' })
  @MinLength(1)
  @MaxLength(100)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  post: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The member unit the person sits for (required for MEMBER and LIAISON; none for CONVENER).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'memberUnitId must be an id' })
  memberUnitId?: string | null;

  @Field(() => MemberRole)
  @IsEnum(MemberRole)
  role: MemberRole;

  @Field({ description: 'Why (filed with the change, 备案).' })
  @MinLength(2)
  @MaxLength(500)
  @Matches(TEXT_PATTERN, text)
  reason: string;
}

@InputType({
  description:
    'A change of member person (分工调整或工作变化): another person in the post, another post, unit or role. Filed and reported to the conveners.',
})
export class ChangeMemberInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'memberPersonId must be an id' })
  memberPersonId: string;

  @Field(() => String, { nullable: true, description: "The new person's name (omit to keep)." })
  @IsOptional()
  @MinLength(1)
  @MaxLength(50)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'The new post (omit to keep).' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(100)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  post?: string | null;

  @Field(() => ID, { nullable: true, description: 'The new member unit (omit to keep).' })
  @IsOptional()
  @IsUUID('all', { message: 'memberUnitId must be an id' })
  memberUnitId?: string | null;

  @Field(() => MemberRole, { nullable: true, description: 'The new role (omit to keep).' })
  @IsOptional()
  @IsEnum(MemberRole)
  role?: MemberRole | null;

  @Field()
  @MinLength(2)
  @MaxLength(500)
  @Matches(TEXT_PATTERN, text)
  reason: string;
}

@InputType()
export class RemoveMemberInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'memberPersonId must be an id' })
  memberPersonId: string;

  @Field()
  @MinLength(2)
  @MaxLength(500)
  @Matches(TEXT_PATTERN, text)
  reason: string;
}

@InputType({
  description:
    'A proposal to adjust the member units, to the body the plugin names (000 art. 7: 镇党委、政府). A record: it changes no unit.',
})
export class ProposeUnitAdjustmentInput {
  @Field()
  @Matches(CODE_PATTERN, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode: string;

  @Field(() => UnitAdjustmentKind)
  @IsEnum(UnitAdjustmentKind)
  kind: UnitAdjustmentKind;

  @Field(() => ID, { nullable: true, description: 'For REMOVE and RENAME: the unit.' })
  @ValidateIf((o: ProposeUnitAdjustmentInput) => o.memberUnitId != null)
  @IsUUID('all', { message: 'memberUnitId must be an id' })
  memberUnitId?: string | null;

  @Field(() => String, { nullable: true, description: "For ADD: the unit's name; for RENAME: the new name." })
  @IsOptional()
  @MinLength(1)
  @MaxLength(100)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  unitName?: string | null;

  @Field(() => MemberUnitKind, { nullable: true, description: 'For ADD: DEPARTMENT, VILLAGE or COMMUNITY.' })
  @IsOptional()
  @IsEnum(MemberUnitKind)
  unitKind?: MemberUnitKind | null;

  @Field()
  @MinLength(2)
  @MaxLength(500)
  @Matches(TEXT_PATTERN, text)
  reason: string;
}

@InputType({ description: "The deciding body's answer to a proposal, recorded by the office." })
export class RecordUnitAdjustmentDecisionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'proposalId must be an id' })
  proposalId: string;

  @Field({ description: 'True: adopted; false: not adopted.' })
  @IsBoolean()
  adopted: boolean;

  @Field({
    description: "The answer's reference, e.g. the party committee meeting and its date, or a document number.",
  })
  @MinLength(2)
  @MaxLength(300)
  @Matches(TEXT_PATTERN, text)
  basis: string;
}
