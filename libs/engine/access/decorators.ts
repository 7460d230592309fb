import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Action, SubjectType } from './ability';
import type { RequestContext } from '@engine/context';

export const PUBLIC_KEY = 'access:public';
export const POLICY_KEY = 'access:policy';
export const PASSWORD_CHANGE_KEY = 'access:password-change';

export interface Policy {
  action: Action;
  subject: SubjectType;
}

/** The operation needs no authentication (login). Everything else is denied unless it declares a policy. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/**
 * The coarse check the guard makes before the resolver runs: the caller must be able to `action` some
 * `subject`. Services then check the concrete object (`ctx.ability.can(action, subject(type, obj))`).
 */
export const Allow = (action: Action, subject: SubjectType): MethodDecorator =>
  SetMetadata(POLICY_KEY, { action, subject } satisfies Policy);

/**
 * Also open to a token that only allows changing the password (signed in with a temporary or
 * must-change password): `me`, `changePassword`, `logout`. Every other operation refuses such a token.
 */
export const PasswordChangeAllowed = (): MethodDecorator => SetMetadata(PASSWORD_CHANGE_KEY, true);

/** Any authenticated caller may run it (e.g. `me`). */
export const Authenticated = (): MethodDecorator => SetMetadata(POLICY_KEY, 'authenticated');

export function requestOf(context: ExecutionContext): {
  ctx?: RequestContext;
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
} {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{
      req: { ctx?: RequestContext; headers: Record<string, string>; ip?: string };
    }>().req;
  }
  return context.switchToHttp().getRequest();
}

/** The request context, first argument of every service call. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  const ctx = requestOf(context).ctx;
  if (!ctx) throw new Error('No RequestContext on the request: is the AccessGuard installed?');
  return ctx;
});
