import type { RequestContext } from '@engine/context';
import { AppError, ErrorCode } from '@engine/errors';

/** The stable reason a client receives when a drafter tries to approve their own paper. */
export const SEPARATION_OF_DUTIES = 'SEPARATION_OF_DUTIES';

/**
 * Separation of duties (审核与起草分离): whoever drafted, submitted or proposed a paper (minutes, a report,
 * an inspection proposal, work points) never approves it, whatever roles they hold. A township where one
 * person is both office director and convener needs a second signatory for its own drafts.
 */
export function refuseOwnPaper(
  ctx: RequestContext,
  authors: readonly (string | null | undefined)[],
  what: string,
): void {
  if (authors.some((a) => a && a === ctx.caller.userId)) {
    throw new AppError(ErrorCode.FORBIDDEN, `You drafted or submitted ${what}: another person approves it`, {
      reason: SEPARATION_OF_DUTIES,
    });
  }
}
