import { Inject, Injectable, Logger } from '@nestjs/common';
import { subject } from '@casl/ability';
import argon2 from 'argon2';
import { APP_CONFIG, type AppConfig } from '@engine/config';
import { RequestContext } from '@engine/context';
import { Role, UNIT_ROLES } from './roles';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import { IDENTITY_ERRORS } from './identity.errors';
import { JobQueue, jobId } from '@engine/jobs';
import { Tenant } from '@core/tenancy/entities';
import { MemberUnit, MemberUnitKind } from '@core/joint-meeting/entities';
import { SignInLimiter } from './sign-in-limiter';
import { clientAddressKey, foldTenantCode, foldUsername } from './sign-in-name';
import { User, UserCredential } from './user.entity';
import { AccountChangeKind } from './account-change.entity';
import { AccountFiling } from './account-filing';
import { WELCOME_JOB } from './account.jobs';
import { assertMayGrant } from './account-authority';
import { accountsRepository as accounts } from './accounts.repository';
import type { AuthPayload } from './auth-payload.model';
import { SessionsService } from './sessions/sessions.service';
import { randomPassword } from './passwords';
import type { CreateUserInput } from './dto/create-user.input';
import type { LoginInput } from './dto/login.input';

/** Roles that act for one member unit and must name it. */
/** Hash of a throwaway password: verified against when no account matches, so timing tells nothing. */
let dummyHash: Promise<string> | null = null;

@Injectable()
export class IdentityService {
  private readonly logger = new Logger('Identity');

  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(AccountFiling) private readonly filing: AccountFiling,
    @Inject(SignInLimiter) private readonly limiter: SignInLimiter,
  ) {
    this.hashOptions = {
      type: argon2.argon2id,
      memoryCost: config.passwordHashMemoryKib,
      timeCost: config.passwordHashTimeCost,
    };
  }

  /** argon2id; verification reads the parameters from each stored hash, so raising them later is safe. */
  private readonly hashOptions: { type: typeof argon2.argon2id; memoryCost: number; timeCost: number };

  private hash(password: string): Promise<string> {
    return argon2.hash(password, this.hashOptions);
  }

  async login(ctx: RequestContext, input: LoginInput): Promise<AuthPayload> {
    // One spelling per account (NFKC, case and marks folded), counted before the password is checked.
    const username = foldUsername(input.username);
    if (!username) throw IDENTITY_ERRORS.badInput('input.username', 'USERNAME_INVALID');
    const tenantCode = input.tenantCode === undefined ? undefined : foldTenantCode(input.tenantCode);
    const ticket = await this.limiter.begin({
      account: `${tenantCode ?? ''}|${username}`,
      address: clientAddressKey(ctx.ip),
    });
    const found = await this.db.run(ctx.asPlatform(), async ({ em }) => {
      let tenantId: string | null = null;
      if (tenantCode !== undefined) {
        const tenant = await em.findOne(Tenant, { where: { code: tenantCode }, select: { id: true } });
        if (!tenant) return null;
        tenantId = tenant.id;
      }
      const user = await accounts.activeByUsername(em, tenantId, username);
      if (!user) return null;
      const credential = await em.findOne(UserCredential, { where: { userId: user.id } });
      return credential ? { user, hash: credential.passwordHash, temporaryUntil: credential.expiresAt } : null;
    });
    const valid = found
      ? await argon2.verify(found.hash, input.password)
      : await argon2.verify(await (dummyHash ??= this.hash('not-a-password')), input.password).then(() => false);
    if (!found || !valid) {
      await this.limiter.failed(ticket);
      throw IDENTITY_ERRORS.unauthenticated('INVALID_CREDENTIALS');
    }
    await this.limiter.succeeded(ticket);
    // A temporary password (a reset) works once, before it expires, and only to choose a new one.
    return this.sessions.open(found.user, { spendTemporary: found.temporaryUntil !== null });
  }

  /**
   * A fresh access token for a caller whose token is still valid, with roles and unit re-read from
   * the database, within its session's absolute end. Expired tokens must sign in (or refreshSession).
   */
  refresh(ctx: RequestContext): Promise<AuthPayload> {
    return this.sessions.refreshAccessToken(ctx);
  }

  async me(ctx: RequestContext): Promise<User> {
    const user = await this.db.run(ctx, ({ em }) =>
      em.findOne(User, { where: { id: ctx.caller.userId, active: true } }),
    );
    if (!user) throw IDENTITY_ERRORS.unauthenticated('ACCOUNT_GONE');
    return user;
  }

  /**
   * Creates an account in a tenant, within the grant matrix (assertMayGrant); filed and reported.
   * `trusted` is for platform-internal seeding only (demo tenants): no grant check, nothing filed.
   * In production every account created by someone else must choose its own password at first sign-in.
   */
  async createUser(ctx: RequestContext, input: CreateUserInput, options: { trusted?: boolean } = {}): Promise<User> {
    assertAssignable(input.roles, input.memberUnitId);
    const passwordHash = await this.hash(input.password);
    const { user, change } = await this.db.run(ctx, async (tx) => {
      const { em } = tx;
      const tenant = await em.findOne(Tenant, { where: { code: input.tenantCode } });
      if (!tenant) throw AppError.notFound(`Tenant "${input.tenantCode}"`);
      if (!ctx.ability.can('create', subject('User', { tenantId: tenant.id, parentTenantId: tenant.parentId }))) {
        throw IDENTITY_ERRORS.forbidden('MAY_NOT_CREATE_USERS');
      }
      if (!options.trusted) await assertMayGrant(em, ctx, tenant, input.roles, { creating: true });
      if (tenant.id !== ctx.scope.tenantId) await this.db.extendScope(tx, tenant.id);
      if (input.memberUnitId) await assertUnitFits(em, tenant.id, input.memberUnitId, input.roles);
      if (await accounts.usernameTaken(em, tenant.id, input.username))
        throw IDENTITY_ERRORS.conflict('USERNAME_TAKEN', { username: input.username }, 'input.username');
      const created = await em.save(
        em.create(User, {
          tenantId: tenant.id,
          username: input.username,
          displayName: input.displayName,
          roles: input.roles,
          memberUnitId: input.memberUnitId ?? null,
          mustChangePassword: this.config.production,
        }),
      );
      await accounts.insertCredential(em, created.id, tenant.id, passwordHash);
      const filed = options.trusted
        ? null
        : await this.filing.file(em, ctx, created, {
            kind: AccountChangeKind.GRANTED,
            rolesBefore: [],
            rolesAfter: input.roles,
            reason: input.reason ?? '新开账号',
          });
      return { user: created, change: filed };
    });
    await this.afterCommit(WELCOME_JOB, { tenantId: user.tenantId!, userId: user.id }, jobId('welcome', user.id));
    if (change) await this.filing.report(change);
    return user;
  }

  /**
   * Creates the platform admin on a database without one; returns the generated password, if any. In
   * production the admin must replace the bootstrap password at its first sign-in.
   */
  async ensurePlatformAdmin(
    password: string | undefined,
  ): Promise<{ created: boolean; generatedPassword: string | null }> {
    return this.db.run(RequestContext.platform(), async ({ em }) => {
      const exists = await accounts.platformAdminExists(em);
      if (exists) return { created: false, generatedPassword: null };
      const generated = password ? null : randomPassword();
      const admin = await em.save(
        em.create(User, {
          tenantId: null,
          username: 'admin',
          displayName: 'Platform administrator',
          roles: [Role.PLATFORM_ADMIN],
          memberUnitId: null,
          mustChangePassword: this.config.production,
        }),
      );
      await em.insert(UserCredential, {
        userId: admin.id,
        tenantId: null,
        passwordHash: await this.hash(password ?? generated!),
      });
      return { created: true, generatedPassword: generated };
    });
  }

  /** Jobs are enqueued after the transaction commits; a failed enqueue is logged, never fails the write. */
  private async afterCommit(name: string, data: unknown, id: string): Promise<void> {
    try {
      await this.jobs.enqueue(name, data, { jobId: id });
    } catch (err) {
      this.logger.warn(`could not enqueue ${name} (${id}): ${(err as Error).message}`);
    }
  }
}

