import { Inject } from '@nestjs/common';
import { Args, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { AFTER_ARG, checkLimit, LIMIT_ARG, PageOf } from '@engine/graphql';
import { AuditChainCheck, AuditEntry } from './audit.model';
import { AuditService } from './audit.service';

@ObjectType('AuditEntryPage')
export class AuditEntryPage extends PageOf(AuditEntry) {}

@Resolver()
export class AuditResolver {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  @Allow('read', 'Audit')
  @Query(() => [AuditEntry], {
    description: "A tenant's audit trail, newest first (page with beforeSeq).",
    deprecationReason: 'Use auditTrailPage (cursor + limit).',
  })
  auditTrail(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('limit', { type: () => Int, defaultValue: 100 }) limit: number,
    @Args('beforeSeq', { type: () => Int, nullable: true }) beforeSeq?: number,
  ): Promise<AuditEntry[]> {
    return this.audit.entries(ctx, tenantCode, Math.min(Math.max(limit, 1), 500), beforeSeq);
  }

  @Allow('read', 'Audit')
  @Query(() => AuditEntryPage, {
    description: "A tenant's audit trail, newest first (by seq), a page at a time.",
  })
  auditTrailPage(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('limit', LIMIT_ARG) limit: number,
  ): Promise<AuditEntryPage> {
    return this.audit.page(ctx, tenantCode, { limit: checkLimit(limit), after });
  }

  @Allow('read', 'Audit')
  @Query(() => AuditChainCheck, { description: "Verifies a tenant's hash chain and reports the first broken link." })
  verifyAuditChain(@Ctx() ctx: RequestContext, @Args('tenantCode') tenantCode: string): Promise<AuditChainCheck> {
    return this.audit.verify(ctx, tenantCode);
  }
}
