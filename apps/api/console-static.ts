import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

// Paths the API owns: the console's SPA fallback never answers them, even for a browser.
const API_PATHS = /^\/(graphql|graphiql|health|metrics|documents)(\/|\.|$)/;

/** dist/console, whether the API runs from dist/ (npm start) or from sources (tests). */
export function consoleDir(): string | null {
  const candidates = [
    fileURLToPath(new URL('../../console', import.meta.url)),
    fileURLToPath(new URL('../../dist/console', import.meta.url)),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/**
 * Serves the built console at `/`: hashed assets cached for a year, any other browser navigation
 * (a client route such as /meetings/…) answered with index.html. Does nothing when not built.
 */
export function serveConsole(app: NestExpressApplication, dir: string | null = consoleDir()): void {
  if (!dir) return;
  const index = join(dir, 'index.html');
  app.useStaticAssets(join(dir, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '365d', index: false });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const browser = req.path === '/' || req.accepts(['json', 'html']) === 'html';
    if (!browser || API_PATHS.test(req.path) || req.path.startsWith('/assets/')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
