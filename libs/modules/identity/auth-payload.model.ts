import { Field, ObjectType } from '@nestjs/graphql';
import { User } from './user.entity';

@ObjectType()
export class AuthPayload {
  @Field()
  accessToken: string;

  /** When the access token stops being accepted (ISO 8601); sign in again to continue. */
  @Field()
  expiresAt: string;

  @Field(() => User)
  user: User;
}
