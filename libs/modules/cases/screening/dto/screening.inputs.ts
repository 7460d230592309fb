import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IsIsoDate, MULTILINE_TEXT_PATTERN, NAME_MESSAGE, NAME_PATTERN } from '@engine/validation';
import { DateScalar } from '@engine/graphql';

@InputType({
  description:
    "What a screened case is given (004 預測排查制度 2: 包案領導、責任人以及結案信訪時限); the plugin's `requires` says which are mandatory.",
})
export class SettleScreenedCaseInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'screeningId must be an id' })
  screeningId: string;

  @Field({ nullable: true, description: 'The owning leader (包案领导).' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(50)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  owningLeader?: string;

  @Field({ nullable: true, description: 'The responsible person (责任人).' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(50)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  responsiblePerson?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The time limit to close the matter (结案时限, YYYY-MM-DD).',
  })
  @IsOptional()
  @IsIsoDate()
  dueOn?: string;
}

@InputType({
  description:
    "A period's screening reported with the office's forecast analysis (004 預測排查制度 1: 超前預測分析…及時向信訪工作領導小組反映預測排查情況).",
})
export class ReportScreeningInput {
  @Field()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'tenantCode must be a tenant code' })
  tenantCode: string;

  @Field(() => DateScalar, { description: "The screened period's first day (YYYY-MM-DD)." })
  @IsIsoDate()
  periodStart: string;

  @Field({
    description:
      'The forecast analysis (超前預測分析) of hot and difficult issues, sensitive matters and what may stir many people, e.g. 征地补偿款发放临近，预计本月可能出现集体访。',
  })
  @MinLength(2, { message: 'analysis must be at least 2 characters' })
  @MaxLength(8000)
  @Matches(MULTILINE_TEXT_PATTERN, { message: '$property must be text without control characters' })
  analysis: string;
}
