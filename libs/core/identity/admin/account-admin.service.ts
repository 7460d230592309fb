import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@engine/config';
import { RequestContext } from '@engine/context';
import { Role, UNIT_ROLES } from '../roles';
import { Db, type Tx } from '@engine/database';
import { AppError, PLATFORM_ERRORS } from '@engine/errors';
import { IDENTITY_ERRORS } from '../identity.errors';
import { Tenant } from '@core/tenancy/entities';
import { AccountChange, AccountChangeKind } from '../account-change.entity';
import { assertMayGrant, assertNotSelf } from '../account-authority';
import { AccountFiling } from '../account-filing';
import { accountsRepository as accounts } from '../accounts.repository';
import { assertAssignable, assertUnitFits } from '../identity.service';
import { Passwords, randomPassword } from '../passwords';
import { SessionsService } from '../sessions/sessions.service';
import { foldTenantCode, foldUsername } from '../sign-in-name';
import { User } from '../user.entity';
import type {
  ChangeUserRolesInput,
  ChangeUserUnitInput,
  UserActionInput,
  UsersArgs,
} from '../dto/account-admin.inputs';
import type { AccountChangePage, PasswordReset, UserPage } from './account-admin.model';

/** What a change does to the account, given the locked row; returns the roles after it (and detail to file). */
type Mutation = (em: EntityManager, user: User) => Promise<{ detail?: AccountChange['detail'] } | void>;

interface ChangeSpec {
  kind: AccountChangeKind;
  /** The platform admin may do it (it only takes access away, or restores exactly what was there). */
  platformMay: boolean;
  /** Roles the account will hold after it (checked against the grant matrix with the current ones). */
  newRoles?: readonly Role[];
  /** End the account's sessions and make its access tokens stale. */
  endSessions: boolean;
}

/**
 * User administration: the directory of a tenant, and changes to accounts, each within the grant
 * matrix, filed (备案) with its reason and reported to the tenant's conveners and office. Every change
 * raises the account's token version, so its access tokens are refused within TOKEN_VERSION_CACHE_MS on
 * every replica (at once on this one); deactivation and resets also end its sessions.
 */
