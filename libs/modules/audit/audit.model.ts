import { Field, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '@engine/graphql';

@ObjectType()
export class AuditEntry {
  @Field(() => Int)
  seq: number;

  @Field()
  at: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The user whose request made the change; null for platform jobs.',
  })
  actor: string | null;

  @Field()
  tableName: string;

  @Field({ description: 'INSERT, UPDATE or DELETE' })
  operation: string;

  @Field(() => [String], {
    description: 'For updates: the names of the columns that changed (shown to every reader of the trail).',
  })
  changedColumns: string[];

  @Field(() => JSONScalar, {
    nullable: true,
    description:
      "For updates: the changed columns with their new values, as the caller may read them — null when the caller may not read the row itself (the platform admin reads no petition content); petitioners' fields masked without their field rule; matching keys and secrets never.",
  })
  changed: Record<string, unknown> | null;

  @Field({ description: 'Whether values of this entry were withheld from the caller (all of them, or secret ones).' })
  withheld: boolean;

  @Field()
  hash: string;
}

@ObjectType()
export class AuditChainCheck {
  @Field()
  intact: boolean;

  @Field(() => Int)
  entries: number;

  @Field(() => Int, { nullable: true, description: 'The first entry whose link is broken.' })
  firstBrokenSeq: number | null;

  @Field(() => String, { nullable: true })
  expected: string | null;

  @Field(() => String, { nullable: true })
  found: string | null;
}
