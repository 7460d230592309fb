import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { OfficePaperKind } from '../office-documents.entity';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { CODE_PATTERN, MULTILINE_TEXT_PATTERN, TEXT_PATTERN } from '@engine/validation';

const text = { message: '$property must be text without control characters' };
const multiline = { message: '$property must be text (line breaks and tabs allowed)' };

@InputType({ description: "The office drafts (or redrafts, while DRAFT or RETURNED) a year's work points." })
export class DraftWorkPlanInput {
  @Field()
  @Matches(CODE_PATTERN, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode: string;

  @Field(() => Int)
  @IsInt()
  @Min(1900)
  @Max(2199)
  year: number;

  @Field({ description: 'e.g. 十字镇信访工作联席会议2026年工作要点.' })
  @MinLength(2)
  @MaxLength(200)
  @Matches(TEXT_PATTERN, text)
  title: string;

  @Field(() => [String], { description: 'The work points, in order (1‥100).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @MinLength(2, { each: true })
  @MaxLength(2000, { each: true })
  @Matches(MULTILINE_TEXT_PATTERN, { each: true, ...multiline })
  points: string[];
}

@InputType()
export class WorkPlanDecisionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'workPlanId must be an id' })
  workPlanId: string;

  @Field(() => String, { nullable: true, description: 'Required when returning.' })
  @IsOptional()
  @MinLength(2)
  @MaxLength(1000)
  @Matches(TEXT_PATTERN, text)
  comment?: string | null;
}

@InputType({ description: 'The office links agreed items (议定事项) to a point of approved work points, to track it.' })
export class LinkWorkPointItemsInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'workPointId must be an id' })
  workPointId: string;

  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'agreedItemIds must be ids' })
  agreedItemIds: string[];
}

@InputType({ description: 'The office drafts (or, while DRAFT, rewrites) a briefing.' })
export class DraftBriefingInput {
  @Field()
  @Matches(CODE_PATTERN, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode: string;

  @Field(() => ID, { nullable: true, description: 'A draft to rewrite; omit for a new briefing.' })
  @IsOptional()
  @IsUUID('all', { message: 'briefingId must be an id' })
  briefingId?: string | null;

  @Field()
  @MinLength(2)
  @MaxLength(200)
  @Matches(TEXT_PATTERN, text)
  title: string;

  @Field()
  @MinLength(2)
  @MaxLength(20000)
  @Matches(MULTILINE_TEXT_PATTERN, multiline)
  body: string;

  @Field(() => OfficePaperKind, {
    nullable: true,
    description:
      "BRIEFING (default), CIRCULAR or AGREED_ITEMS_PROGRESS, where the plugin's officeDocuments gives the office that series; a draft keeps its kind.",
  })
  @IsOptional()
  @IsEnum(OfficePaperKind, { message: 'kind must be BRIEFING, CIRCULAR or AGREED_ITEMS_PROGRESS' })
  kind?: OfficePaperKind | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'A circular only: the work reports member units sent to this joint meeting that it collects and summarises (收集、综合, 000 art. 6, 14).',
  })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'drawnFromReportIds must be ids' })
  drawnFromReportIds?: string[] | null;
}

@InputType({
  description:
    "The office drafts a circular of the agreed items' progress (002 §六(二) 定期通报进展情况) from their own state, to edit and issue.",
})
export class DraftAgreedItemsProgressInput {
  @Field()
  @Matches(CODE_PATTERN, { message: 'tenantCode must be lower-case letters, digits and dashes' })
  tenantCode: string;

  @Field(() => String, { nullable: true, description: 'Default: 议定事项进展通报（截至<today>）.' })
  @IsOptional()
  @MinLength(2)
  @MaxLength(200)
  @Matches(TEXT_PATTERN, text)
  title?: string | null;
}

@InputType({
  description:
    'The office issues a briefing: numbered in the year, sent to the member units named, or to every active unit.',
})
export class IssueBriefingInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'briefingId must be an id' })
  briefingId: string;

  @Field(() => [ID], { nullable: true, description: 'The receiving units; omit for every active member unit.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'memberUnitIds must be ids' })
  memberUnitIds?: string[] | null;
}
