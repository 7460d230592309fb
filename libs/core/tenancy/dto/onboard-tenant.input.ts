import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsEnum,
  IsOptional,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CODE_PATTERN, NAME_MESSAGE, NAME_PATTERN } from '@engine/validation';
import { MemberUnitKind } from '@core/joint-meeting/entities';

/** Names for member units the plugin's source only counts (e.g. 002's 11 community committees). */
@InputType()
export class CountedUnitNamesInput {
  @Field(() => MemberUnitKind)
  @IsEnum(MemberUnitKind)
  kind: MemberUnitKind;

  /**
   * Which counted group, by the plugin's label, when several count the same kind (002's 街道办公室（三办）
   * and 街道中心（一中心）). Without it the names fill that kind's groups in the plugin's order.
   */
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(100)
  label?: string;

  @Field(() => [String])
  @ArrayMaxSize(500)
  @ArrayUnique()
  @MinLength(1, { each: true })
  @MaxLength(100, { each: true })
  @Matches(NAME_PATTERN, { each: true, message: NAME_MESSAGE })
  names: string[];
}

@InputType()
export class OnboardTenantInput {
  @Field()
  @Matches(CODE_PATTERN, { message: 'code must be 1–64 lower-case letters, digits and dashes' })
  code: string;

  @Field()
  @MinLength(1)
  @MaxLength(100)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  name: string;

  @Field()
  @Matches(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, { message: 'pluginId must be a plugin id such as shizi-town' })
  @MaxLength(64)
  pluginId: string;

  /** A version of the plugin, installed or published; omitted: its highest visible version. */
  @Field({
    nullable: true,
    description: 'A version of the plugin, installed or published; omitted: its highest visible version.',
  })
  @IsOptional()
  @Matches(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, { message: 'pluginVersion must be a semantic version such as 1.0.0' })
  pluginVersion?: string;

  /** The parent tenant; omitted only by a platform admin onboarding a top-level tenant. */
  @Field({ nullable: true })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'parentCode must be lower-case letters, digits and dashes' })
  parentCode?: string;

  @Field(() => [CountedUnitNamesInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => CountedUnitNamesInput)
  countedUnitNames?: CountedUnitNamesInput[];
}
