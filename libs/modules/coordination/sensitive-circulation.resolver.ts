import { Inject } from '@nestjs/common';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { MemberUnit } from '@core/joint-meeting/entities';
import { JointMeetingService } from '@core/joint-meeting';
import { SensitiveReport } from './sensitive-report.entity';
import { CirculateSensitiveInformationInput } from './dto/sensitive-circulation.inputs';
import { SensitiveCirculationService } from './sensitive-circulation.service';

@Resolver(() => SensitiveReport)
export class SensitiveCirculationResolver {
  constructor(
    @Inject(SensitiveCirculationService) private readonly service: SensitiveCirculationService,
    @Inject(JointMeetingService) private readonly units: JointMeetingService,
  ) {}

  @Allow('update', 'SensitiveReport')
  @Mutation(() => SensitiveReport, {
    description:
      '001 art. 11 (视情向相关部门和各村通报): the office circulates the report to the departments and villages it chooses; each is told and reads it.',
  })
  circulateSensitiveInformation(
    @Ctx() ctx: RequestContext,
    @Args('input') input: CirculateSensitiveInformationInput,
  ): Promise<SensitiveReport> {
    return this.service.circulate(ctx, input);
  }

  @ResolveField(() => [MemberUnit], { description: 'The units the office circulated the report to (001 art. 11).' })
  async circulatedTo(@Ctx() ctx: RequestContext, @Parent() report: SensitiveReport): Promise<MemberUnit[]> {
    const units = await ctx
      .loader('memberUnitById', (ids) => this.units.unitsById(ctx, ids))
      .loadMany(report.circulatedUnitIds ?? []);
    return units.filter((u): u is MemberUnit => !!u && !(u instanceof Error));
  }
}
