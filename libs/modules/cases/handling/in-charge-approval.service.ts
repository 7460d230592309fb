import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { User } from '@core/identity/entities';
import { notify } from '@core/notifications';
import { CaseStatus, type InChargeApprovalRecord } from '../case.enums';
import { type PetitionCase } from '../case.entity';
import { recordStep } from '../case-events';
import type { CaseRules } from '../case-rules';
import { CASE_ERRORS, THIS_TENANT, pluginDeclaresNone } from '../cases.errors';
import { CaseChanges } from '../case-changes.service';
import type { RecordInChargeApprovalInput, SendCaseForInChargeApprovalInput } from './dto/in-charge-approval.inputs';

/**
 * 004 首问责任制度 3: 对反映本辖区范围内的问题，要及时送交分管领导审批，迅速组织调查、答复. The first receiver (or the
 * office) sends a matter within the remit — a case not transferred or guided elsewhere — to the leader in
 * charge: by default the leader whose line it is in (分线报案, `setLeaderLines`). The leader approves with an
 * instruction through their account, or the office records a written approval; each step names who and when.
 */
@Injectable()
export class InChargeApprovalService {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CaseChanges) private readonly cases: CaseChanges,
  ) {}

  async send(ctx: RequestContext, input: SendCaseForInChargeApprovalInput): Promise<PetitionCase> {
    return this.cases.change(ctx, input.caseId, this.heldAction(ctx), async (em, c, rules) => {
      const rule = this.rule(rules);
      if (!this.isOffice(ctx, c) && c.firstInquiryUserId !== ctx.caller.userId)
        throw CASE_ERRORS.forbidden('FIRST_INQUIRY_SENDS_FOR_APPROVAL');
      // Within the remit (本辖区范围内): a case transferred or guided elsewhere is not the town's to approve.
      this.cases.expect(c, [CaseStatus.RECEIVED, CaseStatus.ASSIGNED]);
      if (c.inChargeApproval)
        throw CASE_ERRORS.conflict(
          'ALREADY_SENT_FOR_APPROVAL',
          { number: c.number, leader: c.inChargeApproval.leader },
          'input.caseId',
        );
      const leader = input.leader ?? c.lineLeader;
      if (!leader) throw CASE_ERRORS.badInput('input.leader', 'LEADER_REQUIRED', { number: c.number });
      const leaderUserId = input.userId ?? (input.leader ? null : c.lineLeaderUserId);
      if (input.userId && !(await em.exists(User, { where: { id: input.userId, tenantId: c.tenantId, active: true } })))
        throw CASE_ERRORS.badInput('input.userId', 'NOT_AN_ACTIVE_USER', { where: THIS_TENANT });
      const now = this.clock.now();
      const record: InChargeApprovalRecord = {
        status: 'PENDING',
        leader,
        leaderUserId,
        rule: rule.source,
        requestedAt: now.toISOString(),
        requestedById: ctx.caller.userId!,
        instruction: null,
        approvedAt: null,
        recordedById: null,
      };
      c.inChargeApproval = record;
      await recordStep(em, ctx, c, now, {
        kind: 'IN_CHARGE_APPROVAL_REQUESTED',
        note: `送交分管领导${leader}审批`,
        rule: rule.source,
        data: { leader, fromLine: !input.leader },
      });
      if (leaderUserId)
        await notify(
          em,
          c.tenantId,
          { userIds: [leaderUserId] },
          {
            kind: 'CASE_FOR_APPROVAL',
            title: `送审：${c.number}`,
            body: `${c.number}送您审批，审批后迅速组织调查、答复（${rule.source}）。`,
            dedupeKey: `case-in-charge-approval:${c.id}`,
          },
        );
    });
  }

  async approve(ctx: RequestContext, input: RecordInChargeApprovalInput): Promise<PetitionCase> {
    return this.cases.change(ctx, input.caseId, this.heldAction(ctx), async (em, c, rules) => {
      const rule = this.rule(rules);
      const a = c.inChargeApproval;
      if (!a) throw CASE_ERRORS.conflict('NOT_SENT_FOR_APPROVAL', { number: c.number }, 'input.caseId');
      const byLeader = a.leaderUserId !== null && a.leaderUserId === ctx.caller.userId;
      if (!byLeader && !this.isOffice(ctx, c))
        throw CASE_ERRORS.forbidden('IN_CHARGE_LEADER_APPROVES', { leader: a.leader });
      if (a.status === 'DONE')
        throw CASE_ERRORS.conflict(
          'ALREADY_APPROVED',
          { number: c.number, on: shanghaiDateOf(new Date(a.approvedAt!)) },
          'input.caseId',
        );
      this.cases.expect(c, [CaseStatus.RECEIVED, CaseStatus.ASSIGNED, CaseStatus.RESOLVED]);
      const now = this.clock.now();
      c.inChargeApproval = {
        ...a,
        status: 'DONE',
        instruction: input.instruction,
        approvedAt: now.toISOString(),
        recordedById: ctx.caller.userId!,
      };
      await recordStep(em, ctx, c, now, {
        kind: 'IN_CHARGE_APPROVED',
        note: `${a.leader}审批：${input.instruction}${byLeader ? '' : '（联席办据书面审批记录）'}`,
        rule: rule.source,
        data: { leader: a.leader, recordedByLeader: byLeader },
      });
      const told = [...new Set([c.firstInquiryUserId, a.requestedById].filter((id) => id !== ctx.caller.userId))];
      await notify(
        em,
        c.tenantId,
        { userIds: told },
        {
          kind: 'CASE_APPROVED_IN_CHARGE',
          title: `分管领导已审批：${c.number}`,
          body: `${a.leader}审批：${input.instruction}。请迅速组织调查、答复（${rule.source}）。`,
          dedupeKey: `case-in-charge-approved:${c.id}`,
        },
      );
    });
  }

  private rule(rules: CaseRules): { source: string } {
    const rule = rules.own.firstInquiry?.inChargeApproval;
    if (!rule)
      throw pluginDeclaresNone(
        'input.caseId',
        rules.tenant,
        { en: "the leader in charge's approval", zh: '送交分管领导审批' },
        'cases.firstInquiry.inChargeApproval',
      );
    return rule;
  }

  private isOffice(ctx: RequestContext, c: PetitionCase): boolean {
    return ctx.ability.can('update', subject('PetitionCase', { tenantId: c.tenantId }));
  }

  private heldAction(ctx: RequestContext): 'update' | 'report' | 'approve' {
    return (['update', 'approve', 'report'] as const).find((a) => ctx.ability.can(a, 'PetitionCase')) ?? 'update';
  }
}
