import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { In, type EntityManager } from 'typeorm';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Role } from '@core/identity';
import { satisfies } from '@engine/access';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import { SUPERVISION_ERRORS } from '../supervision.errors';
import { JobQueue } from '@engine/jobs';
import { CalendarService } from '@core/calendar';
import { Tenant } from '@core/tenancy/entities';
import { SupervisionAction } from '../ladder/action.entity';
import { ActionWriter } from '../ladder/action-writer';
import { ActionsQuery, concernedAction } from '../ladder/actions.query';
import { actionFor } from '../ladder/actions.service';
import { deadlineBasis } from '../deadline-basis';
import { InterviewForm, groupOf } from './interview-form';
import { afterInterviewDrafts } from './interview-reports';
import type {
  HoldInterviewInput,
  InterviewPlanFields,
  OpenInterviewInput,
  PrepareInterviewInput,
  RectificationReportInput,
} from './dto/interviews.inputs';
import { ActionStatus, OutboxChannel, SupervisionActionKind } from '../enums';
import { afterDecision } from '../jobs';
import { OutboxService } from '../outbox/outbox.service';
import {
  cite,
  concernSql,
  openAncestors,
  roleRecipients,
  supervisionRulesOf,
  tenantByCode,
  unitOf,
  type SupervisionRules,
} from '../supervision-rules';

type Interviews = NonNullable<SupervisionRules['interviews']>;
const RECTIFYING_KINDS: readonly string[] = [SupervisionActionKind.INTERVIEW, SupervisionActionKind.ACCOUNTABILITY];

/**
 * Interviews (约谈) and what follows them: planned by the office or a convener (team, targets among the
 * plugin's, matters), held by the role the plugin names for the severity, signed by both sides where the
 * plugin says so; the interviewed unit then owes a written rectification report within the plugin's
 * limit on the tenant's working-day calendar (accountability.service.ts decides 问责; a unit ordered to rectify
 * there files its report here too).
 */
