import { Field, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

@InputType()
export class LoginInput {
  /** The tenant to sign in to; omitted for platform users. */
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  tenantCode?: string;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  password: string;
}
