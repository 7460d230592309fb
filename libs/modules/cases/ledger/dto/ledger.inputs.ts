import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IsIsoDate, MULTILINE_TEXT_PATTERN, NAME_MESSAGE, NAME_PATTERN, TEXT_PATTERN } from '@engine/validation';
import { LedgerLevel, LedgerList } from '../../case-records.entity';
import { DateScalar } from '@engine/graphql';

const text = { message: '$property must be text without control characters' };

/**
 * An entry of a case's problem, responsibility or task list (002 §五(四)). Each item is optional
 * here because the plugin decides which the entry must state (`cases.ledgers.fields`).
 */
@InputType()
export class AddCaseLedgerEntryInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be an id' })
  caseId: string;

  @Field(() => LedgerLevel, { description: "Street/town or community ledger; one of the plugin's ledger levels." })
  @IsEnum(LedgerLevel, { message: 'level must be TOWN or COMMUNITY' })
  level: LedgerLevel;

  @Field(() => LedgerList, { description: "One of the plugin's ledger lists." })
  @IsEnum(LedgerList, { message: 'list must be PROBLEM, RESPONSIBILITY or TASK' })
  list: LedgerList;

  @Field(() => ID, {
    nullable: true,
    description: "For COMMUNITY entries: the community (or village); default the case's location.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'communityUnitId must be an id' })
  communityUnitId?: string;

  @Field({ nullable: true, description: '诉求内容 (CONTENT).' })
  @IsOptional()
  @MinLength(2, { message: 'content must be at least 2 characters' })
  @MaxLength(5000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  content?: string;

  @Field({ nullable: true, description: '分类处理情况 (CLASSIFICATION).' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  @Matches(TEXT_PATTERN, text)
  classification?: string;

  @Field({ nullable: true, description: '具体工作措施 (MEASURES).' })
  @IsOptional()
  @MinLength(2, { message: 'measures must be at least 2 characters' })
  @MaxLength(5000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  measures?: string;

  @Field({ nullable: true, description: '包案领导 (OWNING_LEADER).' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(50)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  owningLeader?: string;

  @Field(() => ID, { nullable: true, description: '具体责任单位 (RESPONSIBLE_UNIT): an active member unit.' })
  @IsOptional()
  @IsUUID('all', { message: 'responsibleUnitId must be an id' })
  responsibleUnitId?: string;

  @Field({ nullable: true, description: '责任人 (RESPONSIBLE_PERSON).' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(50)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  responsiblePerson?: string;

  @Field(() => DateScalar, { nullable: true, description: '问题处理时限 (TIME_LIMIT), YYYY-MM-DD.' })
  @IsOptional()
  @IsIsoDate()
  dueOn?: string;
}
