import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { SupervisionAction } from '../ladder/action.entity';
import {
  HoldInterviewInput,
  OpenInterviewInput,
  PrepareInterviewInput,
  RectificationReportInput,
} from './dto/interviews.inputs';
import { InterviewsService } from './interviews.service';

/** Interviews (约谈, 003 §六): opened, prepared, held, and the rectification report the unit owes. */
@Resolver(() => SupervisionAction)
export class InterviewsResolver {
  constructor(@Inject(InterviewsService) private readonly interviews: InterviewsService) {}

  @Allow('create', 'SupervisionAction')
  @Mutation(() => SupervisionAction, {
    description: "The office or a convener opens an interview (约谈) of a unit of the plugin's target kinds.",
  })
  openInterview(@Ctx() ctx: RequestContext, @Args('input') input: OpenInterviewInput): Promise<SupervisionAction> {
    return this.interviews.open(ctx, input);
  }

  @Allow('create', 'SupervisionAction')
  @Mutation(() => SupervisionAction, { description: 'Team, targets and matters of a planned interview.' })
  prepareInterview(
    @Ctx() ctx: RequestContext,
    @Args('input') input: PrepareInterviewInput,
  ): Promise<SupervisionAction> {
    return this.interviews.prepare(ctx, input);
  }

  @Allow('approve', 'SupervisionAction')
  @Mutation(() => SupervisionAction, {
    description:
      'The convener the plugin names for the severity holds the interview; both sides sign where the plugin says so.',
  })
  holdInterview(@Ctx() ctx: RequestContext, @Args('input') input: HoldInterviewInput): Promise<SupervisionAction> {
    return this.interviews.hold(ctx, input);
  }

  @Allow('report', 'SupervisionAction')
  @Mutation(() => SupervisionAction, {
    description:
      'The interviewed unit, or a unit ordered to rectify with accountability (责令限期整改), files its written rectification report.',
  })
  fileRectificationReport(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RectificationReportInput,
  ): Promise<SupervisionAction> {
    return this.interviews.fileRectificationReport(ctx, input);
  }
}
