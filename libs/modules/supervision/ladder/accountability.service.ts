import { Inject, Injectable } from '@nestjs/common';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { JobQueue } from '@engine/jobs';
import { CalendarService } from '@core/calendar';
import { Tenant } from '@core/tenancy/entities';
import { SupervisionAction } from './action.entity';
import { ActionWriter } from './action-writer';
import { ActionsQuery } from './actions.query';
import { actionFor } from './actions.service';
import { ordersRectification, rectificationOrderOf, type RectificationOrder } from './rectification-order';
import type { DecideAccountabilityInput } from './dto/actions.inputs';
import { ActionStatus, SupervisionActionKind } from '../enums';
import { afterDecision } from '../jobs';
import { SUPERVISION_ERRORS } from '../supervision.errors';
import { cite, supervisionRulesOf, type SupervisionRules } from '../supervision-rules';

type Accountability = NonNullable<SupervisionRules['accountability']>;

/**
 * Accountability (问责, 003 §七, 004 责任追究制度): the conveners decide with the plugin's recommendation
 * rights (三项建议权), sanctions and failures; they may order the unit to rectify within a time limit
 * (责令限期整改) — the plugin's `rectificationWithin` on the working-day calendar, or where it states none
 * the conveners' date. The unit then owes a written report (`fileRectificationReport`); the ladder run
 * marks it OVERDUE past the date, as an interview's.
 */
@Injectable()
export class AccountabilityService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(ActionWriter) private readonly writer: ActionWriter,
    @Inject(ActionsQuery) private readonly query: ActionsQuery,
    @Inject(CalendarService) private readonly calendar: CalendarService,
  ) {}

  async decide(ctx: RequestContext, input: DecideAccountabilityInput): Promise<SupervisionAction> {
    const action = await this.db.run(ctx, async ({ em }) => {
      const action = await actionFor(
        em,
        ctx,
        input.actionId,
        SupervisionActionKind.ACCOUNTABILITY,
        'approve',
        'CONVENERS_DECIDE_ACCOUNTABILITY',
      );
      if (action.status !== ActionStatus.OPEN)
        throw SUPERVISION_ERRORS.conflict('ACCOUNTABILITY_WRONG_STATUS', { status: action.status }, 'input.actionId');
      const tenant = await em.findOneByOrFail(Tenant, { id: action.tenantId });
      const accountability = (await supervisionRulesOf(em, tenant)).accountability;
      if (!accountability) throw SUPERVISION_ERRORS.conflict('ACCOUNTABILITY_NOT_PROVIDED', {}, 'input.actionId');
      const { recommendations, sanctions, failure } = this.checked(accountability, input);
      const today = shanghaiDateOf(this.clock.now());
      const order = await this.rectificationOrder(ctx, tenant, accountability, input, today);
      action.status = order ? ActionStatus.AWAITING_RECTIFICATION : ActionStatus.DECIDED;
      action.closedAt = order ? null : this.clock.now();
      if (order) {
        action.dueOn = order.dueOn;
        action.dueProvisional = order.provisional;
      }
      action.detail = {
        ...action.detail,
        decision: {
          recommendations,
          sanctions,
          failure: failure
            ? { code: failure.code, name: failure.name, target: failure.target, source: failure.source }
            : null,
          text: input.decision,
          decidedBy: ctx.caller.userId,
          decidedOn: today,
          source: cite(accountability),
        },
        ...(order
          ? {
              rectificationOrder: order,
              // Read by `rectificationDeadline` and by the notices' time-limit words (dueWords), as for
              // an interview's report and a listing's time limit.
              rectificationDue: { dueOn: order.dueOn, provisional: order.provisional, basis: order.basis },
              dueSetBy: order.setBy,
              ...(order.basis ? { dueBasis: order.basis } : {}),
            }
          : {}),
      };
      await em.save(action);
      await this.writer.notifyUnit(
        em,
        tenant,
        action,
        action.targetUnitId,
        'decided',
        `责任追究：${action.number}`,
        `${action.number}责任追究已决定：${input.decision}` +
          (order ? `。责令限期整改，请于${order.dueOn}前书面报告整改落实情况（${order.words}）。` : ''),
      );
      return (await this.query.describe(em, [action]))[0];
    });
    await afterDecision(this.jobs, action.tenantId, { ladder: false });
    return action;
  }

  /** The recommendations, sanctions and failure of the input, each one the plugin provides. */
  private checked(accountability: Accountability, input: DecideAccountabilityInput) {
    const rights = accountability.rule.recommendations;
    const recommendations = input.recommendations.map((code, i) => {
      const right = rights.find((r) => r.code === code);
      if (!right)
        throw rights.length
          ? SUPERVISION_ERRORS.badInput(`input.recommendations.${i}`, 'NOT_ONE_OF', {
              allowed: rights.map((r) => r.code),
            })
          : SUPERVISION_ERRORS.badInput(`input.recommendations.${i}`, 'RULES_PROVIDE_NONE', {
              what: { en: 'recommendation rights', zh: '建议权' },
            });
      // The right as the source words it (改进工作建议…), shown with the decision.
      return { code: right.code, name: right.name };
    });
    const failures = accountability.rule.failures ?? [];
    const failure = input.failureCode ? failures.find((f) => f.code === input.failureCode) : undefined;
    if (input.failureCode && !failure)
      throw failures.length
        ? SUPERVISION_ERRORS.badInput('input.failureCode', 'NOT_ONE_OF', { allowed: failures.map((f) => f.code) })
        : SUPERVISION_ERRORS.badInput('input.failureCode', 'RULES_PROVIDE_NONE', {
            what: { en: 'failures', zh: '失职情形' },
          });
    const allowed = new Set([
      ...accountability.rule.sanctions,
      ...(failure ? failure.sanctions : failures.flatMap((f) => f.sanctions)),
    ]);
    input.sanctions.forEach((s, i) => {
      if (!allowed.has(s))
        throw allowed.size
          ? SUPERVISION_ERRORS.badInput(`input.sanctions.${i}`, 'NOT_ONE_OF', { allowed: [...allowed] })
          : SUPERVISION_ERRORS.badInput(`input.sanctions.${i}`, 'RULES_PROVIDE_NONE', {
              what: { en: 'sanctions', zh: '处理措施' },
            });
    });
    if (!input.recommendations.length && !input.sanctions.length && !ordersRectification(input))
      throw SUPERVISION_ERRORS.badInput('input.recommendations', 'RECOMMENDATION_OR_SANCTION');
    return { recommendations, sanctions: input.sanctions, failure };
  }

  /** 责令限期整改 (003 §七): the order, its time limit on the tenant's working-day calendar. */
  private rectificationOrder(
    ctx: RequestContext,
    tenant: Tenant,
    accountability: Accountability,
    input: DecideAccountabilityInput,
    today: string,
  ): Promise<RectificationOrder | null> {
    return rectificationOrderOf(accountability, input, today, (within) =>
      this.calendar.due(ctx, tenant.id, today, within),
    );
  }
}
