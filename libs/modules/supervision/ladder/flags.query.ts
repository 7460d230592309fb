import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { keysetPage, type Page } from '@engine/graphql';
import { SUPERVISION_ERRORS } from '../supervision.errors';
import { SupervisionFlag } from './flag.entity';
import { tenantByCode } from '../supervision-rules';

@Injectable()
export class FlagsQuery {
  constructor(@Inject(Db) private readonly db: Db) {}

  async list(ctx: RequestContext, tenantCode: string, limit: number): Promise<SupervisionFlag[]> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode, 'tenantCode');
      if (!ctx.ability.can('read', subject('SupervisionFlag', { tenantId: tenant.id })))
        throw SUPERVISION_ERRORS.forbidden('FLAGS_READERS');
      return em.find(SupervisionFlag, {
        where: { tenantId: tenant.id },
        order: { flaggedAt: 'DESC', id: 'DESC' },
        take: limit,
      });
    });
  }

  /** One page of them, latest flagged first (keyset on flagged_at, id). */
  async page(
    ctx: RequestContext,
    tenantCode: string,
    limit: number,
    after: string | null,
  ): Promise<Page<SupervisionFlag>> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode, 'tenantCode');
      if (!ctx.ability.can('read', subject('SupervisionFlag', { tenantId: tenant.id })))
        throw SUPERVISION_ERRORS.forbidden('FLAGS_READERS');
      const qb = em.createQueryBuilder(SupervisionFlag, 'f').where('f.tenant_id = :t', { t: tenant.id });
      return keysetPage(qb, { alias: 'f', column: 'flagged_at', keyOf: (f) => f.flaggedAt, after, limit });
    });
  }
}
