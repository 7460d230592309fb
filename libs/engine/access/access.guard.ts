import { Inject, Injectable, Optional, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { LRUCache } from 'lru-cache';
import { AppError, ErrorCode } from '@engine/errors';
import { RequestContext, type Caller } from '@engine/context';
import { createAbility, type AppAbility, type RulesFor } from './ability';
import { PASSWORD_CHANGE_KEY, POLICY_KEY, PUBLIC_KEY, requestOf, type Policy } from './decorators';
import { SESSION_CHECK, type SessionCheck, type SessionRefusal } from './session-check';
import { TOKEN_SERVICE, type TokenService } from './token';

export const ABILITY_RULES = Symbol('ABILITY_RULES');

function operationKind(context: ExecutionContext): string | null {
  if (context.getType<string>() !== 'graphql') return null;
  return GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>().operation.operation;
}

/**
 * The one guard, global: authenticates the bearer token (signature and expiry, then the account's
 * token version and session through SESSION_CHECK), builds the request context and ability, and denies
 * by default — an operation without `@Public()`, `@Authenticated()` or `@Allow()` is refused.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  /** Abilities depend only on the caller's claims: cache them per user and role set. */
  private readonly abilities = new LRUCache<string, AppAbility>({ max: 5000, ttl: 10 * 60_000 });

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TOKEN_SERVICE) private readonly tokens: TokenService,
    @Inject(ABILITY_RULES) private readonly rules: RulesFor[],
    @Optional() @Inject(SESSION_CHECK) private readonly sessions: SessionCheck | null = null,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = requestOf(context) as ReturnType<typeof requestOf> & {
      sessionChecked?: Promise<SessionRefusal | null>;
    };
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
    const policy = this.reflector.getAllAndOverride<Policy | 'authenticated' | undefined>(POLICY_KEY, targets);
    let caller = this.authenticate(req.headers.authorization);
    if (caller && this.sessions) {
      // Once per request (an operation with several root fields passes here for each).
      const refusal = await (req.sessionChecked ??= this.sessions.refusal(caller));
      if (refusal && !isPublic) throw new AppError(ErrorCode.UNAUTHENTICATED, REFUSALS[refusal], { reason: refusal });
      if (refusal) caller = null; // a public operation (login, refreshSession) runs as anonymous
    }
    if (!req.ctx) {
      req.ctx = caller
        ? RequestContext.forCaller(caller, this.abilityFor(caller), req.ip ?? null)
        : RequestContext.anonymous(req.ip ?? null);
      // A query operation's reads share one transaction (Db.run); a mutation's fields keep their own.
      req.ctx.operation.shareReads = operationKind(context) === 'query';
    }
    if (isPublic) return true;
    if (!caller) throw AppError.unauthenticated();
    if (caller.passwordChangeOnly && !this.reflector.getAllAndOverride<boolean>(PASSWORD_CHANGE_KEY, targets)) {
      throw new AppError(ErrorCode.FORBIDDEN, 'The password must be changed first (changePassword)', {
        reason: 'PASSWORD_CHANGE_REQUIRED',
      });
    }
    if (policy === 'authenticated') return true;
    if (!policy) throw AppError.forbidden('This operation declares no access policy');
    if (!req.ctx.ability.can(policy.action, policy.subject)) throw AppError.forbidden();
    return true;
  }

  private authenticate(header: string | string[] | undefined): Caller | null {
    if (typeof header !== 'string' || header === '') return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const caller = match ? this.tokens.verify(match[1]) : null;
    if (!caller) throw AppError.unauthenticated('The access token is invalid or expired');
    return caller;
  }

  private abilityFor(caller: Caller): AppAbility {
    // A password-change-only token acts for nobody: no grants at all.
    if (caller.passwordChangeOnly) return createAbility(caller, []);
    const key = `${caller.userId}|${caller.tenantId}|${caller.memberUnitId}|${[...caller.roles].sort().join(',')}`;
    let ability = this.abilities.get(key);
    if (!ability) {
      ability = createAbility(caller, this.rules);
      this.abilities.set(key, ability);
    }
    return ability;
  }
}

const REFUSALS: Record<SessionRefusal, string> = {
  ACCOUNT_INACTIVE: 'This account is deactivated',
  TOKEN_REVOKED:
    'This access token was revoked (roles changed, password reset or signed out everywhere): refresh the session or sign in again',
  SESSION_REVOKED: 'This session has ended: sign in again',
};
