import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import type { EntityManager } from 'typeorm';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { PiiCipher } from '@engine/crypto';
import { Db, lockKeys } from '@engine/database';
import { CASE_ERRORS, THIS_TENANT } from '../cases.errors';
import { CalendarService } from '@core/calendar';
import { notify } from '@core/notifications';
import { MemberUnit, MemberUnitKind } from '@core/joint-meeting/entities';
import type { Tenant } from '@core/tenancy/entities';
import {
  CaseChannel,
  CaseSource,
  CaseStatus,
  HandlingLevel,
  KeyCaseBasis,
  LeaderTier,
  OPEN_CASE_STATUSES,
} from '../case.enums';
import { CaseLink, CasePetitioner } from '../case-petitioner.entity';
import { PetitionCase } from '../case.entity';
import { recordStep } from '../case-events';
import { recusalData } from '../reception/recusal-step';
import { dutyCovers, requestPrincipalAssignment, routeByLine } from '../ledger/ledger-rules';
import { caseRulesOf, isGroupPetition, keyCaseByRule, requiredOwnership, tenantByCode, unitScope } from '../case-rules';
import type { AssignCaseInput, CloseCaseInput, ReceivePetitionInput, ResolveCaseInput } from './dto/intake.inputs';
import { sealPetitioner } from './petitioner.model';
import { ReceptionService } from '../reception/reception.service';
import { stepDue } from '../deadlines/time-limits';
import { earlierCasesOfSamePetitioner, nextCaseSequence } from './case-numbers.query';
import { CaseChanges } from '../case-changes.service';

/**
 * Intake and the main line of a case: received (with repeat detection, group flag, ownership tier and
 * reception duty), assigned to a responsible unit and person (归口) with its time limit, resolved by
 * the responsible unit, closed by the office (结案销号). Each step is one transaction with its history.
 */
