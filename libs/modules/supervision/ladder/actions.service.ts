import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import type { EntityManager } from 'typeorm';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import { SUPERVISION_ERRORS, REMINDERS } from '../supervision.errors';
import { JobQueue } from '@engine/jobs';
import { CalendarService } from '@core/calendar';
import { deadlineBasis } from '../deadline-basis';
import { Tenant } from '@core/tenancy/entities';
import { SupervisionAction, type SupervisionStep } from './action.entity';
import { ActionWriter, dueWords } from './action-writer';
import { ActionsQuery, caseTenantId } from './actions.query';
import type { AdvanceListingInput, FlagConcernInput, IssueReminderInput, OpenListingInput } from './dto/actions.inputs';
import { ActionStatus, SupervisionActionKind } from '../enums';
import { SupervisionFlag } from './flag.entity';
import { afterDecision } from '../jobs';
import { cite, supervisionRulesOf, tenantByCode, unitOf, type SupervisedUnit } from '../supervision-rules';

/** A case named in a supervision step must belong to the supervising tenant or to the township concerned. */
export async function checkCase(
  em: EntityManager,
  caseId: string | undefined,
  tenant: Tenant,
  unit: SupervisedUnit,
): Promise<string | null> {
  if (!caseId) return null;
  const caseTenant = await caseTenantId(em, caseId);
  if (!caseTenant || (caseTenant !== tenant.id && caseTenant !== unit.childTenantId))
    throw SUPERVISION_ERRORS.badInput('input.caseId', 'NOT_A_CASE_HERE');
  return caseId;
}

/** An action of the caller's tenant (or a descendant, read-only: then FORBIDDEN), of the expected kind. */
export async function actionFor(
  em: EntityManager,
  ctx: RequestContext,
  id: string,
  kind: SupervisionActionKind,
  verb: 'update' | 'approve' | 'create',
  who: 'OFFICE_ADVANCES_LISTING' | 'INTERVIEW_PREPARERS' | 'INTERVIEW_CONDUCTORS' | 'CONVENERS_DECIDE_ACCOUNTABILITY',
): Promise<SupervisionAction> {
  const action = await em.findOne(SupervisionAction, { where: { id } });
  if (!action || action.kind !== kind)
    throw AppError.notFound(
      kind === SupervisionActionKind.LISTING
        ? 'Listing'
        : kind === SupervisionActionKind.INTERVIEW
          ? 'Interview'
          : 'Accountability case',
    );
  if (!ctx.ability.can(verb, subject('SupervisionAction', { tenantId: action.tenantId, kind: action.kind })))
    throw SUPERVISION_ERRORS.forbidden(who);
  return action;
}

/**
 * The office's steps on the ladder: flagging a concern (the ladder's FLAGGED rules act on it), issuing a
 * reminder by the plugin's channel, listing a matter for supervision and advancing the listing through
 * the plugin's steps, the acceptance check before delisting.
 */
