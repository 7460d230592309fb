import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { AuditChainCheck, AuditEntry } from './audit.model';
import { AuditService } from './audit.service';

@Resolver()
export class AuditResolver {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  @Allow('read', 'Audit')
  @Query(() => [AuditEntry], { description: "A tenant's audit trail, newest first (page with beforeSeq)." })
  auditTrail(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('limit', { type: () => Int, defaultValue: 100 }) limit: number,
    @Args('beforeSeq', { type: () => Int, nullable: true }) beforeSeq?: number,
  ): Promise<AuditEntry[]> {
    return this.audit.entries(ctx, tenantCode, Math.min(Math.max(limit, 1), 500), beforeSeq);
  }

  @Allow('read', 'Audit')
  @Query(() => AuditChainCheck, { description: "Verifies a tenant's hash chain and reports the first broken link." })
  verifyAuditChain(@Ctx() ctx: RequestContext, @Args('tenantCode') tenantCode: string): Promise<AuditChainCheck> {
    return this.audit.verify(ctx, tenantCode);
  }
}
