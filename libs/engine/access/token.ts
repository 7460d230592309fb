import { JwtService } from '@nestjs/jwt';
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

  constructor(secret: string, private readonly ttlSeconds: number) {
    this.jwt = new JwtService({ secret, signOptions: { algorithm: 'HS256', expiresIn: ttlSeconds }, verifyOptions: { algorithms: ['HS256'] } });
  }

  sign(caller: Caller): { token: string; expiresAt: Date } {
    const claims: TokenClaims = { sub: caller.userId, usr: caller.username, tid: caller.tenantId, roles: caller.roles, unit: caller.memberUnitId };
    return { token: this.jwt.sign(claims), expiresAt: new Date(Date.now() + this.ttlSeconds * 1000) };
  }

  /** The caller, or null for a malformed, forged or expired token. */
  verify(token: string): Caller | null {
    try {
      const c = this.jwt.verify<TokenClaims & { exp: number }>(token);
      if (typeof c.sub !== 'string' || !Array.isArray(c.roles)) return null;
      return { userId: c.sub, username: c.usr, tenantId: c.tid ?? null, roles: c.roles, memberUnitId: c.unit ?? null };
    } catch {
      return null;
    }
  }
}

export const TOKEN_SERVICE = Symbol('TOKEN_SERVICE');
