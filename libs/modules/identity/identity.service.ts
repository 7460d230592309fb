import { Inject, Injectable, Logger } from '@nestjs/common';
import { subject } from '@casl/ability';
import argon2 from 'argon2';
import { APP_CONFIG, type AppConfig } from '@engine/config';
import { RequestContext, Role, type Caller } from '@engine/context';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import { TOKEN_SERVICE, type TokenService } from '@engine/access';
import { JobQueue, jobId } from '@engine/jobs';
import { Tenant } from '@modules/tenancy/tenant.entity';
import { MemberUnit, MemberUnitKind } from '@modules/joint-meeting/member-unit.entity';
import { WELCOME_JOB } from '@modules/notifications/notification.jobs';
import { SignInLimiter } from './sign-in-limiter';
import { clientAddressKey, foldTenantCode, foldUsername } from './sign-in-name';
import { User, UserCredential } from './user.entity';
import type { CreateUserInput } from './dto/create-user.input';
import type { LoginInput } from './dto/login.input';

/** Roles that act for one member unit and must name it. */
const UNIT_ROLES: readonly Role[] = [Role.MEMBER_UNIT, Role.VILLAGE_SECRETARY];
/** Hash of a throwaway password: verified against when no account matches, so timing tells nothing. */
let dummyHash: Promise<string> | null = null;