@Injectable()
export class AccountAdminService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Passwords) private readonly passwords: Passwords,
    @Inject(AccountFiling) private readonly filing: AccountFiling,
    @Inject(SessionsService) private readonly sessions: SessionsService,
  ) {}

  async users(ctx: RequestContext, args: UsersArgs): Promise<UserPage> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await em.findOne(Tenant, { where: { code: args.tenantCode } });
      if (!tenant) throw AppError.notFound(`Tenant "${args.tenantCode}"`);
      if (!ctx.ability.can('read', subject('User', { tenantId: tenant.id, parentTenantId: tenant.parentId }))) {
        throw IDENTITY_ERRORS.forbidden('MAY_NOT_LIST_USERS');
      }
      const after = args.after ? decodeCursor(args.after) : undefined;
      const rows = await accounts.page(
        em,
        tenant.id,
        { search: args.search, role: args.role, active: args.active, after },
        args.limit + 1,
      );
      const items = rows.slice(0, args.limit);
      return { items, nextCursor: rows.length > args.limit ? encodeCursor(items[items.length - 1].username) : null };
    });
  }

  /** One user, or null when absent or not visible to the caller. */
  async user(ctx: RequestContext, id: string): Promise<User | null> {
    return this.db.run(ctx, async ({ em }) => {
      const user = await em.findOne(User, { where: { id } });
      if (!user) return null;
      const tenant = user.tenantId ? await em.findOne(Tenant, { where: { id: user.tenantId } }) : null;
      return ctx.ability.can(
        'read',
        subject('User', { id: user.id, tenantId: user.tenantId, parentTenantId: tenant?.parentId ?? null }),
      )
        ? user
        : null;
    });
  }

  /**
   * An account by its tenant code (null: a platform account) and username, for the operator's CLI:
   * `RequestContext.platform()` finds any account (whom the operator acts as); any other context only
   * an account it may read. Null when there is none.
   */
  async byName(ctx: RequestContext, tenantCode: string | null, username: string): Promise<User | null> {
    const name = foldUsername(username);
    if (!name) throw IDENTITY_ERRORS.badInput('username', 'USERNAME_INVALID');
    return this.db.run(ctx, async ({ em }) => {
      const tenant =
        tenantCode === null ? null : await em.findOne(Tenant, { where: { code: foldTenantCode(tenantCode) } });
      if (tenantCode !== null && !tenant) return null;
      const user = await accounts.byUsername(em, tenant?.id ?? null, name);
      if (!user) return null;
      if (!ctx.isAuthenticated) return user;
      return ctx.ability.can(
        'read',
        subject('User', { id: user.id, tenantId: user.tenantId, parentTenantId: tenant?.parentId ?? null }),
      )
        ? user
        : null;
    });
  }

  /** Whether the caller administers this account (sees its last sign-in and forced-change state). */
  administers(ctx: RequestContext, user: User): boolean {
    return ctx.caller.userId === user.id || ctx.ability.can('update', subject('User', { tenantId: user.tenantId }));
  }

  async changes(ctx: RequestContext, tenantCode: string, limit: number, after?: string): Promise<AccountChangePage> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 200)
      throw PLATFORM_ERRORS.badInput('limit', 'LIMIT_OUT_OF_RANGE', { max: 200 });
    const cursor = after ? decodeChangeCursor(after) : null;
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await em.findOne(Tenant, { where: { code: tenantCode } });
      if (!tenant) throw AppError.notFound(`Tenant "${tenantCode}"`);
      if (!ctx.ability.can('read', subject('AccountChange', { tenantId: tenant.id })))
        throw IDENTITY_ERRORS.forbidden('ACCOUNT_FILING_RESTRICTED');
      const rows = await accounts.changesPage(em, tenant.id, cursor, limit + 1);
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      return {
        items,
        nextCursor:
          rows.length > limit
            ? Buffer.from(JSON.stringify({ t: new Date(last.filedAt).toISOString(), i: last.id }), 'utf8').toString(
                'base64url',
              )
            : null,
      };
    });
  }

  deactivate(ctx: RequestContext, input: UserActionInput): Promise<User> {
    return this.change(
      ctx,
      input,
      { kind: AccountChangeKind.DEACTIVATED, platformMay: true, endSessions: true },
      async (em, user) => {
        if (!user.active) throw IDENTITY_ERRORS.conflict('ACCOUNT_ALREADY_INACTIVE');
        user.active = false;
        user.deactivatedAt = new Date();
      },
    );
  }

  reactivate(ctx: RequestContext, input: UserActionInput): Promise<User> {
    return this.change(
      ctx,
      input,
      { kind: AccountChangeKind.REACTIVATED, platformMay: true, endSessions: false },
      async (em, user) => {
        if (user.active) throw IDENTITY_ERRORS.conflict('ACCOUNT_ALREADY_ACTIVE');
        user.active = true;
        user.deactivatedAt = null;
      },
    );
  }

  changeRoles(ctx: RequestContext, input: ChangeUserRolesInput): Promise<User> {
    const unitRoles = input.roles.some((r) => UNIT_ROLES.includes(r));
    return this.change(
      ctx,
      input,
      { kind: AccountChangeKind.ROLES_CHANGED, platformMay: false, newRoles: input.roles, endSessions: false },
      async (em, user) => {
        const unit = input.memberUnitId ?? (unitRoles ? user.memberUnitId : null);
        assertAssignable(input.roles, unit);
        if (unit) await assertUnitFits(em, user.tenantId!, unit, input.roles);
        const detail = { unitBefore: user.memberUnitId, unitAfter: unit };
        user.roles = [...input.roles];
        user.memberUnitId = unit;
        return { detail };
      },
    );
  }

  changeUnit(ctx: RequestContext, input: ChangeUserUnitInput): Promise<User> {
    return this.change(
      ctx,
      input,
      { kind: AccountChangeKind.UNIT_CHANGED, platformMay: false, endSessions: false },
      async (em, user) => {
        const unit = input.memberUnitId ?? null;
        assertAssignable(user.roles, unit);
        if (unit) await assertUnitFits(em, user.tenantId!, unit, user.roles);
        if (unit === user.memberUnitId) throw IDENTITY_ERRORS.badInput('input.memberUnitId', 'SAME_UNIT');
        const detail = { unitBefore: user.memberUnitId, unitAfter: unit };
        user.memberUnitId = unit;
        return { detail };
      },
    );
  }

  requirePasswordChange(ctx: RequestContext, input: UserActionInput): Promise<User> {
    return this.change(
      ctx,
      input,
      { kind: AccountChangeKind.PASSWORD_CHANGE_REQUIRED, platformMay: true, endSessions: true },
      async (em, user) => {
        user.mustChangePassword = true;
      },
    );
  }

  /**
   * A temporary password, shown once: it works for one sign-in before PASSWORD_RESET_TTL, and that
   * sign-in may only choose a new password. Whoever receives it holds the account, so a reset is a
   * grant of the account's roles: the same matrix applies (the platform admin resets no tenant account).
   */
  async resetPassword(ctx: RequestContext, input: UserActionInput): Promise<PasswordReset> {
    const temporaryPassword = randomPassword();
    const hash = await this.passwords.hash(temporaryPassword);
    const expiresAt = new Date(Date.now() + this.config.passwordResetTtlSeconds * 1000);
    const user = await this.change(
      ctx,
      input,
      { kind: AccountChangeKind.PASSWORD_RESET, platformMay: false, endSessions: false },
      async (em, account) => {
        account.mustChangePassword = true;
      },
    );
    // Credentials are written in platform scope only (RLS); the reset was authorised and filed above.
    await this.db.run(RequestContext.platform(), ({ em }) => accounts.setPassword(em, user.id, hash, expiresAt));
    await this.sessions.endAll(user.id, 'PASSWORD_RESET', { bumpVersion: false });
    return { user: { ...user, mustChangePassword: true }, temporaryPassword, expiresAt };
  }

  /** Load and lock the account, check who may change it, apply `mutate`, raise its token version, file it; then end sessions and report. */
  private async change(ctx: RequestContext, input: UserActionInput, spec: ChangeSpec, mutate: Mutation): Promise<User> {
    assertNotSelf(ctx, input.userId);
    const { user, filed } = await this.db.run(ctx, async (tx) => {
      const { em } = tx;
      const seen = await em.findOne(User, { where: { id: input.userId } });
      if (!seen || !seen.tenantId) throw AppError.notFound('User');
      const tenant = await em.findOne(Tenant, { where: { id: seen.tenantId } });
      if (!tenant) throw AppError.notFound('User');
      if (!ctx.ability.can('update', subject('User', { tenantId: tenant.id, parentTenantId: tenant.parentId }))) {
        throw IDENTITY_ERRORS.forbidden('NOT_ACCOUNT_ADMINISTRATOR');
      }
      const platform = ctx.caller.roles.includes(Role.PLATFORM_ADMIN);
      if (!(platform && spec.platformMay))
        await assertMayGrant(em, ctx, tenant, [...new Set([...seen.roles, ...(spec.newRoles ?? [])])], {
          creating: false,
        });
      if (tenant.id !== ctx.scope.tenantId) await this.db.extendScope(tx, tenant.id);
      const account = await this.lock(tx, seen.id);
      const rolesBefore = [...account.roles];
      const result = (await mutate(em, account)) ?? {};
      account.tokenVersion += 1;
      const saved = await em.save(account);
      const change = await this.filing.file(em, ctx, saved, {
        kind: spec.kind,
        rolesBefore,
        rolesAfter: saved.roles,
        reason: input.reason,
        detail: result.detail,
      });
      return { user: saved, filed: change };
    });
    // The version was raised in the transaction: every access token goes stale (refreshSession re-reads
    // roles and unit); deactivation and forced changes also end the sessions, so no refresh continues.
    if (spec.endSessions) await this.sessions.endAll(user.id, spec.kind, { bumpVersion: false });
    else this.sessions.forget(user.id);
    await this.filing.report(filed);
    return user;
  }

  private async lock(tx: Tx, id: string): Promise<User> {
    const user = await tx.em.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw AppError.notFound('User');
    return user;
  }
}

function encodeCursor(username: string): string {
  return Buffer.from(JSON.stringify({ u: username }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { u?: unknown };
    if (typeof parsed.u === 'string' && parsed.u.length <= 64) return parsed.u;
  } catch {
    // fall through
  }
  throw PLATFORM_ERRORS.badInput('after', 'CURSOR_INVALID');
}

function decodeChangeCursor(cursor: string): { filedAt: string; id: string } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { t?: unknown; i?: unknown };
    if (
      typeof parsed.t === 'string' &&
      !Number.isNaN(Date.parse(parsed.t)) &&
      typeof parsed.i === 'string' &&
      /^[0-9a-f-]{36}$/i.test(parsed.i)
    )
      return { filedAt: parsed.t, id: parsed.i };
  } catch {
    // fall through
  }
  throw PLATFORM_ERRORS.badInput('after', 'CURSOR_INVALID');
}
