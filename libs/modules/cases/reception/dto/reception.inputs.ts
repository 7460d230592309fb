import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsOptional,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate, NAME_MESSAGE, NAME_PATTERN } from '@engine/validation';
import { DateScalar } from '@engine/graphql';

@InputType()
export class DutyLeaderInput {
  @Field()
  @MinLength(1)
  @MaxLength(50)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  name: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be an id' })
  userId?: string;
}

@InputType()
export class SetReceptionRosterInput {
  @Field()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode: string;

  @Field(() => DateScalar, { description: 'The first day of the rota.' })
  @IsIsoDate()
  startsOn: string;

  @Field(() => [DutyLeaderInput], { description: 'Leaders in rota order (班子成员轮流值班).' })
  @ValidateNested({ each: true })
  @Type(() => DutyLeaderInput)
  @ArrayMinSize(1, { message: 'leaders must name at least one leader' })
  @ArrayMaxSize(50)
  leaders: DutyLeaderInput[];
}
