import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { In, type EntityManager } from 'typeorm';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Role } from '@core/identity';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import type { Page } from '@engine/graphql';
import { CASE_ERRORS, CASE_TENANT, pluginDeclaresNone } from '../cases.errors';
import { groupBy } from '@engine/util';
import { notify } from '@core/notifications';
import { MemberUnit, MemberUnitKind } from '@core/joint-meeting/entities';
import type { Tenant } from '@core/tenancy/entities';
import { OPEN_CASE_STATUSES } from '../case.enums';
import { PetitionCase } from '../case.entity';
import { CaseLedgerEntry, LedgerLevel, type LedgerList } from '../case-records.entity';
import { recordStep } from '../case-events';
import { caseVisibility, pluginOf, tenantByCode, unitScope, type CaseRules } from '../case-rules';
import { CaseChanges } from '../case-changes.service';
import type { AddCaseLedgerEntryInput } from './dto/ledger.inputs';
import { firstMissingLedgerField, LEDGER_FIELD_INPUTS, LEDGER_FIELD_TERMS, type LedgerRule } from './ledger-fields';
import { ledgerEntriesOf, ledgerEntriesPage } from '../case-lists.query';

export interface LedgerFilter {
  level?: LedgerLevel;
  list?: LedgerList;
  communityUnitId?: string;
  openOnly?: boolean;
}

/**
 * The two-level ledger (台账, 002 §五(四)): per case the problem, responsibility and task lists at
 * street/town and community level, each entry stating what the plugin requires (content,
 * classification, measures, owning leader, responsible unit and person, time limit). The office
 * keeps both levels; a community's secretary keeps its own community's entries. Member units read
 * only the entries of cases they can see.
 */
