import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { CODE_PATTERN, NAME_MESSAGE, NAME_PATTERN, TEXT_PATTERN } from '@engine/validation';
import { MemberUnitKind } from '../member-unit.entity';

const text = { message: '$property must be text without control characters' };

@InputType()
export class AddMemberUnitInput {
  @Field()
  @Matches(CODE_PATTERN, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode: string;

  @Field()
  @MinLength(1)
  @MaxLength(100)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  name: string;

  @Field(() => MemberUnitKind)
  @IsEnum(MemberUnitKind)
  kind: MemberUnitKind;

  /** Why the unit joins; filed with the change (备案). */
  @Field()
  @MinLength(2)
  @MaxLength(500)
  @Matches(TEXT_PATTERN, text)
  reason: string;
}

@InputType()
export class RenameMemberUnitInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'memberUnitId must be an id' })
  memberUnitId: string;

  @Field()
  @MinLength(1)
  @MaxLength(100)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  name: string;

  @Field()
  @MinLength(2)
  @MaxLength(500)
  @Matches(TEXT_PATTERN, text)
  reason: string;
}

@InputType()
export class DeactivateMemberUnitInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'memberUnitId must be an id' })
  memberUnitId: string;

  @Field()
  @MinLength(2)
  @MaxLength(500)
  @Matches(TEXT_PATTERN, text)
  reason: string;
}
