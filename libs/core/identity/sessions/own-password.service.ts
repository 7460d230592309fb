import { Inject, Injectable } from '@nestjs/common';
import { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { IDENTITY_ERRORS } from '../identity.errors';
import type { AuthPayload } from '../auth-payload.model';
import { accountsRepository as accounts } from '../accounts.repository';
import type { ChangePasswordInput } from '../dto/account-admin.inputs';
import { Passwords } from '../passwords';
import { User } from '../user.entity';
import { SessionsService } from './sessions.service';

/**
 * A user changes its own password (the current one required): every session of the account ends and
 * every access token it holds goes stale; the answer is a new session, so the caller carries on. This
 * is also how a password-change-only sign-in (a reset, or a forced change) becomes a full session.
 */
@Injectable()
export class OwnPasswordService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Passwords) private readonly passwords: Passwords,
    @Inject(SessionsService) private readonly sessions: SessionsService,
  ) {}

  async change(ctx: RequestContext, input: ChangePasswordInput): Promise<AuthPayload> {
    const userId = ctx.caller.userId;
    if (input.newPassword === input.currentPassword)
      throw IDENTITY_ERRORS.badInput('input.newPassword', 'SAME_PASSWORD');
    const current = await this.db.run(RequestContext.platform(), ({ em }) => accounts.credential(em, userId));
    if (!(await this.passwords.verify(current?.hash ?? null, input.currentPassword))) {
      throw IDENTITY_ERRORS.forbidden('WRONG_PASSWORD', {}, 'input.currentPassword');
    }
    const hash = await this.passwords.hash(input.newPassword);
    const user = await this.db.run(RequestContext.platform(), async ({ em }) => {
      await accounts.setPassword(em, userId, hash, null);
      return em.findOne(User, { where: { id: userId } });
    });
    if (!user || !user.active) throw IDENTITY_ERRORS.unauthenticated('ACCOUNT_INACTIVE');
    await this.sessions.endAll(userId, 'PASSWORD_CHANGED', { bumpVersion: false });
    return this.sessions.openFor(user);
  }
}
