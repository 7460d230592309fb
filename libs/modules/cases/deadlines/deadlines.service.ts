import { Inject, Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { addDays, shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Role } from '@core/identity';
import { holdersOf } from '@engine/access';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import { CASE_ERRORS } from '../cases.errors';
import { groupBy } from '@engine/util';
import { RulesChangeParticipants, touchedKeys, type AffectedItem, type RulesChangeView } from '@engine/plugins';
import { notify } from '@core/notifications';
import { OPEN_CASE_STATUSES } from '../case.enums';
import { PetitionCase } from '../case.entity';
import { CaseExtension, ExtensionStatus } from '../case-records.entity';
import { recordStep } from '../case-events';
import { caseRulesOf, tenantByCode, type CaseRules } from '../case-rules';
import type { CaseLimits } from '../case-limits';
import { CaseSweepService } from '../case-sweep.service';
import { recordOverdueCases } from '../case-sweep.query';
import { CaseChanges } from '../case-changes.service';
import type { DecideCaseExtensionInput, RequestCaseExtensionInput } from './dto/deadline.inputs';

/**
 * Time limits of cases (issue 5 item 6). A case's `dueOn` comes from the plugin's step limits at
 * assignment (`stepDue`) or is set by the office; this service detects open cases past it (a
 * CASE_OVERDUE finding per case and due date, the responsible unit and the office told once) and runs
 * extensions (延期): the responsible unit or the office asks for a later date with a reason, the office
 * or a convener decides with a reason, and an approval moves `dueOn` — so a new overdue finding can
 * only arise for the new date.
 */
@Injectable()
export class DeadlinesService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CaseChanges) private readonly cases: CaseChanges,
    @Inject(CaseSweepService) sweeps: CaseSweepService,
    @Inject(RulesChangeParticipants) rulesChanges: RulesChangeParticipants,
  ) {
    sweeps.register({ name: 'case-overdue', run: (em, ctx, rules, today) => this.sweep(em, ctx, rules, today) });
    rulesChanges.register({ name: 'case-deadlines', affected: (em, view) => this.affectedByRules(em, view) });
  }

  /**
   * A rules change and running time limits: an open case whose time limit came from a step limit the
   * change alters or removes is listed; it keeps its due date (set when the step began) — the new limit
   * applies to steps begun after the change. Case numbers and dates only, no personal data.
   */
  private async affectedByRules(em: EntityManager, view: RulesChangeView): Promise<AffectedItem[]> {
    const steps = touchedKeys(view.changes, 'cases.stepLimits');
    if (!steps.length) return [];
    const open = await em.find(PetitionCase, {
      where: { tenantId: view.tenantId, status: In([...OPEN_CASE_STATUSES]) },
      select: { id: true, number: true, dueOn: true, dueRule: true },
      order: { dueOn: 'ASC' },
    });
    const out: AffectedItem[] = [];
    for (const c of open) {
      const step = steps.find((s) => c.dueOn && c.dueRule?.startsWith(`${s} `));
      if (!step) continue;
      const after = view.after.cases.stepLimits.find((l) => l.step === step);
      out.push({
        kind: 'CASE_DEADLINE',
        id: c.id,
        label: `${c.number} ${step} due ${c.dueOn}`,
        paths: view.changes
          .map((x) => x.path)
          .filter((x) => x === `cases.stepLimits[${step}]` || x.startsWith(`cases.stepLimits[${step}].`)),
        effect: `keeps its time limit (${c.dueOn}); ${after ? `${step} ${after.within.amount} ${after.within.unit}` : `no ${step} limit`} applies to steps begun after the change`,
      });
    }
    return out;
  }

  /** The tenant's ledger limits and where each comes from (plugin article or platform default). */
  async limits(ctx: RequestContext, tenantCode: string): Promise<CaseLimits> {
    return this.db.run(ctx, async ({ em }) => {
      const rules = await caseRulesOf(em, await tenantByCode(em, tenantCode));
      return { groupPetition: rules.groupPetition, extensionCap: rules.extensionCap };
    });
  }

  async requestExtension(ctx: RequestContext, input: RequestCaseExtensionInput): Promise<CaseExtension> {
    let saved: CaseExtension | null = null;
    await this.cases.change(ctx, input.caseId, 'report', async (em, c, rules) => {
      this.cases.responsible(ctx, c);
      this.cases.expect(c, OPEN_CASE_STATUSES);
      if (!c.dueOn) throw CASE_ERRORS.conflict('NO_TIME_LIMIT', { number: c.number }, 'input.caseId');
      const now = this.clock.now();
      const today = shanghaiDateOf(now);
      if (input.requestedDueOn <= c.dueOn)
        throw CASE_ERRORS.badInput('input.requestedDueOn', 'NOT_AFTER_CURRENT_LIMIT', { on: c.dueOn });
      if (input.requestedDueOn < today) throw CASE_ERRORS.badInput('input.requestedDueOn', 'IN_THE_PAST');
      // One extension adds at most the plugin's cap, or the platform default of 30 days (《信访工作条例》第三十二条).
      if (input.requestedDueOn > addDays(c.dueOn, rules.extensionCap.value)) {
        throw CASE_ERRORS.badInput('input.requestedDueOn', 'EXTENSION_BEYOND_CAP', {
          cap: rules.extensionCap.words,
          latest: addDays(c.dueOn, rules.extensionCap.value),
        });
      }
      if (await em.exists(CaseExtension, { where: { caseId: c.id, status: ExtensionStatus.REQUESTED } })) {
        throw CASE_ERRORS.conflict('EXTENSION_PENDING', { number: c.number }, 'input.caseId');
      }
      saved = await em.save(
        em.create(CaseExtension, {
          tenantId: c.tenantId,
          caseId: c.id,
          currentDueOn: c.dueOn,
          requestedDueOn: input.requestedDueOn,
          reason: input.reason,
          status: ExtensionStatus.REQUESTED,
          requestedById: ctx.caller.userId,
          requestedAt: now,
        }),
      );
      await recordStep(em, ctx, c, now, {
        kind: 'EXTENSION_REQUESTED',
        note: input.reason,
        data: { extensionId: saved.id, currentDueOn: c.dueOn, requestedDueOn: input.requestedDueOn },
      });
      await notify(
        em,
        c.tenantId,
        { roles: [this.cases.officeRole(rules.tenant), ...holdersOf(Role.CONVENER)] },
        {
          kind: 'CASE_EXTENSION_REQUESTED',
          title: `延期申请：${c.number}`,
          body: `${c.number}申请将办理时限由${c.dueOn}延至${input.requestedDueOn}，理由：${input.reason}。请审批。`,
          dedupeKey: `case-extension-requested:${saved.id}`,
        },
      );
    });
    return saved!;
  }

  async decideExtension(ctx: RequestContext, input: DecideCaseExtensionInput): Promise<CaseExtension> {
    return this.db.run(ctx, async ({ em }) => {
      const found = await em.findOne(CaseExtension, { where: { id: input.extensionId } });
      if (!found) throw AppError.notFound('Extension request');
      let decided: CaseExtension | null = null;
      await this.cases.change(ctx, found.caseId, 'approve', async (em2, c) => {
        const ext = await em2.findOneOrFail(CaseExtension, {
          where: { id: found.id },
          lock: { mode: 'pessimistic_write' },
        });
        if (ext.status !== ExtensionStatus.REQUESTED)
          throw CASE_ERRORS.conflict(
            'EXTENSION_ALREADY_DECIDED',
            { status: ext.status.toLowerCase() },
            'input.extensionId',
          );
        const now = this.clock.now();
        if (input.approve) {
          if (!OPEN_CASE_STATUSES.includes(c.status))
            throw CASE_ERRORS.conflict(
              'EXTENSION_CASE_NOT_OPEN',
              { number: c.number, status: c.status },
              'input.extensionId',
            );
          if (c.dueOn !== ext.currentDueOn) {
            throw CASE_ERRORS.conflict(
              'TIME_LIMIT_CHANGED',
              { number: c.number, dueOn: c.dueOn ?? 'none' },
              'input.extensionId',
            );
          }
          Object.assign(c, {
            dueOn: ext.requestedDueOn,
            dueProvisional: false,
            dueRule: `extended from ${ext.currentDueOn} (延期, approved ${shanghaiDateOf(now)})`,
          });
        }
        Object.assign(ext, {
          status: input.approve ? ExtensionStatus.APPROVED : ExtensionStatus.REJECTED,
          decidedById: ctx.caller.userId,
          decidedAt: now,
          decisionNote: input.note,
        });
        decided = await em2.save(ext);
        await recordStep(em2, ctx, c, now, {
          kind: input.approve ? 'EXTENSION_APPROVED' : 'EXTENSION_REJECTED',
          note: input.note,
          data: {
            extensionId: ext.id,
            currentDueOn: ext.currentDueOn,
            requestedDueOn: ext.requestedDueOn,
            dueOn: c.dueOn,
          },
        });
        if (c.responsibleUnitId) {
          await notify(
            em2,
            c.tenantId,
            { unitId: c.responsibleUnitId },
            {
              kind: input.approve ? 'CASE_EXTENSION_APPROVED' : 'CASE_EXTENSION_REJECTED',
              title: `延期申请${input.approve ? '已批准' : '未批准'}：${c.number}`,
              body: input.approve
                ? `${c.number}办理时限延至${ext.requestedDueOn}。${input.note}`
                : `${c.number}办理时限仍为${c.dueOn}。${input.note}`,
              dedupeKey: `case-extension-decided:${ext.id}`,
            },
          );
        }
      });
      return decided!;
    });
  }

  /** Extension requests of cases, oldest first (a DataLoader batch). */
  async extensionsOf(ctx: RequestContext, caseIds: readonly string[]): Promise<Map<string, CaseExtension[]>> {
    const rows = await this.db.run(ctx, ({ em }) =>
      em.find(CaseExtension, { where: { caseId: In([...caseIds]) }, order: { requestedAt: 'ASC' } }),
    );
    return groupBy(caseIds, rows, (r) => r.caseId);
  }

  /**
   * The sweep step: every open case past its time limit gets one CASE_OVERDUE finding for that date
   * (with the rule the limit came from), a step in its history, and one notice to its responsible
   * unit and the office. Idempotent by the dedupe key (case, due date). One statement for the tenant
   * (recordOverdueCases): a repeat reads nothing it already found.
   */
  async sweep(em: EntityManager, ctx: RequestContext, rules: CaseRules, today: string): Promise<number> {
    return recordOverdueCases(em, {
      tenantId: rules.tenant.id,
      today,
      at: this.clock.now(),
      byUserId: ctx.isAuthenticated ? ctx.caller.userId : null,
      officeRole: this.cases.officeRole(rules.tenant),
    });
  }
}