@Injectable()
export class CasesService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(PiiCipher) private readonly cipher: PiiCipher,
    @Inject(CalendarService) private readonly calendars: CalendarService,
    @Inject(ReceptionService) private readonly reception: ReceptionService,
    @Inject(CaseChanges) private readonly changes: CaseChanges,
  ) {}

  async receive(ctx: RequestContext, input: ReceivePetitionInput): Promise<PetitionCase> {
    if (input.channel === CaseChannel.ASSIGNED && !input.assignedByLevel)
      throw CASE_ERRORS.badInput('input.assignedByLevel', 'ASSIGNED_BY_LEVEL_REQUIRED');
    if (input.channel !== CaseChannel.ASSIGNED && input.assignedByLevel)
      throw CASE_ERRORS.badInput('input.assignedByLevel', 'ONLY_FOR_ASSIGNED');
    if (input.peopleCount !== undefined && input.peopleCount < input.petitioners.length)
      throw CASE_ERRORS.badInput('input.peopleCount', 'PEOPLE_FEWER_THAN_PETITIONERS');
    const sealed = input.petitioners.map((p) => sealPetitioner(this.cipher, p));
    return this.db.run(ctx, async ({ em }) => {
      // Intakes of the same person one at a time (an advisory lock per petitioner key), stamped once the
      // lock is held: each counts every earlier intake as a repeat (six in parallel counted 0,1,1,2,2,4).
      await lockKeys(
        em,
        sealed.map((p) => `petitioner:${input.tenantCode}:${p.personKey}`),
      );
      const now = this.clock.now();
      const today = shanghaiDateOf(now);
      const tenant = await tenantByCode(em, input.tenantCode);
      if (!ctx.ability.can('create', subject('PetitionCase', { tenantId: tenant.id })))
        throw CASE_ERRORS.forbidden('TENANT_USERS_RECEIVE');
      const rules = await caseRulesOf(em, tenant);
      // 004 領導接待日制度 2: the leader on duty answers for the channels the plugin lists (来信来访); visits by default.
      const onDutyChannel = rules.own.reception
        ? dutyCovers(rules, input.channel)
        : input.channel === CaseChannel.VISIT;
      if (input.dutyLeaderConflict && !onDutyChannel) {
        throw rules.own.reception
          ? CASE_ERRORS.badInput('input.dutyLeaderConflict', 'DUTY_LEADER_CHANNELS', {
              channels: rules.own.reception.channels.join(', '),
              source: rules.own.reception.source,
            })
          : CASE_ERRORS.badInput('input.dutyLeaderConflict', 'DUTY_LEADER_ONLY_FOR_VISITS');
      }
      const categories = rules.own.categories;
      if (input.category && categories.length && !categories.some((c) => c.code === input.category)) {
        throw CASE_ERRORS.badInput('input.category', 'NOT_IN_PLUGIN_LIST', {
          allowed: categories.map((c) => c.code),
          source: '',
        });
      }
      const location = input.locationUnitId ? await this.village(em, tenant, input.locationUnitId) : null;
      const unit = unitScope(ctx);
      if (unit && input.channel === CaseChannel.GRID_REPORT && !location)
        throw CASE_ERRORS.badInput('input.locationUnitId', 'GRID_REPORT_NAMES_LOCATION');
      const source =
        input.source ?? (input.channel === CaseChannel.ASSIGNED ? CaseSource.ASSIGNED_FROM_ABOVE : CaseSource.LOCAL);
      const ownership = requiredOwnership(rules, source);
      const keyRule = keyCaseByRule(rules, ownership);
      const peopleCount = input.peopleCount ?? input.petitioners.length;
      const duty = onDutyChannel
        ? await this.reception.dutyFor(
            em,
            rules,
            today,
            input.dutyLeaderConflict ?? null,
            input.petitioners.map((p) => p.name),
          )
        : null;
      const c = await em.save(
        em.create(PetitionCase, {
          tenantId: tenant.id,
          number: await this.nextNumber(em, tenant.id, Number(today.slice(0, 4))),
          channel: input.channel,
          assignedByLevel: input.assignedByLevel ?? null,
          source,
          matter: input.matter,
          category: input.category ?? null,
          locationUnitId: location?.id ?? null,
          grid: input.grid ?? null,
          location: input.location ?? null,
          attachments: (input.attachments ?? []).map((a) => ({
            name: a.name,
            kind: a.kind ?? null,
            reference: a.reference ?? null,
          })),
          peopleCount,
          groupPetition: isGroupPetition(rules, input.channel, peopleCount),
          signed: input.signed ?? false,
          jointSigned: input.jointSigned ?? false,
          skipLevel: input.skipLevel ?? false,
          status: CaseStatus.RECEIVED,
          receivedAt: now,
          receivedOn: today,
          receivedById: ctx.caller.userId,
          firstInquiryUserId: ctx.caller.userId,
          receptionLeader: duty?.leader ?? null,
          handlingLevel: input.channel === CaseChannel.GRID_REPORT ? HandlingLevel.GRID : null,
          ownerTier: ownership?.tier ?? null,
          ownerRule: ownership?.rule ?? null,
          countyOwnerTier: ownership?.countyTier ?? null,
          countyOwnerRule: ownership?.countyTier ? ownership.rule : null,
          keyCase: keyRule !== null,
          keyCaseBasis: keyRule ? KeyCaseBasis.RULE : null,
          keyCaseRule: keyRule,
          keyCaseSince: keyRule ? now : null,
          updatedAt: now,
        }),
      );
      const people = sealed.map((p, i) => ({ tenantId: tenant.id, caseId: c.id, position: i + 1, ...p }));
      await em.insert(CasePetitioner, people);
      c.repeatCount = await this.linkRepeats(
        em,
        c,
        people.map((p) => p.personKey),
      );
      if (c.repeatCount) await em.update(PetitionCase, { id: c.id }, { repeatCount: c.repeatCount });
      await recordStep(em, ctx, c, now, {
        kind: 'RECEIVED',
        note: `${c.channel}${c.assignedByLevel ? ` (${c.assignedByLevel})` : ''}`,
        data: {
          peopleCount,
          groupPetition: c.groupPetition,
          repeatCount: c.repeatCount,
          firstInquiryUserId: ctx.caller.userId,
        },
      });
      if (duty?.recusal)
        await recordStep(em, ctx, c, now, {
          kind: 'RECUSED',
          note: duty.recusal.reason,
          rule: duty.rule,
          data: recusalData(this.cipher, duty.recusal.leader, duty.leader),
        });
      if (ownership?.tier)
        await recordStep(em, ctx, c, now, { kind: 'OWNERSHIP_REQUIRED', note: ownership.tier, rule: ownership.rule });
      if (ownership?.countyTier)
        await recordStep(em, ctx, c, now, {
          kind: 'COUNTY_OWNERSHIP_REQUIRED',
          note: ownership.countyTier,
          rule: ownership.rule,
        });
      if (keyRule)
        await recordStep(em, ctx, c, now, {
          kind: 'KEY_CASE_MARKED',
          note: '重点案件',
          rule: keyRule,
          data: { basis: KeyCaseBasis.RULE },
        });
      if (duty?.leaderUserId) {
        await notify(
          em,
          tenant.id,
          { userIds: [duty.leaderUserId] },
          {
            kind: 'CASE_ON_DUTY',
            title: `值班受理：${c.number}`,
            body: `${c.number}（${c.channel === CaseChannel.LETTER ? '来信' : '来访'}）由您当天值班负责（${duty.rule}）。`,
            dedupeKey: `case-duty:${c.id}`,
          },
        );
      }
      await requestPrincipalAssignment(em, ctx, rules, c, now);
      await routeByLine(em, ctx, rules, c, now);
      if (c.principalStatus || c.lineLeader) {
        await em.update(
          PetitionCase,
          { id: c.id },
          {
            principalStatus: c.principalStatus,
            principalRule: c.principalRule,
            lineLeader: c.lineLeader,
            lineLeaderUserId: c.lineLeaderUserId,
            lineRule: c.lineRule,
          },
        );
      }
      await notify(
        em,
        tenant.id,
        { roles: [this.changes.officeRole(tenant)] },
        {
          kind: 'CASE_RECEIVED',
          title: `信访事项登记：${c.number}`,
          body: `${c.number}已登记，请归口交办${ownership?.tier ? `，并落实${ownership.tier === LeaderTier.PRINCIPAL ? '主要' : '分管'}领导包案（${ownership.rule}）` : ''}${ownership?.countyTier ? `，县级${ownership.countyTier === LeaderTier.PRINCIPAL ? '主要' : '分管'}领导共同包案（${ownership.rule}）` : ''}。`,
          dedupeKey: `case-received:${c.id}`,
        },
      );
      return c;
    });
  }

  /** The office assigns the responsible unit and person (归口); the time limit from input or the plugin. */
  async assign(ctx: RequestContext, input: AssignCaseInput): Promise<PetitionCase> {
    return this.changes.change(ctx, input.caseId, 'update', async (em, c, rules) => {
      this.changes.expect(c, OPEN_CASE_STATUSES);
      const tenant = rules.tenant;
      const unit = await em.findOne(MemberUnit, {
        where: { id: input.responsibleUnitId, tenantId: tenant.id, active: true },
      });
      if (!unit) throw CASE_ERRORS.badInput('input.responsibleUnitId', 'NOT_AN_ACTIVE_UNIT', { where: THIS_TENANT });
      const today = shanghaiDateOf(this.clock.now());
      if (input.dueOn && input.dueOn < today) throw CASE_ERRORS.badInput('input.dueOn', 'IN_THE_PAST');
      const fromPlugin = input.dueOn ? null : await stepDue(this.calendars, ctx, rules, 'HANDLING', today);
      const reassigned = c.status === CaseStatus.ASSIGNED;
      Object.assign(c, {
        status: CaseStatus.ASSIGNED,
        responsibleUnitId: unit.id,
        responsiblePerson: input.responsiblePerson,
        dueOn: input.dueOn ?? fromPlugin?.date ?? c.dueOn,
        dueProvisional: input.dueOn ? false : (fromPlugin?.provisional ?? c.dueProvisional),
        dueRule: input.dueOn ? 'set by the office' : (fromPlugin?.rule ?? c.dueRule),
      });
      await recordStep(em, ctx, c, this.clock.now(), {
        kind: reassigned ? 'REASSIGNED' : 'ASSIGNED',
        note: `${unit.name} / ${input.responsiblePerson}${c.principalStatus === 'PENDING' ? '（主要领导批转待记录）' : ''}`,
        rule: c.dueRule,
        data: { responsibleUnitId: unit.id, dueOn: c.dueOn, principalAssignment: c.principalStatus },
      });
      await routeByLine(em, ctx, rules, c, this.clock.now());
      await notify(
        em,
        tenant.id,
        { unitId: unit.id },
        {
          kind: 'CASE_ASSIGNED',
          title: `信访事项交办：${c.number}`,
          body: `${c.number}交由本单位办理，责任人${input.responsiblePerson}${c.dueOn ? `，办理时限${c.dueOn}${c.dueProvisional ? '（暂定）' : ''}` : ''}。`,
          dedupeKey: `case-assigned:${c.id}:${unit.id}`,
        },
      );
    });
  }

  /** The responsible unit (or the office) reports the case resolved (化解). */
  async resolve(ctx: RequestContext, input: ResolveCaseInput): Promise<PetitionCase> {
    return this.changes.change(ctx, input.caseId, 'report', async (em, c, rules) => {
      this.changes.responsible(ctx, c);
      this.changes.expect(c, [CaseStatus.ASSIGNED]);
      const now = this.clock.now();
      Object.assign(c, { status: CaseStatus.RESOLVED, resolution: input.resolution, resolvedAt: now });
      await recordStep(em, ctx, c, now, {
        kind: 'RESOLVED',
        note: input.resolution,
        data: { inTime: c.dueOn === null || shanghaiDateOf(now) <= c.dueOn },
      });
      await notify(
        em,
        c.tenantId,
        { roles: [this.changes.officeRole(rules.tenant)] },
        {
          kind: 'CASE_RESOLVED',
          title: `信访事项已化解：${c.number}`,
          body: `${c.number}已报化解，请审核结案销号。`,
          dedupeKey: `case-resolved:${c.id}:${now.toISOString()}`,
        },
      );
    });
  }

  /** The office closes a resolved case (结案销号): its clocks and weekly reports stop. */
  async close(ctx: RequestContext, input: CloseCaseInput): Promise<PetitionCase> {
    return this.changes.change(ctx, input.caseId, 'update', async (em, c) => {
      this.changes.expect(c, [CaseStatus.RESOLVED]);
      const now = this.clock.now();
      Object.assign(c, { status: CaseStatus.CLOSED, closedAt: now });
      await recordStep(em, ctx, c, now, { kind: 'CLOSED', note: input.note ?? null });
    });
  }

  private async village(em: EntityManager, tenant: Tenant, id: string): Promise<MemberUnit> {
    const unit = await em.findOne(MemberUnit, { where: { id, tenantId: tenant.id, active: true } });
    if (!unit || ![MemberUnitKind.VILLAGE, MemberUnitKind.COMMUNITY].includes(unit.kind)) {
      throw CASE_ERRORS.badInput('input.locationUnitId', 'NOT_AN_ACTIVE_VILLAGE', { where: THIS_TENANT });
    }
    return unit;
  }

  private async nextNumber(em: EntityManager, tenantId: string, year: number): Promise<string> {
    return `${year}-${String(await nextCaseSequence(em, tenantId, year)).padStart(4, '0')}`;
  }

  /** Repeat petitions: earlier cases of the tenant with a petitioner of the same person and the same category. */
  private async linkRepeats(em: EntityManager, c: PetitionCase, personKeys: string[]): Promise<number> {
    const earlier = await earlierCasesOfSamePetitioner(em, c, personKeys);
    if (!earlier.length) return 0;
    await em.insert(
      CaseLink,
      earlier.map((e) => ({ tenantId: c.tenantId, caseId: c.id, earlierCaseId: e.id, kind: 'REPEAT' as const })),
    );
    return earlier.length;
  }
}
