import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import type { EntityManager } from 'typeorm';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Role } from '@core/identity';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import type { Tenant } from '@core/tenancy/entities';
import { CASE_ERRORS } from './cases.errors';
import { CaseStatus } from './case.enums';
import { PetitionCase } from './case.entity';
import { canSeeCase, caseRulesOf, pluginOf, tenantById, unitScope, type CaseRules } from './case-rules';

export type CaseChange = (em: EntityManager, c: PetitionCase, rules: CaseRules) => Promise<void>;

/**
 * The one template of a case's transitions, shared by every sub-domain of the ledger (intake, handling,
 * deadlines, review, screening, ledger): load, check, mutate, save in one transaction, and the checks the
 * transitions share (status, responsible unit, the office's role).
 */
@Injectable()
export class CaseChanges {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * Loads a case the caller can see, checks `action` on its tenant, applies `change` and saves —
   * all in one transaction. Other case services build their transitions on it.
   */
  async change(
    ctx: RequestContext,
    caseId: string,
    action: 'update' | 'report' | 'approve',
    change: CaseChange,
  ): Promise<PetitionCase> {
    return this.db.run(ctx, async ({ em }) => {
      const c = await em.findOne(PetitionCase, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
      if (!c || !canSeeCase(ctx, c)) throw AppError.notFound('Case');
      if (!ctx.ability.can(action, subject('PetitionCase', { tenantId: c.tenantId })))
        throw CASE_ERRORS.forbidden(this.denial(action));
      const rules = await caseRulesOf(em, await tenantById(em, c.tenantId));
      await change(em, c, rules);
      c.updatedAt = this.clock.now();
      return em.save(c);
    });
  }

  /** A unit user may act only on cases its unit is responsible for. */
  responsible(ctx: RequestContext, c: PetitionCase): void {
    const unit = unitScope(ctx);
    if (unit && unit !== c.responsibleUnitId) throw CASE_ERRORS.forbidden('RESPONSIBLE_UNIT_ONLY');
  }

  /** A progress report may come from the lead unit or a participating unit (004 预测排查制度 5: 共同处理解决). */
  responsibleOrParticipant(ctx: RequestContext, c: PetitionCase): void {
    const unit = unitScope(ctx);
    if (unit && unit !== c.responsibleUnitId && !c.participatingUnitIds.includes(unit))
      throw CASE_ERRORS.forbidden('LEAD_OR_PARTICIPANT_REPORTS');
  }

  expect(c: PetitionCase, states: readonly CaseStatus[]): void {
    if (!states.includes(c.status))
      throw CASE_ERRORS.conflict(
        'CASE_WRONG_STATUS',
        { number: c.number, status: c.status, needed: states.join(' / ') },
        'input.caseId',
      );
  }

  officeRole(tenant: Tenant): Role {
    return pluginOf(tenant).structure.office.director.role as Role;
  }

  private denial(action: string): 'OFFICE_ONLY' | 'OFFICE_OR_CONVENER_DECIDES' | 'RESPONSIBLE_OR_OFFICE_REPORTS' {
    switch (action) {
      case 'update':
        return 'OFFICE_ONLY';
      case 'approve':
        return 'OFFICE_OR_CONVENER_DECIDES';
      default:
        return 'RESPONSIBLE_OR_OFFICE_REPORTS';
    }
  }
}
