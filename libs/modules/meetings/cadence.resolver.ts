import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { CadenceObligation, KeyPeriod } from './cadence.entity';
import { Finding } from '@core/findings';
import { CadenceService } from './cadence.service';
import { DeclareKeyPeriodInput } from './dto/minutes.inputs';
import { tenantByCode } from './meetings.service';

@Resolver()
export class CadenceResolver {
  constructor(
    @Inject(CadenceService) private readonly cadence: CadenceService,
    @Inject(Db) private readonly db: Db,
  ) {}

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
    return this.db.run(ctx, async ({ em }) =>
      em.find(KeyPeriod, { where: { tenantId: (await tenantByCode(em, tenantCode)).id }, order: { startsOn: 'DESC' } }),
    );
  }

  @Allow('read', 'Meeting')
  @Query(() => [CadenceObligation], {
    description:
      'Meetings the cadence requires, by period (newest first): OPEN, MET, MISSED or SUPERSEDED (by a rules change).',
  })
  cadenceObligations(@Ctx() ctx: RequestContext, @Args('tenantCode') tenantCode: string): Promise<CadenceObligation[]> {
    return this.db.run(ctx, async ({ em }) =>
      em.find(CadenceObligation, {
        where: { tenantId: (await tenantByCode(em, tenantCode)).id },
        order: { periodStart: 'DESC', typeCode: 'ASC' },
        take: 500,
      }),
    );
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
    return this.db.run(ctx, async ({ em }) => {
      const tenantId = (await tenantByCode(em, tenantCode)).id;
      return em.find(Finding, {
        where: kind ? { tenantId, kind } : { tenantId },
        order: { foundAt: 'DESC' },
        take: 500,
      });
    });
  }
}
