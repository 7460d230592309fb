import helmet from 'helmet';
import type { RequestHandler } from 'express';
import type { AppConfig } from '@engine/config';

/**
 * helmet's headers with a strict Content-Security-Policy (no inline scripts, nothing from another
 * origin). HSTS, `upgrade-insecure-requests` and the cross-origin opener policy only when the API is
 * reached over TLS (TLS=on): on a plain-HTTP LAN address they would send the browser to https for
 * every asset, and all of them would fail.
 */
export function securityHeaders(config: Pick<AppConfig, 'tls'>): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        upgradeInsecureRequests: config.tls ? [] : null,
      },
    },
    strictTransportSecurity: config.tls ? { maxAge: 15_552_000, includeSubDomains: true } : false,
    crossOriginOpenerPolicy: config.tls,
  });
}