@Injectable()
export class LedgerService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CaseChanges) private readonly cases: CaseChanges,
  ) {}

  async add(ctx: RequestContext, input: AddCaseLedgerEntryInput): Promise<CaseLedgerEntry> {
    let saved: CaseLedgerEntry | null = null;
    await this.cases.change(ctx, input.caseId, 'report', async (em, c, rules) => {
      const ledgers = this.ledgersOf(rules, 'input.caseId');
      const office = this.isOffice(ctx, c);
      const unit = unitScope(ctx);
      if (!office && !(ctx.caller.roles.includes(Role.VILLAGE_SECRETARY) && unit !== null))
        throw CASE_ERRORS.forbidden('LEDGER_KEEPERS_ONLY');
      if (!office && input.level !== LedgerLevel.COMMUNITY) throw CASE_ERRORS.forbidden('SECRETARY_OWN_COMMUNITY');
      this.cases.expect(c, OPEN_CASE_STATUSES);
      if (!(ledgers.levels as string[]).includes(input.level))
        throw CASE_ERRORS.badInput('input.level', 'NOT_IN_PLUGIN_LIST', {
          allowed: ledgers.levels,
          source: ` (${ledgers.source})`,
        });
      if (!(ledgers.lists as string[]).includes(input.list))
        throw CASE_ERRORS.badInput('input.list', 'NOT_IN_PLUGIN_LIST', {
          allowed: ledgers.lists,
          source: ` (${ledgers.source})`,
        });
      let communityUnitId: string | null = null;
      if (input.level === LedgerLevel.COMMUNITY) {
        const id = input.communityUnitId ?? c.locationUnitId;
        if (!id) throw CASE_ERRORS.badInput('input.communityUnitId', 'COMMUNITY_ENTRY_NAMES_COMMUNITY');
        communityUnitId = (await this.community(em, c.tenantId, id)).id;
        if (!office && communityUnitId !== unit) throw CASE_ERRORS.forbidden('SECRETARY_OWN_COMMUNITY');
      } else if (input.communityUnitId) {
        throw CASE_ERRORS.badInput('input.communityUnitId', 'ONLY_FOR_COMMUNITY_ENTRIES');
      }
      const missing = firstMissingLedgerField(ledgers.fields ?? [], input);
      if (missing)
        throw CASE_ERRORS.badInput(`input.${LEDGER_FIELD_INPUTS[missing]}`, 'LEDGER_FIELD_REQUIRED', {
          term: LEDGER_FIELD_TERMS[missing],
          code: missing,
          source: ledgers.source,
        });
      if (!input.content) throw CASE_ERRORS.badInput('input.content', 'CONTENT_REQUIRED');
      let responsible: MemberUnit | null = null;
      if (input.responsibleUnitId) {
        responsible = await em.findOne(MemberUnit, {
          where: { id: input.responsibleUnitId, tenantId: c.tenantId, active: true },
        });
        if (!responsible)
          throw CASE_ERRORS.badInput('input.responsibleUnitId', 'NOT_AN_ACTIVE_UNIT', { where: CASE_TENANT });
      }
      const now = this.clock.now();
      if (input.dueOn && input.dueOn < shanghaiDateOf(now)) throw CASE_ERRORS.badInput('input.dueOn', 'IN_THE_PAST');
      saved = await em.save(
        em.create(CaseLedgerEntry, {
          tenantId: c.tenantId,
          caseId: c.id,
          level: input.level,
          list: input.list,
          communityUnitId,
          content: input.content,
          classification: input.classification ?? null,
          measures: input.measures ?? null,
          owningLeader: input.owningLeader ?? null,
          responsibleUnitId: responsible?.id ?? null,
          responsiblePerson: input.responsiblePerson ?? null,
          dueOn: input.dueOn ?? null,
          createdById: ctx.caller.userId,
          createdAt: now,
        }),
      );
      await recordStep(em, ctx, c, now, {
        kind: 'LEDGER_ENTRY_ADDED',
        note: `${input.level} ${input.list}`,
        rule: ledgers.source,
        data: { entryId: saved.id, communityUnitId, responsibleUnitId: saved.responsibleUnitId, dueOn: saved.dueOn },
      });
      // Told only where it can open the case: visibility follows the case (canSeeCase), not its entries.
      if (responsible && [c.responsibleUnitId, c.locationUnitId].includes(responsible.id)) {
        await notify(
          em,
          c.tenantId,
          { unitId: responsible.id },
          {
            kind: 'CASE_LEDGER_ENTRY',
            title: `信访问题台账：${c.number}`,
            body: `${c.number}的台账已明确本单位为责任单位${saved.responsiblePerson ? `，责任人${saved.responsiblePerson}` : ''}${saved.dueOn ? `，处理时限${saved.dueOn}` : ''}。`,
            dedupeKey: `case-ledger-entry:${saved.id}`,
          },
        );
      }
    });
    return saved!;
  }

  /** Done by the office, the entry's community secretary, or its responsible unit. */
  async markDone(ctx: RequestContext, id: string): Promise<CaseLedgerEntry> {
    const caseId = await this.db.run(
      ctx,
      async ({ em }) =>
        (await em.findOne(CaseLedgerEntry, { where: { id }, select: { id: true, caseId: true } }))?.caseId,
    );
    if (!caseId) throw AppError.notFound('Ledger entry');
    let entry: CaseLedgerEntry | null = null;
    await this.cases.change(ctx, caseId, 'report', async (em, c, rules) => {
      const e = await em.findOne(CaseLedgerEntry, { where: { id, caseId: c.id } });
      if (!e) throw AppError.notFound('Ledger entry');
      const unit = unitScope(ctx);
      if (!this.isOffice(ctx, c) && (unit === null || ![e.communityUnitId, e.responsibleUnitId].includes(unit))) {
        throw CASE_ERRORS.forbidden('LEDGER_DONE_BY');
      }
      if (e.doneAt) throw CASE_ERRORS.conflict('LEDGER_ENTRY_DONE', {}, 'id');
      const now = this.clock.now();
      e.doneAt = now;
      entry = await em.save(e);
      await recordStep(em, ctx, c, now, {
        kind: 'LEDGER_ENTRY_DONE',
        note: `${e.level} ${e.list}`,
        rule: rules.own.ledgers?.source ?? null,
        data: { entryId: e.id, inTime: e.dueOn === null || shanghaiDateOf(now) <= e.dueOn },
      });
    });
    return entry!;
  }

  /** A tenant's ledger, narrowed to what a member unit can see; oldest case first, then level, list. */
  async list(ctx: RequestContext, tenantCode: string, filter: LedgerFilter, limit: number): Promise<CaseLedgerEntry[]> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode);
      this.checkLevel(tenant, filter);
      return ledgerEntriesOf(em, tenant.id, caseVisibility(ctx, 'c'), filter, limit);
    });
  }

  /** One page of what `list` selects, latest added first. */
  async page(
    ctx: RequestContext,
    tenantCode: string,
    filter: LedgerFilter,
    page: { limit: number; after: string | null },
  ): Promise<Page<CaseLedgerEntry>> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode);
      this.checkLevel(tenant, filter);
      return ledgerEntriesPage(em, tenant.id, caseVisibility(ctx, 'c'), filter, page);
    });
  }

  /** Entries of cases the caller has already been shown (the parent resolver checked visibility): street level first, by list. */
  async entriesOf(ctx: RequestContext, caseIds: readonly string[]): Promise<Map<string, CaseLedgerEntry[]>> {
    const rows = await this.db.run(ctx, ({ em }) =>
      em.find(CaseLedgerEntry, {
        where: { caseId: In([...caseIds]) },
        order: { level: 'DESC', list: 'ASC', createdAt: 'ASC', id: 'ASC' },
      }),
    );
    return groupBy(caseIds, rows, (r) => r.caseId);
  }

  isOverdue(e: CaseLedgerEntry): boolean {
    return e.doneAt === null && e.dueOn !== null && e.dueOn < shanghaiDateOf(this.clock.now());
  }

  /** The tenant keeps ledgers, and `filter.level` is one of its plugin's levels. */
  private checkLevel(tenant: Tenant, filter: LedgerFilter): void {
    const ledgers = this.ledgersOfTenant(tenant, 'tenantCode');
    if (filter.level && !(ledgers.levels as string[]).includes(filter.level))
      throw CASE_ERRORS.badInput('level', 'NOT_IN_PLUGIN_LIST', {
        allowed: ledgers.levels,
        source: ` (${ledgers.source})`,
      });
  }

  private ledgersOf(rules: CaseRules, field: string): LedgerRule {
    return this.ledgersOfTenant(rules.tenant, field);
  }

  private ledgersOfTenant(tenant: Tenant, field: string): LedgerRule {
    const ledgers = pluginOf(tenant).cases.ledgers;
    if (!ledgers) throw pluginDeclaresNone(field, tenant, { en: 'case ledgers', zh: '案件台账' }, 'cases.ledgers');
    return ledgers;
  }

  private isOffice(ctx: RequestContext, c: PetitionCase): boolean {
    return ctx.ability.can('update', subject('PetitionCase', { tenantId: c.tenantId }));
  }

  private async community(em: EntityManager, tenantId: string, id: string): Promise<MemberUnit> {
    const unit = await em.findOne(MemberUnit, { where: { id, tenantId, active: true } });
    if (!unit || ![MemberUnitKind.VILLAGE, MemberUnitKind.COMMUNITY].includes(unit.kind)) {
      throw CASE_ERRORS.badInput('input.communityUnitId', 'NOT_AN_ACTIVE_VILLAGE', { where: CASE_TENANT });
    }
    return unit;
  }
}
