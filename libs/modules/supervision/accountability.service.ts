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
import { deadlineBasis, type DeadlineBasis } from './deadline-basis';
import type { DecideAccountabilityInput } from './dto/supervision.inputs';
import { ActionStatus, SupervisionActionKind } from './enums';
import { afterDecision } from './jobs';
import { SUPERVISION_ERRORS } from './supervision.errors';
import { cite, supervisionRulesOf, type SupervisionRules } from './supervision-rules';

type Accountability = NonNullable<SupervisionRules['accountability']>;

/** A rectification order (责令限期整改): its date, who set it, and where its figure comes from. */
export interface RectificationOrder {
  dueOn: string;
  provisional: boolean;
  /** OFFICE: the conveners' date (003 §七 sets no figure); RULES: the plugin's `rectificationWithin`. */
  setBy: 'OFFICE' | 'RULES';
  basis: DeadlineBasis | null;
  /** The deadline as notifications word it. */
  words: string;
  /** The article that orders rectification (the accountability rule's). */
  source: string;
}

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
    if (!input.recommendations.length && !input.sanctions.length && !this.ordersRectification(input))
      throw SUPERVISION_ERRORS.badInput('input.recommendations', 'RECOMMENDATION_OR_SANCTION');
    return { recommendations, sanctions: input.sanctions, failure };
  }

  private ordersRectification(input: DecideAccountabilityInput): boolean {
    return input.orderRectification === true || input.rectifyBy !== undefined;
  }

  /**
   * 责令限期整改 (003 §七): the conveners' date, or the plugin's `rectificationWithin` from the decision day
   * with the article that states its figure or as a default (D5); null when no rectification is ordered.
   */
  private async rectificationOrder(
    ctx: RequestContext,
    tenant: Tenant,
    accountability: Accountability,
    input: DecideAccountabilityInput,
    today: string,
  ): Promise<RectificationOrder | null> {
    if (input.orderRectification === false && input.rectifyBy !== undefined)
      throw SUPERVISION_ERRORS.badInput('input.rectifyBy', 'RECTIFY_BY_WITHOUT_ORDER');
    if (!this.ordersRectification(input)) return null;
    const source = cite(accountability);
    if (input.rectifyBy !== undefined) {
      if (input.rectifyBy <= today) throw SUPERVISION_ERRORS.badInput('input.rectifyBy', 'NOT_AFTER_TODAY');
      return { dueOn: input.rectifyBy, provisional: false, setBy: 'OFFICE', basis: null, words: '联席办确定', source };
    }
    const within = accountability.rule.rectificationWithin;
    if (!within) throw SUPERVISION_ERRORS.badInput('input.rectifyBy', 'DUE_REQUIRED');
    const due = await this.calendar.due(ctx, tenant.id, today, within);
    const basis = deadlineBasis(within, accountability.inherited ? accountability.pluginId : null);
    return { dueOn: due.date, provisional: due.provisional, setBy: 'RULES', basis, words: basis.words, source };
  }
}
