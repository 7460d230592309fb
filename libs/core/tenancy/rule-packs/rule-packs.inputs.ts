import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { CODE_PATTERN } from '@engine/validation';
import { PluginFormatEnum } from '../plugin.model';

const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

/** A plugin's text. Its size is checked by the plugin reader (256 KiB), with a clear problem. */
@InputType()
export class PluginSourceInput {
  @Field()
  @MinLength(1)
  @MaxLength(1024 * 1024, { message: 'source may have at most 262144 bytes (the plugin limit); this is far more' })
  source: string;

  @Field(() => PluginFormatEnum)
  @IsEnum(PluginFormatEnum)
  format: PluginFormatEnum;
}

@InputType()
export class UpgradeTenantRulesInput {
  @Field()
  @Matches(CODE_PATTERN, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode: string;

  @Field()
  @Matches(SEMVER, { message: 'toVersion must be a semantic version such as 1.1.0' })
  toVersion: string;

  @Field()
  @MinLength(2)
  @MaxLength(500)
  reason: string;
}

@InputType()
export class RollbackTenantRulesInput {
  @Field()
  @Matches(CODE_PATTERN, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode: string;

  @Field()
  @MinLength(2)
  @MaxLength(500)
  reason: string;
}

/** A superior's decision on a rules change that waits for it. */
@InputType()
export class DecideTenantRulesChangeInput {
  @Field()
  @Matches(CODE_PATTERN, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode: string;

  @Field()
  @IsBoolean()
  approve: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(500)
  note?: string;
}

export { SEMVER };
