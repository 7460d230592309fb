import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Role } from '../roles';
import { MemberUnitIdField, RolesField } from './role-fields';
import { CODE_PATTERN, TEXT_PATTERN } from '@engine/validation';

const text = { message: '$property must be text without control characters' };

/** A change to one account, with the reason filed (备案). */
@InputType()
export class UserActionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be an id' })
  userId: string;

  @Field()
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  @Matches(TEXT_PATTERN, text)
  reason: string;
}

@InputType()
export class ChangeUserRolesInput extends UserActionInput {
  @RolesField()
  roles: Role[];

  /** Required when the new roles act for a unit (MEMBER_UNIT, VILLAGE_SECRETARY); otherwise the unit is kept or cleared. */
  @MemberUnitIdField()
  memberUnitId?: string;
}

@InputType()
export class ChangeUserUnitInput extends UserActionInput {
  /** Null or absent: no unit (only for accounts without a unit role). */
  @MemberUnitIdField()
  memberUnitId?: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  currentPassword: string;

  @Field()
  @IsString()
  @MinLength(10, { message: 'newPassword must be at least 10 characters' })
  @MaxLength(256)
  newPassword: string;
}

@InputType()
export class RefreshSessionInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken: string;
}

@ArgsType()
export class UsersArgs {
  @Field()
  @Matches(CODE_PATTERN, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode: string;

  /** Part of the username or display name, any case. */
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @Matches(TEXT_PATTERN, text)
  search?: string;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  /** The `nextCursor` of the previous page. */
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;

  @Field(() => Int, { defaultValue: 50 })
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number;
}
