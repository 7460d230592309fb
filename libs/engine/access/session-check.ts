import type { Caller } from '@engine/context';

/** Why a well-signed token is no longer accepted. */
export type SessionRefusal = 'ACCOUNT_INACTIVE' | 'TOKEN_REVOKED' | 'SESSION_REVOKED';

/**
 * The per-request check behind a verified token: the account is active, its token version is the one
 * the token carries, and the token's session is open. Implemented by identity (which owns accounts and
 * sessions); the guard only asks. Answers may be cached briefly per process.
 */
export interface SessionCheck {
  refusal(caller: Caller): Promise<SessionRefusal | null>;
}

export const SESSION_CHECK = Symbol('SESSION_CHECK');
