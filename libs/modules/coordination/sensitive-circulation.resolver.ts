import { Inject, Injectable } from '@nestjs/common';
import { Args, Field, ID, InputType, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { subject } from '@casl/ability';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { In } from 'typeorm';
import { Allow, Ctx } from '@engine/access';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import { MULTILINE_TEXT_PATTERN } from '@engine/validation';
import { MemberUnit } from '@core/joint-meeting/member-unit.entity';
import { JointMeetingService } from '@core/joint-meeting/joint-meeting.service';
import { notify } from '@core/notifications/notify';
import { COORDINATION_ERRORS } from './coordination.errors';
import { SensitiveReport, SensitiveReportAction, SensitiveReportStatus } from './sensitive-report.entity';
import { canSee } from './sensitive-reports.query';

@InputType({
  description:
    '001 art. 11 (视情向相关部门和各村通报): the office circulates an important sensitive report to the units it chooses.',
})
export class CirculateSensitiveInformationInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'reportId must be an id' })
  reportId: string;

  @Field(() => [ID], { description: 'Departments and villages to circulate it to (the office judges which: 视情).' })
  @ArrayMinSize(1, { message: 'unitIds must name at least one unit' })
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'unitIds must be ids' })
  unitIds: string[];

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(2)
  @MaxLength(2000)
  @Matches(MULTILINE_TEXT_PATTERN, { message: 'note must be text without control characters' })
  note?: string;
}

/**
 * 001 art. 11 (联席会议办公室视情向相关部门和各村通报): besides the responsible unit it notifies for
 * verification, the office circulates a report to as many departments and villages as it judges fit; each is
 * told and reads the report (a circulation asks for no verification). Circulating again adds units.
 */
@Injectable()
export class SensitiveCirculationService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async circulate(ctx: RequestContext, input: CirculateSensitiveInformationInput): Promise<SensitiveReport> {
    return this.db.run(ctx, async ({ em }) => {
      const report = await em.findOne(SensitiveReport, { where: { id: input.reportId } });
      if (!report || !canSee(ctx, report)) throw AppError.notFound('Sensitive report');
      if (
        !ctx.ability.can('update', subject('SensitiveReport', { tenantId: report.tenantId })) ||
        report.tenantId !== ctx.caller.tenantId
      )
        throw COORDINATION_ERRORS.forbidden('OFFICE_HANDLES_REPORTS');
      if (report.status === SensitiveReportStatus.CLOSED)
        throw COORDINATION_ERRORS.conflict('REPORT_CLOSED', {}, 'input.reportId');
      const ids = [...new Set(input.unitIds)];
      const units = new Set(
        (
          await em.find(MemberUnit, {
            where: { id: In(ids), tenantId: report.tenantId, active: true },
            select: { id: true },
          })
        ).map((u) => u.id),
      );
      ids.forEach((id, i) => {
        if (!units.has(id)) throw COORDINATION_ERRORS.badInput(`input.unitIds.${i}`, 'NOT_AN_ACTIVE_UNIT');
      });
      const added = ids.filter((id) => !report.circulatedUnitIds.includes(id));
      const now = this.clock.now();
      report.circulatedUnitIds = [...report.circulatedUnitIds, ...added];
      report.steps = [
        ...report.steps,
        {
          action: SensitiveReportAction.CIRCULATED,
          at: now.toISOString(),
          byUserId: ctx.caller.userId,
          note: input.note ?? null,
        },
      ];
      report.updatedAt = now;
      for (const unitId of added) {
        await notify(
          em,
          report.tenantId,
          { unitId },
          {
            kind: 'SENSITIVE_INFORMATION_CIRCULATED',
            title: '重要敏感信访信息通报',
            body: `reportId=${report.id}（${report.rule}）${input.note ? `：${input.note}` : ''}`,
            dedupeKey: `sensitive-circulated:${report.id}:${unitId}`,
          },
        );
      }
      return em.save(report);
    });
  }
}

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
