import { Field, ObjectType } from '@nestjs/graphql';
import { AccountChange } from '../account-change.entity';
import { User } from '../user.entity';

@ObjectType()
export class UserPage {
  @Field(() => [User])
  items: User[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' })
  nextCursor: string | null;
}

@ObjectType({ description: 'An administrator-issued temporary password: shown once here, stored only as a hash.' })
export class PasswordReset {
  @Field(() => User)
  user: User;

  @Field({ description: 'Hand it to the account holder; it works for one sign-in, which must choose a new password.' })
  temporaryPassword: string;

  @Field({ description: 'When it stops working unused (PASSWORD_RESET_TTL).' })
  expiresAt: Date;
}

@ObjectType()
export class AccountChangePage {
  @Field(() => [AccountChange])
  items: AccountChange[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' })
  nextCursor: string | null;
}
