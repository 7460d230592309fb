import { Field, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '@engine/graphql';

@ObjectType()
export class AuditEntry {
  @Field(() => Int)
  seq: number;

  @Field()
  at: Date;

  @Field(() => String, { nullable: true, description: 'The user whose request made the change; null for platform jobs.' })
  actor: string | null;

  @Field()
  tableName: string;

  @Field({ description: 'INSERT, UPDATE or DELETE' })
  operation: string;

  @Field(() => JSONScalar, { nullable: true, description: 'For updates: the columns that changed, with their new values.' })
  changed: Record<string, unknown> | null;

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
