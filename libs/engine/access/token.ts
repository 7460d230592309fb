import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { LRUCache } from 'lru-cache';
import type { Caller, RoleName } from '@engine/context';

/** Claims of an access token: the caller as established at login. */
export interface TokenClaims {
  sub: string;
  usr: string;
  tid: string | null;
  roles: RoleName[];
  unit: string | null;
  /** Session id and the account's token version at signing (checked per request against the database). */
  sid: string;
  ver: number;
  /** Present and true: the token only allows changing the password. */
  pwd?: boolean;
}

/** Signs and verifies access tokens (JWT, HS256 only: no `alg` negotiation). */
export class TokenService {
  private readonly jwt: JwtService;
  /**
   * Tokens already verified, by their exact text (signature included), with their expiry: a client
   * sends the same token for an hour, and re-verifying it on every request cost the API a few per
   * cent of its CPU in the benchmark. Expiry is still checked on every use.
   */
  private readonly verified = new LRUCache<string, { caller: Caller; expiresAtMs: number }>({ max: 10_000 });

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    // A KeyObject, made once: given a string, jsonwebtoken first tries (and fails) to parse it as a
    // public or private key on every sign and verify — a thrown exception per request, a fifth of the
    // API's CPU time under load in the benchmark.
    const key = createSecretKey(Buffer.from(secret, 'utf8')) as unknown as string;
    this.jwt = new JwtService({
      secret: key,
      signOptions: { algorithm: 'HS256', expiresIn: ttlSeconds },
      verifyOptions: { algorithms: ['HS256'] },
    });
  }

  /**
   * A token for a caller of a session; it expires after the configured lifetime or at `notAfter` (the
   * session's absolute end), whichever comes first.
   */
  sign(
    caller: Caller & { sessionId: string; tokenVersion: number },
    notAfter?: Date,
  ): { token: string; expiresAt: Date } {
    const claims: TokenClaims = {
      sub: caller.userId,
      usr: caller.username,
      tid: caller.tenantId,
      roles: caller.roles,
      unit: caller.memberUnitId,
      sid: caller.sessionId,
      ver: caller.tokenVersion,
    };
    if (caller.passwordChangeOnly) claims.pwd = true;
    const nowSeconds = Math.floor(Date.now() / 1000);
    const cap = notAfter ? Math.floor(notAfter.getTime() / 1000) - nowSeconds : this.ttlSeconds;
    const seconds = Math.max(1, Math.min(this.ttlSeconds, cap));
    return { token: this.jwt.sign(claims, { expiresIn: seconds }), expiresAt: new Date((nowSeconds + seconds) * 1000) };
  }

  /** The caller, or null for a malformed, forged or expired token. */
  verify(token: string): Caller | null {
    const hit = this.verified.get(token);
    if (hit) {
      // jsonwebtoken's own rule: expired once now (in whole seconds) reaches `exp`.
      if (Math.floor(Date.now() / 1000) * 1000 >= hit.expiresAtMs) {
        this.verified.delete(token);
        return null;
      }
      return { ...hit.caller, roles: [...hit.caller.roles] };
    }
    try {
      const c = this.jwt.verify<TokenClaims & { exp: number }>(token);
      // A token without a session and version (signed before sessions existed) is no longer accepted.
      if (
        typeof c.sub !== 'string' ||
        !Array.isArray(c.roles) ||
        typeof c.exp !== 'number' ||
        typeof c.sid !== 'string' ||
        typeof c.ver !== 'number'
      )
        return null;
      const caller: Caller = {
        userId: c.sub,
        username: c.usr,
        tenantId: c.tid ?? null,
        roles: c.roles,
        memberUnitId: c.unit ?? null,
        sessionId: c.sid,
        tokenVersion: c.ver,
        passwordChangeOnly: c.pwd === true,
      };
      this.verified.set(token, { caller: { ...caller, roles: [...caller.roles] }, expiresAtMs: c.exp * 1000 });
      return caller;
    } catch {
      return null;
    }
  }
}

export const TOKEN_SERVICE = Symbol('TOKEN_SERVICE');
