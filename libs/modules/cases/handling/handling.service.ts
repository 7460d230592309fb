import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import type { EntityManager } from 'typeorm';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Role, UNIT_ROLES } from '@core/identity';
import { holdersOf } from '@engine/access';
import { CASE_ERRORS, CASE_TENANT, THIS_TENANT, pluginDeclaresNone } from '../cases.errors';
import { notify, insertNotifications } from '@core/notifications';
import { User } from '@core/identity/entities';
import { MemberUnit, MemberUnitKind } from '@core/joint-meeting/entities';
import { Notification } from '@core/notifications/entities';
import { CaseStatus, HandlingLevel, OPEN_CASE_STATUSES } from '../case.enums';
import { type PetitionCase } from '../case.entity';
import { recordStep } from '../case-events';
import { unitScope, type CaseRules } from '../case-rules';
import { CaseChanges } from '../case-changes.service';
import {
  ReferralDisposition,
  type EscalateCaseInput,
  type RecordCaseFollowUpInput,
  type ReferCaseOutOfRemitInput,
  type SetCaseHandlingLevelInput,
  type TransferFirstInquiryInput,
} from './dto/handling-steps.inputs';
import { escalationTarget, gridLevelName, tierFor, type TierRule } from './handling-levels';

/** Roles that receive and handle petitions: a first-inquiry user must hold one. */
const HANDLING_ROLES: readonly Role[] = [Role.OFFICE_DIRECTOR, ...holdersOf(Role.CONVENER), ...UNIT_ROLES];

/**
 * First inquiry, referral and tiered handling of a case:
 * - 首问负责 (004 首問責任制度): the first receiver stays responsible until the office or they hand it
 *   to another user (with a reason where the plugin says so), follows it up, and — for a matter
 *   outside the remit — transfers it or guides the petitioner to the competent department.
 * - 分级处理 and 网格化 (002 §五(二)(三)): the office sets the level a case is handled at, whose first
 *   responsible the plugin names; a grid worker (the village secretary of the case's community) or
 *   the office escalates one level up, each step recorded with its rule and notified to the office.
 */
