import { Inject } from '@nestjs/common';
import { Args, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { AFTER_ARG, checkLimit, LIMIT_ARG, PageOf } from '@engine/graphql';
import { CadenceObligation, KeyPeriod } from './cadence.entity';
import { Finding } from '@core/findings';
import { CadenceService } from './cadence.service';
import { DeclareKeyPeriodInput } from './dto/minutes.inputs';

@ObjectType('KeyPeriodPage')
export class KeyPeriodPage extends PageOf(KeyPeriod) {}

@ObjectType('CadenceObligationPage')
export class CadenceObligationPage extends PageOf(CadenceObligation) {}

@ObjectType('FindingPage')
export class FindingPage extends PageOf(Finding) {}

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
  @Query(() => [KeyPeriod], { deprecationReason: 'Use keyPeriodsPage (cursor + limit).' })
  keyPeriods(@Ctx() ctx: RequestContext, @Args('tenantCode') tenantCode: string): Promise<KeyPeriod[]> {
    return this.cadence.keyPeriods(ctx, tenantCode);
  }

  @Allow('read', 'KeyPeriod')
  @Query(() => KeyPeriodPage, {
    description: "A tenant's key periods (重点时期), latest start first, a page at a time.",
  })
  keyPeriodsPage(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('limit', LIMIT_ARG) limit: number,
  ): Promise<KeyPeriodPage> {
    return this.cadence.keyPeriodsPage(ctx, tenantCode, checkLimit(limit), after);
  }

  @Allow('read', 'Meeting')
  @Query(() => [CadenceObligation], {
    description:
      'Meetings the cadence requires, by period (newest first): OPEN, MET, MISSED or SUPERSEDED (by a rules change).',
    deprecationReason: 'Use cadenceObligationsPage (cursor + limit).',
  })
  cadenceObligations(@Ctx() ctx: RequestContext, @Args('tenantCode') tenantCode: string): Promise<CadenceObligation[]> {
    return this.cadence.obligations(ctx, tenantCode);
  }

  @Allow('read', 'Meeting')
  @Query(() => CadenceObligationPage, {
    description:
      'Meetings the cadence requires, latest period first, a page at a time: OPEN, MET, MISSED or SUPERSEDED (by a rules change).',
  })
  cadenceObligationsPage(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('limit', LIMIT_ARG) limit: number,
  ): Promise<CadenceObligationPage> {
    return this.cadence.obligationsPage(ctx, tenantCode, checkLimit(limit), after);
  }

  @Allow('read', 'Finding')
  @Query(() => [Finding], {
    description: 'Findings for supervision (missed cadence, overdue agreed items), newest first.',
    deprecationReason: 'Use findingsPage (cursor + limit).',
  })
  findings(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('kind', { nullable: true }) kind?: string,
  ): Promise<Finding[]> {
    return this.cadence.findings(ctx, tenantCode, kind);
  }

  @Allow('read', 'Finding')
  @Query(() => FindingPage, {
    description:
      'Findings for supervision (missed cadence, overdue agreed items, inspections…), latest found first, a page at a time.',
  })
  findingsPage(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('kind', { type: () => String, nullable: true }) kind: string | undefined,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('limit', LIMIT_ARG) limit: number,
  ): Promise<FindingPage> {
    return this.cadence.findingsPage(ctx, tenantCode, kind ?? undefined, checkLimit(limit), after);
  }
}
