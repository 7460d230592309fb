import { Inject, Injectable } from '@nestjs/common';
import { isIsoDate } from '@engine/calendar';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { PLATFORM_ERRORS } from '@engine/errors';
import type { Page } from '@engine/graphql';
import type { CaseReview } from './case-review.entity';
import type { CaseScreening } from './case-records.entity';
import { reviewsPage, screeningsPage } from './case-lists.query';
import { caseVisibility, tenantByCode } from './case-rules';

type PageArgs = { limit: number; after: string | null };

/**
 * The pages of the reviews and screenings lists (docs/api-conventions.md): the same tenant and the same
 * member-unit narrowing as `ReviewService.list` and `ScreeningService.list`, a page at a time. Apart from
 * those services because they are the rules of a review and of a screening, near their size limit.
 */
@Injectable()
export class CaseListPages {
  constructor(@Inject(Db) private readonly db: Db) {}

  reviews(ctx: RequestContext, tenantCode: string, openOnly: boolean, page: PageArgs): Promise<Page<CaseReview>> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode);
      return reviewsPage(em, tenant.id, caseVisibility(ctx, 'c'), openOnly, page);
    });
  }

  screenings(
    ctx: RequestContext,
    tenantCode: string,
    filter: { periodStart: string | null; unsettledOnly: boolean },
    page: PageArgs,
  ): Promise<Page<CaseScreening>> {
    if (filter.periodStart !== null && !isIsoDate(filter.periodStart))
      throw PLATFORM_ERRORS.badInput('periodStart', 'NOT_A_DATE');
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode);
      return screeningsPage(em, tenant.id, caseVisibility(ctx, 'c'), filter, page);
    });
  }
}
