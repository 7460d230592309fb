import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { MULTILINE_TEXT_PATTERN } from '@engine/validation';

@InputType({
  description:
    '001 art. 11 (视情向相关部门和各村通报): the office circulates an important sensitive report to the units it chooses.',
})
export class CirculateSensitiveInformationInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'reportId must be an id' })
  reportId: string;

  @Field(() => [ID], { description: 'Departments and villages to circulate it to (the office judges which: 视情).' })
  @ArrayMinSize(1, { message: 'unitIds must name at least one unit' })
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'unitIds must be ids' })
  unitIds: string[];

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(2)
  @MaxLength(2000)
  @Matches(MULTILINE_TEXT_PATTERN, { message: 'note must be text without control characters' })
  note?: string;
}