@Injectable()
export class IdentityService {
  private readonly logger = new Logger('Identity');

  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(TOKEN_SERVICE) private readonly tokens: TokenService,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(SignInLimiter) private readonly limiter: SignInLimiter,
  ) {
    this.hashOptions = { type: argon2.argon2id, memoryCost: config.passwordHashMemoryKib, timeCost: config.passwordHashTimeCost };
  }

  /** argon2id; verification reads the parameters from each stored hash, so raising them later is safe. */
  private readonly hashOptions: { type: typeof argon2.argon2id; memoryCost: number; timeCost: number };

  private hash(password: string): Promise<string> {
    return argon2.hash(password, this.hashOptions);
  }

  async login(ctx: RequestContext, input: LoginInput): Promise<{ accessToken: string; expiresAt: string; user: User }> {
    // One spelling per account (NFKC, case and marks folded), counted before the password is checked.
    const username = foldUsername(input.username);
    if (!username) throw AppError.badInput('input.username', 'may contain letters a–z, digits, dots, dashes and underscores only');
    const tenantCode = input.tenantCode === undefined ? undefined : foldTenantCode(input.tenantCode);
    const ticket = await this.limiter.begin({ account: `${tenantCode ?? ''}|${username}`, address: clientAddressKey(ctx.ip) });
    const found = await this.db.run(ctx.asPlatform(), async ({ em }) => {
      let tenantId: string | null = null;
      if (tenantCode !== undefined) {
        const tenant = await em.findOne(Tenant, { where: { code: tenantCode }, select: { id: true } });
        if (!tenant) return null;
        tenantId = tenant.id;
      }
      const user = await em
        .createQueryBuilder(User, 'u')
        .where(tenantId ? 'u.tenant_id = :tenantId' : 'u.tenant_id IS NULL', { tenantId })
        .andWhere('lower(u.username) = lower(:username)', { username })
        .andWhere('u.active')
        .getOne();
      if (!user) return null;
      const credential = await em.findOne(UserCredential, { where: { userId: user.id } });
      return credential ? { user, hash: credential.passwordHash } : null;
    });
    const valid = found ? await argon2.verify(found.hash, input.password) : await argon2.verify(await (dummyHash ??= this.hash('not-a-password')), input.password).then(() => false);
    if (!found || !valid) {
      await this.limiter.failed(ticket);
      throw AppError.unauthenticated('Invalid sign-in: the tenant, username or password is wrong');
    }
    await this.limiter.succeeded(ticket);
    const caller: Caller = {
      userId: found.user.id,
      username: found.user.username,
      tenantId: found.user.tenantId,
      roles: found.user.roles,
      memberUnitId: found.user.memberUnitId,
    };
    const { token, expiresAt } = this.tokens.sign(caller);
    return { accessToken: token, expiresAt: expiresAt.toISOString(), user: found.user };
  }

  /**
   * A fresh access token for a caller whose token is still valid, with roles and unit re-read from
   * the database (a deactivated user or a changed role takes effect here). Expired tokens must sign in.
   */
  async refresh(ctx: RequestContext): Promise<{ accessToken: string; expiresAt: string; user: User }> {
    const user = await this.me(ctx);
    const { token, expiresAt } = this.tokens.sign({ userId: user.id, username: user.username, tenantId: user.tenantId, roles: user.roles, memberUnitId: user.memberUnitId });
    return { accessToken: token, expiresAt: expiresAt.toISOString(), user };
  }

  async me(ctx: RequestContext): Promise<User> {
    const user = await this.db.run(ctx, ({ em }) => em.findOne(User, { where: { id: ctx.caller.userId, active: true } }));
    if (!user) throw AppError.unauthenticated('This account no longer exists');
    return user;
  }

  async createUser(ctx: RequestContext, input: CreateUserInput): Promise<User> {
    if (input.roles.includes(Role.PLATFORM_ADMIN)) {
      throw AppError.badInput('input.roles', 'PLATFORM_ADMIN users belong to no tenant and cannot be created in one');
    }
    const needsUnit = input.roles.some((r) => UNIT_ROLES.includes(r));
    if (needsUnit && !input.memberUnitId) {
      throw AppError.badInput('input.memberUnitId', 'MEMBER_UNIT and VILLAGE_SECRETARY users must name their member unit');
    }
    const passwordHash = await this.hash(input.password);
    const user = await this.db.run(ctx, async (tx) => {
      const { em } = tx;
      const tenant = await em.findOne(Tenant, { where: { code: input.tenantCode } });
      if (!tenant) throw AppError.notFound(`Tenant "${input.tenantCode}"`);
      if (!ctx.ability.can('create', subject('User', { tenantId: tenant.id, parentTenantId: tenant.parentId }))) {
        throw AppError.forbidden('You may not create users in this tenant');
      }
      if (tenant.id !== ctx.scope.tenantId) await this.db.extendScope(tx, tenant.id);
      if (input.memberUnitId) {
        const unit = await em.findOne(MemberUnit, { where: { id: input.memberUnitId, tenantId: tenant.id, active: true } });
        if (!unit) throw AppError.badInput('input.memberUnitId', 'is not an active member unit of this tenant');
        if (input.roles.includes(Role.VILLAGE_SECRETARY) && unit.kind !== MemberUnitKind.VILLAGE && unit.kind !== MemberUnitKind.COMMUNITY) {
          throw AppError.badInput('input.memberUnitId', 'a VILLAGE_SECRETARY belongs to a village or community unit');
        }
      }
      const taken = await em
        .createQueryBuilder(User, 'u')
        .where('u.tenant_id = :tenantId AND lower(u.username) = lower(:username)', { tenantId: tenant.id, username: input.username })
        .getExists();
      if (taken) throw AppError.conflict(`username "${input.username}" is already taken in this tenant`, 'input.username');
      const created = await em.save(
        em.create(User, {
          tenantId: tenant.id,
          username: input.username,
          displayName: input.displayName,
          roles: input.roles,
          memberUnitId: input.memberUnitId ?? null,
        }),
      );
      // No RETURNING: a tenant's transaction may insert a credential but never read one back (RLS).
      await em.query(`INSERT INTO user_credential (user_id, tenant_id, password_hash) VALUES ($1, $2, $3)`, [created.id, tenant.id, passwordHash]);
      return created;
    });
    await this.afterCommit(WELCOME_JOB, { tenantId: user.tenantId!, userId: user.id }, jobId('welcome', user.id));
    return user;
  }

  /** Creates the platform admin on a database without one; returns the generated password, if any. */
  async ensurePlatformAdmin(password: string | undefined): Promise<{ created: boolean; generatedPassword: string | null }> {
    return this.db.run(RequestContext.platform(), async ({ em }) => {
      const exists = await em
        .createQueryBuilder(User, 'u')
        .where('u.tenant_id IS NULL AND :role = ANY(u.roles)', { role: Role.PLATFORM_ADMIN })
        .getExists();
      if (exists) return { created: false, generatedPassword: null };
      const generated = password ? null : randomPassword();
      const admin = await em.save(em.create(User, { tenantId: null, username: 'admin', displayName: 'Platform administrator', roles: [Role.PLATFORM_ADMIN], memberUnitId: null }));
      await em.insert(UserCredential, { userId: admin.id, tenantId: null, passwordHash: await this.hash(password ?? generated!) });
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

function randomPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
