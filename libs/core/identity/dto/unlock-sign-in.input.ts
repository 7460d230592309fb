import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CODE_PATTERN } from '@engine/validation';

@InputType()
export class UnlockSignInInput {
  /** The account's tenant; omitted for a platform account. */
  @Field({ nullable: true })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode?: string;

  @Field()
  @IsString()
  @MaxLength(64)
  username: string;
}
