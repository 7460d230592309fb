import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Role } from '../roles';
import { MemberUnitIdField, RolesField } from './role-fields';
import { CODE_PATTERN, NAME_MESSAGE, NAME_PATTERN, TEXT_PATTERN } from '@engine/validation';

@InputType()
export class CreateUserInput {
  @Field()
  @Matches(CODE_PATTERN, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  @MaxLength(64)
  tenantCode: string;

  @Field()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, {
    message: 'username must be 2–64 letters, digits, dots, dashes or underscores',
  })
  username: string;

  @Field()
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters' })
  @MaxLength(256)
  password: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  displayName: string;

  @RolesField()
  roles: Role[];

  /** Required for MEMBER_UNIT and VILLAGE_SECRETARY users: the unit they act for. */
  @MemberUnitIdField()
  memberUnitId?: string;

  /** Why the account is opened; filed with the grant (备案). */
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(TEXT_PATTERN, { message: 'reason must be text without control characters' })
  reason?: string;
}