/** Roles a tenant account may hold, with the unit the unit roles need (input errors before any check). */
export function assertAssignable(
  roles: readonly Role[],
  memberUnitId: string | null | undefined,
  field = 'input.roles',
): void {
  if (roles.includes(Role.PLATFORM_ADMIN)) throw IDENTITY_ERRORS.badInput(field, 'PLATFORM_ADMIN_IN_TENANT');
  if (roles.some((r) => UNIT_ROLES.includes(r)) && !memberUnitId) {
    throw IDENTITY_ERRORS.badInput('input.memberUnitId', 'MEMBER_UNIT_REQUIRED');
  }
}

/** The unit must be an active unit of the tenant, and a village or community for a village secretary. */
export async function assertUnitFits(
  em: import('typeorm').EntityManager,
  tenantId: string,
  memberUnitId: string,
  roles: readonly Role[],
): Promise<void> {
  const unit = await em.findOne(MemberUnit, { where: { id: memberUnitId, tenantId, active: true } });
  if (!unit) throw IDENTITY_ERRORS.badInput('input.memberUnitId', 'UNIT_NOT_ACTIVE');
  if (
    roles.includes(Role.VILLAGE_SECRETARY) &&
    unit.kind !== MemberUnitKind.VILLAGE &&
    unit.kind !== MemberUnitKind.COMMUNITY
  ) {
    throw IDENTITY_ERRORS.badInput('input.memberUnitId', 'SECRETARY_NEEDS_VILLAGE');
  }
}
