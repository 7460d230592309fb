import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import type { StatedDuration } from '@jm/plugin-sdk';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import type { Role } from '@core/identity';
import { CalendarService, deadlineBasis } from '@core/calendar';
import { notify } from '@core/notifications';
import { OPEN_CASE_STATUSES, type UrgencyRecord } from '../case.enums';
import { type PetitionCase } from '../case.entity';
import { recordStep } from '../case-events';
import type { CaseRules } from '../case-rules';
import { CASE_ERRORS, pluginDeclaresNone } from '../cases.errors';
import { CaseChanges } from '../case-changes.service';
import type { MarkCaseUrgentInput, RecordUrgentCoordinationInput } from './dto/urgency.inputs';

/**
 * Where no plugin states how soon an urgent petition is coordinated: within 1 calendar day of marking.
 * A platform default, shown as such (`deadline.platformDefault`, 平台默认期限), never cited as an article.
 */
export const URGENT_COORDINATION_DEFAULT: StatedDuration = { amount: 1, unit: 'CALENDAR_DAYS' };

/**
 * Urgent petitions (002 §三: 办公室…协调处理紧急信访问题). The first receiver or the office marks a case
 * urgent with a reason; the roles the plugin's `cases.urgent.notify` names are told at once; the office
 * records its coordination by the time limit (the plugin's stated figure, or the platform default).
 */
@Injectable()
export class UrgencyService {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CaseChanges) private readonly cases: CaseChanges,
    @Inject(CalendarService) private readonly calendars: CalendarService,
  ) {}

  async mark(ctx: RequestContext, input: MarkCaseUrgentInput): Promise<PetitionCase> {
    return this.cases.change(ctx, input.caseId, this.heldAction(ctx), async (em, c, rules) => {
      const rule = this.rule(rules);
      const office = ctx.ability.can('update', subject('PetitionCase', { tenantId: c.tenantId }));
      if (!office && c.firstInquiryUserId !== ctx.caller.userId)
        throw CASE_ERRORS.forbidden('FIRST_INQUIRY_MARKS_URGENT');
      this.cases.expect(c, OPEN_CASE_STATUSES);
      if (c.urgency)
        throw CASE_ERRORS.conflict(
          'ALREADY_URGENT',
          { number: c.number, on: shanghaiDateOf(new Date(c.urgency.markedAt)) },
          'input.caseId',
        );
      const now = this.clock.now();
      const within = rule.coordinateWithin ?? URGENT_COORDINATION_DEFAULT;
      const due = await this.calendars.due(ctx, c.tenantId, shanghaiDateOf(now), within);
      const deadline = deadlineBasis(within);
      const urgency: UrgencyRecord = {
        reason: input.reason,
        rule: rule.source,
        markedAt: now.toISOString(),
        markedById: ctx.caller.userId!,
        coordinateBy: due.date,
        dueProvisional: due.provisional,
        deadline,
        coordinatedAt: null,
        coordinatedById: null,
        measures: null,
      };
      c.urgency = urgency;
      await recordStep(em, ctx, c, now, {
        kind: 'URGENT_MARKED',
        note: `${input.reason}; 协调处理 ${deadline.words}，至 ${due.date}`,
        rule: rule.source,
        data: { coordinateBy: due.date, platformDefault: deadline.platformDefault },
      });
      const roles = [...new Set([this.cases.officeRole(rules.tenant), ...(rule.notify as Role[])])];
      await notify(
        em,
        c.tenantId,
        { roles },
        {
          kind: 'CASE_URGENT',
          title: `紧急信访问题：${c.number}`,
          body: `${c.number}已标为紧急信访问题，请联席办于${due.date}前协调处理（${deadline.words}；${rule.source}）。`,
          dedupeKey: `case-urgent:${c.id}`,
        },
      );
    });
  }

  async coordinate(ctx: RequestContext, input: RecordUrgentCoordinationInput): Promise<PetitionCase> {
    return this.cases.change(ctx, input.caseId, 'update', async (em, c, rules) => {
      const rule = this.rule(rules);
      if (!c.urgency) throw CASE_ERRORS.conflict('NOT_URGENT', { number: c.number }, 'input.caseId');
      if (c.urgency.coordinatedAt)
        throw CASE_ERRORS.conflict(
          'URGENCY_ALREADY_COORDINATED',
          { number: c.number, on: shanghaiDateOf(new Date(c.urgency.coordinatedAt)) },
          'input.caseId',
        );
      const now = this.clock.now();
      const inTime = shanghaiDateOf(now) <= c.urgency.coordinateBy;
      c.urgency = {
        ...c.urgency,
        coordinatedAt: now.toISOString(),
        coordinatedById: ctx.caller.userId!,
        measures: input.measures,
      };
      await recordStep(em, ctx, c, now, {
        kind: 'URGENT_COORDINATED',
        note: `${input.measures}; ${inTime ? 'in time' : 'late'} (due ${c.urgency.coordinateBy})`,
        rule: rule.source,
        data: { inTime },
      });
      if (c.responsibleUnitId)
        await notify(
          em,
          c.tenantId,
          { unitId: c.responsibleUnitId },
          {
            kind: 'CASE_URGENT_COORDINATED',
            title: `紧急信访问题已协调：${c.number}`,
            body: `联席办协调处理：${input.measures}（${rule.source}）`,
            dedupeKey: `case-urgent-coordinated:${c.id}`,
          },
        );
    });
  }

  private rule(rules: CaseRules): NonNullable<CaseRules['own']['urgent']> {
    const rule = rules.own.urgent;
    if (!rule)
      throw pluginDeclaresNone(
        'input.caseId',
        rules.tenant,
        { en: 'urgent petitions', zh: '紧急信访问题协调处理' },
        'cases.urgent',
      );
    return rule;
  }

  private heldAction(ctx: RequestContext): 'update' | 'report' | 'approve' {
    return (['update', 'approve', 'report'] as const).find((a) => ctx.ability.can(a, 'PetitionCase')) ?? 'update';
  }
}
