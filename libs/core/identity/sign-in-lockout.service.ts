import { Inject, Injectable, Logger } from '@nestjs/common';
import { subject } from '@casl/ability';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import { IDENTITY_ERRORS } from './identity.errors';
import { Tenant } from '@core/tenancy/entities';
import { SignInLimiter } from './sign-in-limiter';
import { foldTenantCode, foldUsername } from './sign-in-name';
import type { UnlockSignInInput } from './dto/unlock-sign-in.input';

/** The office's way out of a lockout: lifts an account's sign-in lockout on every address. */
@Injectable()
export class SignInLockoutService {
  private readonly logger = new Logger('SignInLockout');

  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(SignInLimiter) private readonly limiter: SignInLimiter,
  ) {}

  async unlock(ctx: RequestContext, input: UnlockSignInInput): Promise<boolean> {
    const username = foldUsername(input.username);
    if (!username) throw IDENTITY_ERRORS.badInput('input.username', 'USERNAME_INVALID');
    const tenantCode = input.tenantCode === undefined ? undefined : foldTenantCode(input.tenantCode);
    let tenantId: string | null = null;
    if (tenantCode !== undefined) {
      const tenant = await this.db.run(ctx, ({ em }) =>
        em.findOne(Tenant, { where: { code: tenantCode }, select: { id: true } }),
      );
      if (!tenant) throw AppError.notFound(`Tenant "${tenantCode}"`);
      tenantId = tenant.id;
    }
    if (!ctx.ability.can('unlock', subject('User', { tenantId }))) throw IDENTITY_ERRORS.forbidden('UNLOCK_RESTRICTED');
    await this.limiter.unlock(`${tenantCode ?? ''}|${username}`);
    this.logger.log(
      `sign-in lockout lifted for ${tenantCode ?? '(platform)'}/${username} by user ${ctx.caller.userId}`,
    );
    return true;
  }
}