@Injectable()
export class ActionsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(ActionWriter) private readonly writer: ActionWriter,
    @Inject(ActionsQuery) private readonly query: ActionsQuery,
    @Inject(CalendarService) private readonly calendar: CalendarService,
  ) {}

  async flag(ctx: RequestContext, input: FlagConcernInput): Promise<SupervisionFlag> {
    const flag = await this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, input.tenantCode);
      if (!ctx.ability.can('create', subject('SupervisionFlag', { tenantId: tenant.id })))
        throw SUPERVISION_ERRORS.forbidden('OFFICE_FLAGS');
      const rules = await supervisionRulesOf(em, tenant);
      const reasons = [...new Set(rules.ladder.flatMap((r) => (r.when.kind === 'FLAGGED' ? r.when.reasons : [])))];
      if (!reasons.includes(input.reasonCode)) {
        throw reasons.length
          ? SUPERVISION_ERRORS.badInput('input.reasonCode', 'NOT_A_LADDER_REASON', { allowed: reasons })
          : SUPERVISION_ERRORS.badInput('input.reasonCode', 'LADDER_ACTS_ON_NOTHING');
      }
      const unit = await unitOf(em, tenant.id, input.unitId, 'input.unitId');
      const caseId = await checkCase(em, input.caseId, tenant, unit);
      return em.save(
        em.create(SupervisionFlag, {
          tenantId: tenant.id,
          targetUnitId: unit.id,
          targetTenantId: unit.childTenantId,
          caseId,
          reason: input.reasonCode,
          note: input.note,
          facts: { unitName: unit.name },
          flaggedById: ctx.caller.userId,
          flaggedAt: this.clock.now(),
          evaluatedAt: null,
        }),
      );
    });
    await afterDecision(this.jobs, flag.tenantId, { ladder: true });
    return flag;
  }

  async issueReminder(ctx: RequestContext, input: IssueReminderInput): Promise<SupervisionAction> {
    const action = await this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, input.tenantCode);
      if (
        !ctx.ability.can(
          'create',
          subject('SupervisionAction', { tenantId: tenant.id, kind: SupervisionActionKind.REMINDER }),
        )
      )
        throw SUPERVISION_ERRORS.forbidden('OFFICE_REMINDS');
      const reminders = (await supervisionRulesOf(em, tenant)).reminders;
      if (!reminders) throw SUPERVISION_ERRORS.badInput('input.tenantCode', 'RULES_PROVIDE_NONE', { what: REMINDERS });
      const reason = reminders.rule.reasons.find((r) => r.code === input.reasonCode);
      if (!reason)
        throw SUPERVISION_ERRORS.badInput('input.reasonCode', 'NOT_ONE_OF_REASONS', {
          what: { en: 'reminder', zh: '提醒' },
          allowed: reminders.rule.reasons.map((r) => r.code),
        });
      const unit = await unitOf(em, tenant.id, input.unitId, 'input.unitId');
      const caseId = await checkCase(em, input.caseId, tenant, unit);
      const created = await this.writer.create(em, tenant, {
        kind: SupervisionActionKind.REMINDER,
        unit,
        caseId,
        ruleId: null,
        ruleSource: cite(reminders),
        facts: { reason: { code: reason.code, name: reason.name }, note: input.note ?? null, openedBy: 'office' },
        severity: input.severity,
        channel: reminders.rule.channels[input.severity],
        status: ActionStatus.ISSUED,
        detail: { reasonCode: reason.code, reasonName: reason.name, note: input.note ?? null },
        dedupeKey: `manual:${randomUUID()}`,
        openedBy: ctx.caller.userId,
      });
      return (await this.query.describe(em, [created!]))[0];
    });
    await afterDecision(this.jobs, action.tenantId, { ladder: true });
    return action;
  }

  async openListing(ctx: RequestContext, input: OpenListingInput): Promise<SupervisionAction> {
    const action = await this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, input.tenantCode);
      if (
        !ctx.ability.can(
          'create',
          subject('SupervisionAction', { tenantId: tenant.id, kind: SupervisionActionKind.LISTING }),
        )
      )
        throw SUPERVISION_ERRORS.forbidden('OFFICE_LISTS');
      const listed = (await supervisionRulesOf(em, tenant)).listedSupervision;
      if (!listed)
        throw SUPERVISION_ERRORS.badInput('input.tenantCode', 'RULES_PROVIDE_NONE', {
          what: { en: 'listed supervision', zh: '挂牌督办' },
        });
      const today = shanghaiDateOf(this.clock.now());
      const due = input.dueOn
        ? { date: input.dueOn, provisional: false }
        : listed.rule.timeLimit
          ? await this.calendar.due(ctx, tenant.id, today, listed.rule.timeLimit)
          : null;
      if (!due) throw SUPERVISION_ERRORS.badInput('input.dueOn', 'DUE_REQUIRED');
      if (due.date <= today) throw SUPERVISION_ERRORS.badInput('input.dueOn', 'NOT_AFTER_TODAY');
      const unit = await unitOf(em, tenant.id, input.unitId, 'input.unitId');
      const caseId = await checkCase(em, input.caseId, tenant, unit);
      const first = listed.rule.steps[0];
      const created = await this.writer.create(em, tenant, {
        kind: SupervisionActionKind.LISTING,
        unit,
        caseId,
        ruleId: null,
        ruleSource: cite(listed),
        facts: { reason: input.reason, openedBy: 'office' },
        status: ActionStatus.ACTIVE,
        currentStep: first.code,
        steps: [this.step(first, ctx.caller.userId, input.reason, null)],
        // 003 §五: 挂牌督办事项纳入重点调度、专项督导和实地督查范围 — the scope the plugin names.
        detail: {
          reason: input.reason,
          ...(listed.rule.scope?.length ? { scope: listed.rule.scope } : {}),
          // Where the time limit comes from (D5): the office's date, or the plugin's figure with its article or as a default.
          ...(input.dueOn
            ? { dueSetBy: 'OFFICE' }
            : {
                dueSetBy: 'RULES',
                dueBasis: deadlineBasis(listed.rule.timeLimit!, listed.inherited ? listed.pluginId : null),
              }),
        },
        dueOn: due.date,
        dueProvisional: due.provisional,
        dedupeKey: `manual:${randomUUID()}`,
        openedBy: ctx.caller.userId,
      });
      return (await this.query.describe(em, [created!]))[0];
    });
    await afterDecision(this.jobs, action.tenantId, { ladder: true });
    return action;
  }

  /** The next step of the plugin's listing procedure; the acceptance step passes or sends the matter back. */
  async advanceListing(ctx: RequestContext, input: AdvanceListingInput): Promise<SupervisionAction> {
    const action = await this.db.run(ctx, async ({ em }) => {
      const action = await actionFor(
        em,
        ctx,
        input.actionId,
        SupervisionActionKind.LISTING,
        'update',
        'OFFICE_ADVANCES_LISTING',
      );
      if (action.status !== ActionStatus.ACTIVE)
        throw SUPERVISION_ERRORS.conflict('LISTING_WRONG_STATUS', { status: action.status }, 'input.actionId');
      const tenant = await em.findOneByOrFail(Tenant, { id: action.tenantId });
      const listed = (await supervisionRulesOf(em, tenant)).listedSupervision;
      if (!listed) throw SUPERVISION_ERRORS.conflict('LISTING_NO_LONGER_PROVIDED', {}, 'input.actionId');
      const steps = listed.rule.steps;
      const at = steps.findIndex((s) => s.code === action.currentStep);
      const next = steps[at + 1];
      if (!next) throw SUPERVISION_ERRORS.conflict('LISTING_NO_STEP_LEFT', {}, 'input.actionId');
      if (input.dueOn !== undefined) {
        if (action.dueOn) throw SUPERVISION_ERRORS.badInput('input.dueOn', 'DUE_ALREADY_SET', { on: action.dueOn });
        if (input.dueOn <= shanghaiDateOf(this.clock.now()))
          throw SUPERVISION_ERRORS.badInput('input.dueOn', 'NOT_AFTER_TODAY');
        action.dueOn = input.dueOn;
        action.detail = { ...action.detail, dueSetBy: 'OFFICE' }; // 责令限期: the office's date (D5)
      }
      if (!action.dueOn) throw SUPERVISION_ERRORS.badInput('input.dueOn', 'LISTING_HAS_NO_DUE');
      const acceptance = next.code === listed.rule.acceptanceStep;
      if (acceptance && input.passed === undefined)
        throw SUPERVISION_ERRORS.badInput('input.passed', 'PASSED_REQUIRED', { step: next.name });
      if (!acceptance && input.passed !== undefined)
        throw SUPERVISION_ERRORS.badInput('input.passed', 'PASSED_ONLY_AT_ACCEPTANCE', {
          step: listed.rule.acceptanceStep,
        });
      const last = at + 1 === steps.length - 1;
      if (
        last &&
        !acceptance &&
        !action.steps.some((s) => s.code === listed.rule.acceptanceStep && s.passed === true)
      ) {
        throw SUPERVISION_ERRORS.conflict(
          'ACCEPTANCE_MUST_PASS',
          { step: listed.rule.acceptanceStep, next: next.name },
          'input.actionId',
        );
      }
      action.steps = [
        ...action.steps,
        this.step(next, ctx.caller.userId, input.note ?? null, acceptance ? input.passed! : null),
      ];
      if (!acceptance || input.passed) action.currentStep = next.code;
      if (last && (!acceptance || input.passed)) {
        action.status = ActionStatus.DELISTED;
        action.closedAt = this.clock.now();
      }
      await em.save(action);
      const word = acceptance && !input.passed ? `${next.name}未通过，退回${steps[at].name}` : next.name;
      await this.writer.notifyUnit(
        em,
        tenant,
        action,
        action.targetUnitId,
        `step-${action.steps.length}`,
        `挂牌督办：${action.number}`,
        `${action.number}：${word}${input.dueOn !== undefined ? dueWords(action) : ''}。`,
      );
      return (await this.query.describe(em, [action]))[0];
    });
    await afterDecision(this.jobs, action.tenantId, { ladder: false });
    return action;
  }

  private step(
    s: { code: string; name: string },
    byUserId: string,
    note: string | null,
    passed: boolean | null,
  ): SupervisionStep {
    return { code: s.code, name: s.name, at: this.clock.now().toISOString(), byUserId, note, passed };
  }
}
