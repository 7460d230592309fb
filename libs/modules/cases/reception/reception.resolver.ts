import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { ReceptionRoster } from '../case-records.entity';
import { SetReceptionRosterInput } from './dto/reception.inputs';
import { ReceptionService } from './reception.service';

/** Leader reception days (004 領導接待日制度): the rota and who is on duty. */
@Resolver()
export class ReceptionResolver {
  constructor(@Inject(ReceptionService) private readonly reception: ReceptionService) {}

  @Allow('read', 'PetitionCase')
  @Query(() => ReceptionRoster, {
    nullable: true,
    description: 'The reception rota in force on a date (default today).',
  })
  async receptionRoster(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('date', { nullable: true }) date?: string,
  ): Promise<ReceptionRoster | null> {
    return this.reception.rosterFor(ctx, tenantCode, date ?? null);
  }

  @Allow('read', 'PetitionCase')
  @Query(() => String, {
    nullable: true,
    description: "The leader on reception duty on a date (default today) under the tenant's rota.",
  })
  receptionDuty(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('date', { nullable: true }) date?: string,
  ): Promise<string | null> {
    return this.reception.onDuty(ctx, tenantCode, date ?? null);
  }

  @Allow('update', 'PetitionCase')
  @Mutation(() => ReceptionRoster, {
    description: "The office sets the leaders' reception rota from a date (004 領導接待日制度).",
  })
  setReceptionRoster(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SetReceptionRosterInput,
  ): Promise<ReceptionRoster> {
    return this.reception.setRoster(ctx, input);
  }
}
