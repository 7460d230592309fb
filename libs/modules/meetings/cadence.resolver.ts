import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { CadenceObligation, KeyPeriod } from './cadence.entity';
import { Finding } from '@core/findings';
import { CadenceService } from './cadence.service';
import { DeclareKeyPeriodInput } from './dto/minutes.inputs';

@Resolver()
export class CadenceResolver {
  constructor(@Inject(CadenceService) private readonly cadence: CadenceService) {}

  @Allow('create', 'KeyPeriod')
  @Mutation(() => KeyPeriod, {
    description: 'The office declares a key period (重点时期): the stricter cadence applies inside it.',
  })
  declareKeyPeriod(@Ctx() ctx: RequestContext, @Args('input') input: DeclareKeyPeriodInput): Promise<KeyPeriod> {
    return this.cadence.declareKeyPeriod(ctx, input);
  }

  @Allow('read', 'KeyPeriod')
  @Query(() => [KeyPeriod])
  keyPeriods(@Ctx() ctx: RequestContext, @Args('tenantCode') tenantCode: string): Promise<KeyPeriod[]> {
    return this.cadence.keyPeriods(ctx, tenantCode);
  }

  @Allow('read', 'Meeting')
  @Query(() => [CadenceObligation], {
    description:
      'Meetings the cadence requires, by period (newest first): OPEN, MET, MISSED or SUPERSEDED (by a rules change).',
  })
  cadenceObligations(@Ctx() ctx: RequestContext, @Args('tenantCode') tenantCode: string): Promise<CadenceObligation[]> {
    return this.cadence.obligations(ctx, tenantCode);
  }

  @Allow('read', 'Finding')
  @Query(() => [Finding], {
    description: 'Findings for supervision (missed cadence, overdue agreed items), newest first.',
  })
  findings(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('kind', { nullable: true }) kind?: string,
  ): Promise<Finding[]> {
    return this.cadence.findings(ctx, tenantCode, kind);
  }
}
