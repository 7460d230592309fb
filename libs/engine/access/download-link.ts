import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { Caller } from '@engine/context';

/** Document paths a link may open (the REST downloads under /documents). */
export const DOWNLOAD_PATH = /^\/documents\/[A-Za-z0-9._-]+(\/[A-Za-z0-9._%-]+)*$/;

interface LinkPayload {
  /** The path this link opens, and only it. */
  p: string;
  /** Expiry, seconds since the epoch. */
  e: number;
  c: Caller;
}

/**
 * Short-lived signed download links: `?link=<payload>.<HMAC>` opens one path, as the caller who asked
 * for it, until it expires — a plain link a browser can follow without the bearer header. The key is
 * derived from the token secret; the payload names the caller (ids and roles, no personal data).
 */
export class DownloadLinks {
  private readonly key: Buffer;

  constructor(
    secret: string,
    readonly ttlSeconds = 300,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'joint-meeting', 'download-link', 32));
  }

  sign(caller: Caller, path: string, now = Date.now()): { url: string; expiresAt: Date } {
    const e = Math.floor(now / 1000) + this.ttlSeconds;
    const payload = Buffer.from(JSON.stringify({ p: path, e, c: caller } satisfies LinkPayload)).toString('base64url');
    return { url: `${path}?link=${payload}.${this.mac(payload)}`, expiresAt: new Date(e * 1000) };
  }

  /** The caller when `link` is genuine, unexpired and made for `path`; null otherwise. */
  verify(link: string, path: string, now = Date.now()): Caller | null {
    const [payload, mac] = link.split('.');
    if (!payload || !mac) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as LinkPayload;
      return body.p === path && body.e * 1000 > now ? body.c : null;
    } catch {
      return null;
    }
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
