import type { NextFunction, Request, Response } from 'express';
import type { TokenService, DownloadLinks } from '@engine/access';

/**
 * `/documents/…?link=…` (createDownloadLink): a genuine, unexpired link made for this path stands in
 * for the Authorization header of this one request; the controller's access rules then apply as for
 * the caller who asked for the link. A bad or expired link is refused, never ignored.
 */
export function downloadLinkRoute(links: () => DownloadLinks, tokens: () => TokenService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const link = req.query.link;
    if (link === undefined) return next();
    const caller = typeof link === 'string' ? links().verify(link, req.baseUrl + req.path) : null;
    // The link acts within the session that asked for it: refused once that session ends (the guard checks it).
    if (!caller || !caller.sessionId || caller.tokenVersion === undefined) {
      res.status(401).json({
        error: {
          code: 'UNAUTHENTICATED',
          reason: 'LINK_INVALID',
          message: 'The download link is invalid or expired',
        },
      });
      return;
    }
    req.headers.authorization = `Bearer ${tokens().sign({ ...caller, sessionId: caller.sessionId, tokenVersion: caller.tokenVersion }).token}`;
    next();
  };
}
