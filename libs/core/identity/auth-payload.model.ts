import { Field, ObjectType } from '@nestjs/graphql';
import { User } from './user.entity';

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Short-lived (ACCESS_TOKEN_TTL); send as `Authorization: Bearer`.' })
  accessToken: string;

  /** When the access token stops being accepted; refresh the session to continue. */
  @Field()
  expiresAt: Date;

  @Field(() => User)
  user: User;

  @Field(() => String, {
    nullable: true,
    description:
      'Opaque and single-use: `refreshSession` spends it and returns the next one; presenting a spent one ends the session. Null while the password must be changed.',
  })
  refreshToken: string | null;

  @Field({ description: 'The absolute end of this session (SESSION_MAX_AGE): no refresh passes it.' })
  sessionExpiresAt: Date;

  @Field({ description: 'True: the access token only allows `me`, `changePassword` and `logout`.' })
  mustChangePassword: boolean;
}