@Injectable()
export class InterviewsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(ActionWriter) private readonly writer: ActionWriter,
    @Inject(ActionsQuery) private readonly query: ActionsQuery,
    @Inject(CalendarService) private readonly calendar: CalendarService,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  /**
   * Opens an interview: individual (个别约谈, one unit) or, where the plugin allows it, a group interview
   * (集中约谈) of several units' leaders together — one action per unit, tied by `detail.group`, prepared and
   * held together; each unit owes its own rectification report. Returns the first unit's action.
   */
  async open(ctx: RequestContext, input: OpenInterviewInput): Promise<SupervisionAction> {
    const action = await this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, input.tenantCode);
      if (
        !ctx.ability.can(
          'create',
          subject('SupervisionAction', { tenantId: tenant.id, kind: SupervisionActionKind.INTERVIEW }),
        )
      )
        throw SUPERVISION_ERRORS.forbidden('INTERVIEW_OPENERS');
      const interviews = this.interviews(await supervisionRulesOf(em, tenant), 'input.tenantCode');
      const reason = interviews.rule.reasons.find((r) => r.code === input.reasonCode);
      if (!reason)
        throw SUPERVISION_ERRORS.badInput('input.reasonCode', 'NOT_ONE_OF_REASONS', {
          what: { en: 'interview', zh: '约谈' },
          allowed: interviews.rule.reasons.map((r) => r.code),
        });
      const form = input.form ?? InterviewForm.INDIVIDUAL;
      const forms: readonly string[] = interviews.rule.forms ?? [InterviewForm.INDIVIDUAL];
      if (!forms.includes(form))
        throw SUPERVISION_ERRORS.badInput('input.form', 'INTERVIEW_FORM_NOT_PROVIDED', {
          forms,
          source: cite(interviews),
        });
      const others = (input.otherUnitIds ?? []).filter((id) => id !== input.unitId);
      if (form === InterviewForm.INDIVIDUAL && others.length)
        throw SUPERVISION_ERRORS.badInput('input.otherUnitIds', 'INDIVIDUAL_ONE_UNIT');
      if (form === InterviewForm.GROUP && !others.length)
        throw SUPERVISION_ERRORS.badInput('input.otherUnitIds', 'GROUP_NEEDS_OTHERS');
      const units = [await unitOf(em, tenant.id, input.unitId, 'input.unitId')];
      for (const [i, id] of (input.otherUnitIds ?? []).entries())
        if (id !== input.unitId) units.push(await unitOf(em, tenant.id, id, `input.otherUnitIds.${i}`));
      units.forEach((unit, i) => {
        if (!(interviews.rule.targetKinds as string[]).includes(unit.kind))
          throw SUPERVISION_ERRORS.badInput(
            i === 0 ? 'input.unitId' : `input.otherUnitIds.${(input.otherUnitIds ?? []).indexOf(unit.id)}`,
            'INTERVIEW_TARGET_KIND',
            { kinds: interviews.rule.targetKinds, kind: unit.kind },
          );
      });
      this.checkPlan(interviews, input);
      const group =
        form === InterviewForm.GROUP
          ? { id: randomUUID(), actionIds: [] as string[], unitNames: units.map((u) => u.name) }
          : null;
      const created: SupervisionAction[] = [];
      for (const unit of units) {
        created.push(
          (await this.writer.create(em, tenant, {
            kind: SupervisionActionKind.INTERVIEW,
            unit,
            ruleId: null,
            ruleSource: cite(interviews),
            facts: {
              reason: { code: reason.code, name: reason.name },
              openedBy: ctx.caller.roles.includes(Role.OFFICE_DIRECTOR) ? 'office' : 'convener',
            },
            severity: input.severity,
            status: ActionStatus.PLANNED,
            detail: { reasonCode: reason.code, reasonName: reason.name, form, ...this.plan(input) },
            dedupeKey: `manual:${randomUUID()}`,
            openedBy: ctx.caller.userId,
          }))!,
        );
      }
      if (group) {
        group.actionIds = created.map((a) => a.id);
        for (const a of created) a.detail = { ...a.detail, group };
        await em.save(created);
      }
      return (await this.query.describe(em, [created[0]]))[0];
    });
    await afterDecision(this.jobs, action.tenantId, { ladder: false });
    return action;
  }

  /** Team, targets and matters for a planned interview (one the ladder opened, or a change before it is held). */
  async prepare(ctx: RequestContext, input: PrepareInterviewInput): Promise<SupervisionAction> {
    return this.db.run(ctx, async ({ em }) => {
      const action = await actionFor(
        em,
        ctx,
        input.actionId,
        SupervisionActionKind.INTERVIEW,
        'create',
        'INTERVIEW_PREPARERS',
      );
      if (action.status !== ActionStatus.PLANNED)
        throw SUPERVISION_ERRORS.conflict('INTERVIEW_WRONG_STATUS', { status: action.status }, 'input.actionId');
      const interviews = this.interviews(
        await supervisionRulesOf(em, await em.findOneByOrFail(Tenant, { id: action.tenantId })),
        'input.actionId',
      );
      this.checkPlan(interviews, input);
      const members = await this.members(em, action);
      for (const a of members) {
        a.severity = input.severity;
        a.detail = { ...a.detail, ...this.plan(input) };
      }
      await em.save(members);
      return (await this.query.describe(em, [action]))[0];
    });
  }

  async hold(ctx: RequestContext, input: HoldInterviewInput): Promise<SupervisionAction> {
    const action = await this.db.run(ctx, async ({ em }) => {
      const action = await actionFor(
        em,
        ctx,
        input.actionId,
        SupervisionActionKind.INTERVIEW,
        'approve',
        'INTERVIEW_CONDUCTORS',
      );
      const tenant = await em.findOneByOrFail(Tenant, { id: action.tenantId });
      const interviews = this.interviews(await supervisionRulesOf(em, tenant), 'input.actionId');
      const severity = (action.severity ?? 'GENERAL') as 'GENERAL' | 'SERIOUS';
      const conductor = interviews.rule.conductedBy[severity];
      if (!satisfies(ctx.caller.roles, conductor as Role))
        throw SUPERVISION_ERRORS.forbidden('INTERVIEW_CONDUCTED_BY', {
          severity,
          who: conductor,
          source: cite(interviews),
        });
      if (action.status !== ActionStatus.PLANNED)
        throw SUPERVISION_ERRORS.conflict('INTERVIEW_WRONG_STATUS', { status: action.status }, 'input.actionId');
      if (!Array.isArray(action.detail.team))
        throw SUPERVISION_ERRORS.conflict('INTERVIEW_NOT_PREPARED', {}, 'input.actionId');
      const today = shanghaiDateOf(this.clock.now());
      if (input.heldOn > today) throw SUPERVISION_ERRORS.badInput('input.heldOn', 'IN_THE_FUTURE');
      if (input.heldOn < shanghaiDateOf(action.openedAt))
        throw SUPERVISION_ERRORS.badInput('input.heldOn', 'BEFORE_INTERVIEW_OPENED');
      if (interviews.rule.bothSidesSign) {
        if (!input.interviewerSigned)
          throw SUPERVISION_ERRORS.badInput('input.interviewerSigned', 'BOTH_SIDES_SIGN', { source: cite(interviews) });
        if (!input.intervieweeSigned)
          throw SUPERVISION_ERRORS.badInput('input.intervieweeSigned', 'BOTH_SIDES_SIGN', { source: cite(interviews) });
      }
      const due = await this.calendar.due(ctx, tenant.id, input.heldOn, interviews.rule.rectificationReportDue);
      // D5: the figure's own source, never the article of the interview rule around it.
      const basis = deadlineBasis(
        interviews.rule.rectificationReportDue,
        interviews.inherited ? interviews.pluginId : null,
      );
      const at = this.clock.now().toISOString();
      const members = await this.members(em, action);
      if (members.some((a) => a.status !== ActionStatus.PLANNED))
        throw SUPERVISION_ERRORS.conflict('GROUP_MEMBER_NOT_PLANNED', {}, 'input.actionId');
      for (const a of members) {
        a.steps = interviews.rule.steps.map((s) => ({
          code: s.code,
          name: s.name,
          at,
          byUserId: ctx.caller.userId,
          note: null,
          passed: null,
        }));
        a.currentStep = interviews.rule.steps[interviews.rule.steps.length - 1].code;
        a.status = ActionStatus.AWAITING_RECTIFICATION;
        a.dueOn = due.date;
        a.dueProvisional = due.provisional;
        a.detail = {
          ...a.detail,
          heldOn: input.heldOn,
          record: input.record,
          conductedBy: conductor,
          signatures: { interviewer: input.interviewerSigned, interviewee: input.intervieweeSigned },
          rectificationDue: {
            ...interviews.rule.rectificationReportDue,
            dueOn: due.date,
            provisional: due.provisional,
            source: basis.source,
            basis,
          },
        };
      }
      const after = interviews.rule.afterInterview;
      if (after)
        for (const a of members)
          a.detail = {
            ...a.detail,
            afterInterview: { reportedTo: after.reportTo, notified: after.notify, source: after.source },
          };
      await em.save(members);
      for (const a of members) {
        await this.writer.notifyUnit(
          em,
          tenant,
          a,
          a.targetUnitId,
          'held',
          `约谈整改：${a.number}`,
          `${a.number}约谈已于${input.heldOn}进行，请于${due.date}前（${basis.words}）书面报告整改落实情况。`,
        );
      }
      if (after) {
        const described = await this.query.describe(em, members);
        const detail = action.detail;
        await this.outbox.write(
          em,
          tenant.id,
          afterInterviewDrafts(
            tenant,
            described,
            { ...after, source: interviews.inherited ? `${after.source} (${interviews.pluginId})` : after.source },
            {
              key: groupOf(detail)?.id ?? action.id,
              form: detail.form === InterviewForm.GROUP ? InterviewForm.GROUP : InterviewForm.INDIVIDUAL,
              heldOn: input.heldOn,
              reason: typeof detail.reasonName === 'string' ? detail.reasonName : '',
              targets: Array.isArray(detail.targets) ? (detail.targets as string[]) : [],
              dueOn: due.date,
              basis,
            },
          ),
        );
      }
      return (await this.query.describe(em, [action]))[0];
    });
    await afterDecision(this.jobs, action.tenantId, { ladder: false });
    return action;
  }

  /**
   * The written rectification report of an interviewed unit, or of a unit ordered to rectify with
   * accountability (责令限期整改); late reports are recorded as late.
   */
  async fileRectificationReport(ctx: RequestContext, input: RectificationReportInput): Promise<SupervisionAction> {
    const concern = concernSql(ctx, 'a', 'write');
    if (!concern) throw SUPERVISION_ERRORS.forbidden('INTERVIEWED_UNIT_REPORTS');
    const action = await this.db.run(ctx, async (tx) => {
      await openAncestors(this.db, tx, ctx);
      const action = await concernedAction(tx.em, input.actionId, concern);
      // An interview's report (003 §六), or one ordered with accountability (责令限期整改, 003 §七).
      if (!action || !RECTIFYING_KINDS.includes(action.kind)) throw AppError.notFound('Interview');
      if (action.status !== ActionStatus.AWAITING_RECTIFICATION && action.status !== ActionStatus.OVERDUE)
        throw SUPERVISION_ERRORS.conflict('NO_REPORT_AWAITED', { status: action.status }, 'input.actionId');
      const today = shanghaiDateOf(this.clock.now());
      const late = action.dueOn !== null && today > action.dueOn;
      action.status = ActionStatus.RECTIFIED;
      action.closedAt = this.clock.now();
      action.detail = {
        ...action.detail,
        rectification: { report: input.report, filedOn: today, filedBy: ctx.caller.userId, late },
      };
      await tx.em.save(action);
      const office = await roleRecipients(tx.em, action.tenantId, [Role.OFFICE_DIRECTOR]);
      await this.outbox.write(
        tx.em,
        action.tenantId,
        office.map((u) => ({
          channel: OutboxChannel.IN_APP,
          recipient: `user:${u}`,
          subject: `整改报告：${action.number}`,
          body: `${action.number}的书面整改报告已于${today}报送${late ? '（逾期）' : ''}。`,
          dedupeKey: `action:${action.id}:rectified:${u}`,
          refId: action.id,
        })),
      );
      return (await this.query.describe(tx.em, [action]))[0];
    });
    await afterDecision(this.jobs, action.tenantId, { ladder: false });
    return action;
  }

  /** The interview and, for a group interview (集中约谈), every unit's action of the group. */
  private async members(em: EntityManager, action: SupervisionAction): Promise<SupervisionAction[]> {
    const group = groupOf(action.detail);
    if (!group) return [action];
    const others = await em.find(SupervisionAction, {
      where: {
        tenantId: action.tenantId,
        id: In(group.actionIds.filter((id) => id !== action.id)),
        kind: SupervisionActionKind.INTERVIEW,
      },
    });
    return [action, ...others];
  }

  private interviews(rules: SupervisionRules, field: string): Interviews {
    if (!rules.interviews)
      throw SUPERVISION_ERRORS.badInput(field, 'RULES_PROVIDE_NONE', { what: { en: 'interviews', zh: '约谈' } });
    return rules.interviews;
  }

  private checkPlan(interviews: Interviews, input: InterviewPlanFields): void {
    input.targets.forEach((t, i) => {
      if (!interviews.rule.targets.includes(t))
        throw SUPERVISION_ERRORS.badInput(`input.targets.${i}`, 'NOT_ONE_OF', { allowed: interviews.rule.targets });
    });
  }

  private plan(input: InterviewPlanFields): Record<string, unknown> {
    return {
      team: input.team,
      targets: input.targets,
      matters: input.matters,
      preparedOn: shanghaiDateOf(this.clock.now()),
    };
  }
}
