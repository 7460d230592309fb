import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import {
  AnswerReportInput,
  CompleteInstructionInput,
  DraftReportInput,
  ReportDecisionInput,
} from './dto/report.inputs';
import { Report, ReportChannel, ReportInstruction, ReportPage, ReportStatus } from './report.entity';
import { ReportAnswersService } from './report-answers.service';
import { ReportsService } from './reports.service';

@Resolver(() => Report)
export class ReportsResolver {
  constructor(
    @Inject(ReportsService) private readonly service: ReportsService,
    @Inject(ReportAnswersService) private readonly answers: ReportAnswersService,
  ) {}

  @Allow('read', 'Report')
  @Query(() => ReportPage, {
    description:
      "A tenant's reports upward, newest draft first (a member unit: its own work reports; a parent's office given a child's code: what the child sent to it).",
  })
  reports(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('channel', { type: () => ReportChannel, nullable: true }) channel?: ReportChannel,
    @Args('status', { type: () => ReportStatus, nullable: true }) status?: ReportStatus,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('limit', { type: () => Int, defaultValue: 50, description: 'At most 200.' }) limit = 50,
  ): Promise<ReportPage> {
    return this.service.page(ctx, tenantCode, { channel, status }, after ?? null, limit);
  }

  @Allow('read', 'Report')
  @Query(() => ReportPage, {
    description: "Reports the tenants below sent to this tenant's joint meeting (its office), newest sent first.",
  })
  receivedReports(
    @Ctx() ctx: RequestContext,
    @Args('status', { type: () => ReportStatus, nullable: true }) status?: ReportStatus,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('limit', { type: () => Int, defaultValue: 50, description: 'At most 200.' }) limit = 50,
  ): Promise<ReportPage> {
    return this.service.received(ctx, status, after ?? null, limit);
  }

  @Allow('read', 'Report')
  @Query(() => Report, { nullable: true })
  report(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Report | null> {
    return this.service.byId(ctx, id);
  }

  @Allow('create', 'Report')
  @Mutation(() => Report, {
    description:
      'The office drafts a report to the party committee or the parent joint meeting, a member unit a work report to its joint meeting, on a channel the plugin declares (operations.reportsUpward); give reportId to edit a draft.',
  })
  draftReport(@Ctx() ctx: RequestContext, @Args('input') input: DraftReportInput): Promise<Report> {
    return this.service.draft(ctx, input);
  }

  @Allow('update', 'Report')
  @Mutation(() => Report, {
    description: 'The office submits a report for the approval the plugin requires (reportsUpward.approvedBy).',
  })
  submitReport(@Ctx() ctx: RequestContext, @Args('reportId', { type: () => ID }) reportId: string): Promise<Report> {
    return this.service.submit(ctx, reportId);
  }

  @Allow('approve', 'Report')
  @Mutation(() => Report, {
    description: 'The approver the plugin names approves a submitted report; never its drafter or submitter.',
  })
  approveReport(@Ctx() ctx: RequestContext, @Args('input') input: ReportDecisionInput): Promise<Report> {
    return this.service.approve(ctx, input);
  }

  @Allow('approve', 'Report')
  @Mutation(() => Report, { description: 'The approver returns a submitted report to draft, saying what to change.' })
  returnReport(@Ctx() ctx: RequestContext, @Args('input') input: ReportDecisionInput): Promise<Report> {
    return this.service.return(ctx, input);
  }

  @Allow('create', 'Report')
  @Mutation(() => Report, {
    description:
      'The office (a member unit its work report) sends the report; approved first where the plugin requires it (reason APPROVAL_REQUIRED).',
  })
  sendReport(@Ctx() ctx: RequestContext, @Args('reportId', { type: () => ID }) reportId: string): Promise<Report> {
    return this.service.send(ctx, reportId);
  }

  @Allow('acknowledge', 'Report')
  @Mutation(() => Report, {
    description:
      "The recipient acknowledges receipt: the parent's office, the own office (a member unit's work report), the reviewing convener.",
  })
  acknowledgeReport(
    @Ctx() ctx: RequestContext,
    @Args('reportId', { type: () => ID }) reportId: string,
  ): Promise<Report> {
    return this.service.acknowledge(ctx, reportId);
  }

  @Allow('acknowledge', 'Report')
  @Mutation(() => Report, {
    description:
      'The recipient answers (批示), its instructions becoming tracked items of the reporting tenant; for the party committee the reporting office records the reply, who gave it and when.',
  })
  answerReport(@Ctx() ctx: RequestContext, @Args('input') input: AnswerReportInput): Promise<Report> {
    return this.answers.answer(ctx, input);
  }

  @Allow('create', 'Report')
  @Mutation(() => ReportInstruction, {
    description: 'The reporting office (or unit) records how an instruction was carried out.',
  })
  completeReportInstruction(
    @Ctx() ctx: RequestContext,
    @Args('input') input: CompleteInstructionInput,
  ): Promise<ReportInstruction> {
    return this.answers.completeInstruction(ctx, input);
  }

  @ResolveField(() => [ReportInstruction], {
    description: 'The instructions (批示) answered to this report, in order.',
  })
  async instructions(@Ctx() ctx: RequestContext, @Parent() report: Report): Promise<ReportInstruction[]> {
    return (
      (await ctx.loader('reportInstructions', (ids) => this.answers.instructionsOf(ctx, ids)).load(report.id)) ?? []
    );
  }
}

@Resolver(() => ReportInstruction)
export class ReportInstructionResolver {
  constructor(@Inject(ReportAnswersService) private readonly answers: ReportAnswersService) {}

  @ResolveField(() => Boolean, { description: 'Open past its due day (Beijing time).' })
  overdue(@Parent() item: ReportInstruction): boolean {
    return this.answers.isOverdue(item);
  }
}
