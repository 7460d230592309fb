import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { LRUCache } from 'lru-cache';
import type { Caller, Role } from '@engine/context';

/** Claims of an access token: the caller as established at login. */
export interface TokenClaims {
  sub: string;
  usr: string;
  tid: string | null;
  roles: Role[];
  unit: string | null;
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

  constructor(secret: string, private readonly ttlSeconds: number) {
    // A KeyObject, made once: given a string, jsonwebtoken first tries (and fails) to parse it as a
    // public or private key on every sign and verify — a thrown exception per request, a fifth of the
    // API's CPU time under load in the benchmark.
    const key = createSecretKey(Buffer.from(secret, 'utf8')) as unknown as string;
    this.jwt = new JwtService({ secret: key, signOptions: { algorithm: 'HS256', expiresIn: ttlSeconds }, verifyOptions: { algorithms: ['HS256'] } });
  }

  sign(caller: Caller): { token: string; expiresAt: Date } {
    const claims: TokenClaims = { sub: caller.userId, usr: caller.username, tid: caller.tenantId, roles: caller.roles, unit: caller.memberUnitId };
    return { token: this.jwt.sign(claims), expiresAt: new Date(Date.now() + this.ttlSeconds * 1000) };
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
      if (typeof c.sub !== 'string' || !Array.isArray(c.roles) || typeof c.exp !== 'number') return null;
      const caller: Caller = { userId: c.sub, username: c.usr, tenantId: c.tid ?? null, roles: c.roles, memberUnitId: c.unit ?? null };
      this.verified.set(token, { caller: { ...caller, roles: [...caller.roles] }, expiresAtMs: c.exp * 1000 });
      return caller;
    } catch {
      return null;
    }
  }
}

export const TOKEN_SERVICE = Symbol('TOKEN_SERVICE');
