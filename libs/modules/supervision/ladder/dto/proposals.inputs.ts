import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsIn, IsOptional, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { MULTILINE_TEXT_PATTERN } from '@engine/validation';
import { OutboxChannel, SupervisionActionKind } from '../../enums';

const text = { message: '$property must be text without control characters' };

/**
 * The office confirms a proposed step: where the rule leaves a choice (提醒或约谈, 003 §三) it picks the
 * kind; for a reminder its severity (GENERAL by SMS, KEY by letter, 003 §四) and, if it wants, another
 * channel; for an interview its severity (who conducts it).
 */
@InputType()
export class ConfirmSupervisionProposalInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'proposalId must be an id' })
  proposalId: string;

  @Field(() => SupervisionActionKind, {
    nullable: true,
    description: 'Required when the proposal offers a choice (options).',
  })
  @IsOptional()
  @IsEnum(SupervisionActionKind, { message: 'kind must be a supervision action kind' })
  kind?: SupervisionActionKind;

  @Field({
    nullable: true,
    description:
      'REMINDER: GENERAL or KEY (required unless the rule suggests one). INTERVIEW: GENERAL or SERIOUS (default GENERAL).',
  })
  @IsOptional()
  @IsIn(['GENERAL', 'KEY', 'SERIOUS'], { message: 'severity must be GENERAL, KEY or SERIOUS' })
  severity?: string;

  @Field(() => OutboxChannel, {
    nullable: true,
    description: "REMINDER: a channel other than the plugin's for the severity.",
  })
  @IsOptional()
  @IsEnum(OutboxChannel, { message: 'channel must be SMS, LETTER or IN_APP' })
  channel?: OutboxChannel;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(2, { message: 'note must be at least 2 characters' })
  @MaxLength(2000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  note?: string;
}

@InputType()
export class DismissSupervisionProposalInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'proposalId must be an id' })
  proposalId: string;

  @Field({ description: 'Why the office does not take the step (kept with the proposal).' })
  @MinLength(2, { message: 'reason must be at least 2 characters' })
  @MaxLength(2000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  reason: string;
}
