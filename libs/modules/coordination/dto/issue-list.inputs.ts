import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsOptional,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CODE_PATTERN, IsIsoDate, MULTILINE_TEXT_PATTERN, TEXT_PATTERN } from '@engine/validation';

const text = { message: '$property must be text without control characters' };

@InputType()
export class IssueListItemInput {
  @Field({ description: 'The issue (问题).' })
  @MinLength(2, { message: 'issue must be at least 2 characters' })
  @MaxLength(5000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  issue: string;

  @Field({ description: "The office's recommendation (工作建议)." })
  @MinLength(2, { message: 'recommendation must be at least 2 characters' })
  @MaxLength(5000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  recommendation: string;

  @Field(() => [ID], { defaultValue: [], description: 'Member units the issue concerns (相关单位).' })
  @ArrayMaxSize(50)
  @ArrayUnique({ message: 'relatedUnitIds must not repeat a unit' })
  @IsUUID('all', { each: true, message: 'relatedUnitIds must be ids' })
  relatedUnitIds: string[];
}

@InputType()
export class DraftIssueListInput {
  @Field()
  @Matches(CODE_PATTERN, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode: string;

  /** Omit to start a new list; give it to edit a draft. */
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'issueListId must be an id' })
  issueListId?: string;

  @Field()
  @MinLength(2, { message: 'title must be at least 2 characters' })
  @MaxLength(200)
  @Matches(TEXT_PATTERN, text)
  title: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsIsoDate()
  periodStart: string;

  @Field({ description: 'YYYY-MM-DD, inclusive' })
  @IsIsoDate()
  periodEnd: string;

  @Field(() => [IssueListItemInput])
  @ArrayMinSize(1, { message: 'items must list at least one issue' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => IssueListItemInput)
  items: IssueListItemInput[];
}

@InputType()
export class ReviewIssueListInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'issueListId must be an id' })
  issueListId: string;

  /** 批示 */
  @Field({ nullable: true, description: 'Instructions (批示), if any.' })
  @IsOptional()
  @MinLength(2)
  @MaxLength(5000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  instructions?: string;
}