@Injectable()
export class HandlingService {
  constructor(
    @Inject(CaseChanges) private readonly cases: CaseChanges,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async transferFirstInquiry(ctx: RequestContext, input: TransferFirstInquiryInput): Promise<PetitionCase> {
    return this.cases.change(ctx, input.caseId, this.heldAction(ctx), async (em, c, rules) => {
      if (!this.isOffice(ctx, c) && c.firstInquiryUserId !== ctx.caller.userId)
        throw CASE_ERRORS.forbidden('FIRST_INQUIRY_HANDS_ON');
      this.cases.expect(c, [
        CaseStatus.RECEIVED,
        CaseStatus.ASSIGNED,
        CaseStatus.RESOLVED,
        CaseStatus.TRANSFERRED,
        CaseStatus.GUIDED,
      ]);
      const rule = rules.own.firstInquiry;
      if (rule?.transferRequiresReason && !input.reason)
        throw CASE_ERRORS.badInput('input.reason', 'TRANSFER_REASON_REQUIRED', { source: rule.source });
      if (input.toUserId === c.firstInquiryUserId)
        throw CASE_ERRORS.badInput('input.toUserId', 'ALREADY_FIRST_INQUIRY');
      const to = await em.findOne(User, { where: { id: input.toUserId, tenantId: c.tenantId, active: true } });
      if (!to) throw CASE_ERRORS.badInput('input.toUserId', 'NOT_AN_ACTIVE_USER', { where: CASE_TENANT });
      if (!to.roles.some((r) => HANDLING_ROLES.includes(r)))
        throw CASE_ERRORS.badInput('input.toUserId', 'DOES_NOT_HANDLE_PETITIONS');
      if (
        to.roles.every((r) => UNIT_ROLES.includes(r)) &&
        (!to.memberUnitId || ![c.responsibleUnitId, c.locationUnitId].includes(to.memberUnitId))
      ) {
        throw CASE_ERRORS.badInput('input.toUserId', 'CANNOT_FOLLOW_UP');
      }
      const from = c.firstInquiryUserId;
      c.firstInquiryUserId = to.id;
      const now = this.clock.now();
      await recordStep(em, ctx, c, now, {
        kind: 'FIRST_INQUIRY_TRANSFERRED',
        note: input.reason ?? null,
        rule: rule?.source ?? null,
        data: { fromUserId: from, toUserId: to.id },
      });
      await this.notifyUser(em, c.tenantId, to.id, {
        kind: 'FIRST_INQUIRY_TRANSFERRED',
        title: `首问责任移交：${c.number}`,
        body: `信访事项${c.number}的首问责任已移交给您${input.reason ? `（理由：${input.reason}）` : ''}，请及时办理、跟踪服务。`,
        dedupeKey: `first-inquiry:${c.id}:${now.toISOString()}`,
      });
    });
  }

  async referOutOfRemit(ctx: RequestContext, input: ReferCaseOutOfRemitInput): Promise<PetitionCase> {
    return this.cases.change(ctx, input.caseId, this.heldAction(ctx), async (em, c, rules) => {
      this.cases.expect(c, [CaseStatus.RECEIVED, CaseStatus.ASSIGNED]);
      const office = this.isOffice(ctx, c);
      if (!office && c.firstInquiryUserId !== ctx.caller.userId) throw CASE_ERRORS.forbidden('FIRST_INQUIRY_REFERS');
      if (!office && c.status === CaseStatus.ASSIGNED) throw CASE_ERRORS.forbidden('OFFICE_REFERS_ASSIGNED');
      const status = input.disposition === ReferralDisposition.TRANSFERRED ? CaseStatus.TRANSFERRED : CaseStatus.GUIDED;
      const assignedTo = c.status === CaseStatus.ASSIGNED ? c.responsibleUnitId : null;
      c.status = status;
      c.referral = `${input.to}：${input.reason}`;
      const now = this.clock.now();
      await recordStep(em, ctx, c, now, {
        kind: status,
        note: c.referral,
        rule: rules.own.firstInquiry?.source ?? null,
        data: { to: input.to, reason: input.reason },
      });
      const what = status === CaseStatus.TRANSFERRED ? `已转送${input.to}` : `已引导信访人到${input.to}反映`;
      const notice = {
        kind: `CASE_${status}`,
        title: `信访事项不属本级职责：${c.number}`,
        body: `${c.number}不属于本级职责权限，${what}。`,
        dedupeKey: `case-referred:${c.id}`,
      };
      await notify(em, c.tenantId, { roles: [this.cases.officeRole(rules.tenant)] }, notice);
      if (assignedTo) await notify(em, c.tenantId, { unitId: assignedTo }, notice);
    });
  }

  async recordFollowUp(ctx: RequestContext, input: RecordCaseFollowUpInput): Promise<PetitionCase> {
    return this.cases.change(ctx, input.caseId, this.heldAction(ctx), async (em, c, rules) => {
      const rule = rules.own.firstInquiry;
      if (!rule?.followUp)
        throw pluginDeclaresNone(
          'input.caseId',
          rules.tenant,
          { en: 'follow-up by the first-inquiry user', zh: '首问责任人跟进' },
          'cases.firstInquiry.followUp',
        );
      if (c.firstInquiryUserId !== ctx.caller.userId) throw CASE_ERRORS.forbidden('FIRST_INQUIRY_FOLLOWS_UP');
      this.cases.expect(c, [
        CaseStatus.RECEIVED,
        CaseStatus.ASSIGNED,
        CaseStatus.RESOLVED,
        CaseStatus.TRANSFERRED,
        CaseStatus.GUIDED,
      ]);
      await recordStep(em, ctx, c, this.clock.now(), { kind: 'FOLLOWED_UP', note: input.note, rule: rule.source });
    });
  }

  /** The office sets the handling level; the plugin's tiered handling names the first responsible. */
  async setLevel(ctx: RequestContext, input: SetCaseHandlingLevelInput): Promise<PetitionCase> {
    return this.cases.change(ctx, input.caseId, 'update', async (em, c, rules) => {
      this.cases.expect(c, OPEN_CASE_STATUSES);
      const { grid, tieredHandling } = rules.own;
      const tier = tierFor(tieredHandling, input.level);
      if (input.level === HandlingLevel.GRID ? !grid : !tier) {
        const what =
          input.level === HandlingLevel.GRID
            ? { en: `${input.level} level in its grid system`, zh: `网格体系中的 ${input.level} 层级` }
            : { en: `${input.level} level in its tiered handling`, zh: `分级办理中的 ${input.level} 层级` };
        throw pluginDeclaresNone(
          'input.level',
          rules.tenant,
          what,
          input.level === HandlingLevel.GRID ? 'cases.grid' : 'cases.tieredHandling',
        );
      }
      if (input.locationUnitId) c.locationUnitId = (await this.village(em, c.tenantId, input.locationUnitId)).id;
      if (input.level !== HandlingLevel.TOWN && !c.locationUnitId)
        throw CASE_ERRORS.badInput('input.locationUnitId', 'LEVEL_NAMES_LOCATION', { level: input.level });
      const from = c.handlingLevel;
      c.handlingLevel = input.level;
      c.firstResponsible = tier?.firstResponsible ?? null;
      const rule = tier?.source ?? grid?.source ?? null;
      await recordStep(em, ctx, c, this.clock.now(), {
        kind: 'HANDLING_LEVEL_SET',
        note: `${gridLevelName(grid, input.level)}${c.firstResponsible ? ` / ${c.firstResponsible}` : ''}`,
        rule,
        data: { from, to: input.level, firstResponsible: c.firstResponsible, locationUnitId: c.locationUnitId },
      });
      await this.notifyFirstResponsible(em, c, tier, rules);
    });
  }

  /** One level up (002 §五(二): 复杂问题由网格员上报上级民情责任区协调解决). */
  async escalate(ctx: RequestContext, input: EscalateCaseInput): Promise<PetitionCase> {
    return this.cases.change(ctx, input.caseId, 'report', async (em, c, rules) => {
      const grid = rules.own.grid;
      if (!grid)
        throw pluginDeclaresNone(
          'input.caseId',
          rules.tenant,
          { en: 'grid system to escalate in', zh: '可逐级上报的网格体系' },
          'cases.grid',
        );
      const unit = unitScope(ctx);
      if (unit !== null && !(ctx.caller.roles.includes(Role.VILLAGE_SECRETARY) && unit === c.locationUnitId)) {
        throw CASE_ERRORS.forbidden('GRID_WORKER_ESCALATES');
      }
      this.cases.expect(c, OPEN_CASE_STATUSES);
      const from = c.handlingLevel;
      if (!from) throw CASE_ERRORS.conflict('NO_HANDLING_LEVEL', { number: c.number }, 'input.caseId');
      const to = escalationTarget(grid, from);
      if (!to)
        throw CASE_ERRORS.conflict(
          'AT_TOP_LEVEL',
          { number: c.number, level: gridLevelName(grid, from) },
          'input.caseId',
        );
      if (to === HandlingLevel.COMMUNITY && !c.locationUnitId)
        throw CASE_ERRORS.conflict('NO_LOCATION', { number: c.number }, 'input.caseId');
      const tier = tierFor(rules.own.tieredHandling, to);
      c.handlingLevel = to;
      c.firstResponsible = tier?.firstResponsible ?? null;
      const now = this.clock.now();
      await recordStep(em, ctx, c, now, {
        kind: 'ESCALATED',
        note: input.reason,
        rule: `${grid.escalation} — ${grid.source}`,
        data: {
          from,
          to,
          fromName: gridLevelName(grid, from),
          toName: gridLevelName(grid, to),
          firstResponsible: c.firstResponsible,
          firstResponsibleRule: tier?.source ?? null,
        },
      });
      await notify(
        em,
        c.tenantId,
        { roles: [this.cases.officeRole(rules.tenant)] },
        {
          kind: 'CASE_ESCALATED',
          title: `信访事项上报：${c.number}`,
          body: `${c.number}由${gridLevelName(grid, from)}上报${gridLevelName(grid, to)}协调解决${c.firstResponsible ? `，第一责任人：${c.firstResponsible}` : ''}。理由：${input.reason}`,
          dedupeKey: `case-escalated:${c.id}:${from}-${to}:${now.toISOString()}`,
        },
      );
      await this.notifyFirstResponsible(em, c, tier, rules);
    });
  }

  /**
   * The first-inquiry user may hold any role that receives petitions: the change runs under the case
   * action the caller holds (office 'update', conveners 'approve', units 'report'), and the step
   * then checks who they are.
   */
  private heldAction(ctx: RequestContext): 'update' | 'report' | 'approve' {
    return (['update', 'approve', 'report'] as const).find((a) => ctx.ability.can(a, 'PetitionCase')) ?? 'update';
  }

  private isOffice(ctx: RequestContext, c: PetitionCase): boolean {
    return ctx.ability.can('update', subject('PetitionCase', { tenantId: c.tenantId }));
  }

  /** Where the plugin names a unit role as first responsible (社区书记), the case's community hears of it. */
  private async notifyFirstResponsible(
    em: EntityManager,
    c: PetitionCase,
    tier: TierRule | null,
    rules: CaseRules,
  ): Promise<void> {
    if (!tier?.role || !c.locationUnitId || !UNIT_ROLES.includes(tier.role as Role)) return;
    await notify(
      em,
      c.tenantId,
      { unitId: c.locationUnitId },
      {
        kind: 'CASE_FIRST_RESPONSIBLE',
        title: `分级处理：${c.number}`,
        body: `${c.number}需在${gridLevelName(rules.own.grid, c.handlingLevel!)}一级解决，${tier.firstResponsible}是第一责任人（${tier.source}）。`,
        dedupeKey: `case-first-responsible:${c.id}:${c.handlingLevel}:${c.locationUnitId}`,
      },
    );
  }

  private async notifyUser(
    em: EntityManager,
    tenantId: string,
    userId: string,
    notice: Pick<Notification, 'kind' | 'title' | 'body' | 'dedupeKey'>,
  ): Promise<void> {
    await insertNotifications(em, tenantId, [userId], notice);
  }

  private async village(em: EntityManager, tenantId: string, id: string): Promise<MemberUnit> {
    const unit = await em.findOne(MemberUnit, { where: { id, tenantId, active: true } });
    if (!unit || ![MemberUnitKind.VILLAGE, MemberUnitKind.COMMUNITY].includes(unit.kind)) {
      throw CASE_ERRORS.badInput('input.locationUnitId', 'NOT_AN_ACTIVE_VILLAGE', { where: THIS_TENANT });
    }
    return unit;
  }
}
