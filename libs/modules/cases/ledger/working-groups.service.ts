import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { In, type EntityManager } from 'typeorm';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { AppError, PLATFORM_ERRORS } from '@engine/errors';
import { MemberUnit } from '@core/joint-meeting/entities';
import { notify } from '@core/notifications';
import { PetitionCase } from '../case.entity';
import { recordStep } from '../case-events';
import { canSeeCase, caseRulesOf, tenantByCode } from '../case-rules';
import { CASE_ERRORS, THIS_TENANT } from '../cases.errors';
import type { SetUpWorkingGroupInput, WorkingGroupCasesInput } from './dto/ledger-rules.inputs';
import { officeOnly, workingGroupsRule } from './ledger-rules';
import { CaseWorkingGroup, CaseWorkingGroupCase } from './ledger-rules.entity';
import { addCasesToGroup, workingGroupsOf } from './ledger-rules.query';

const GROUP_PAGE_MAX = 200;

/**
 * Special working groups (专项工作小组, 002 四(三)), one of the ledger's open rules (issue 14 item 6): set
 * up by the office for one field, cases joining and leaving (each step in the case's history), dissolved;
 * refused where the tenant's plugin states no `cases.workingGroups`.
 */
@Injectable()
export class CaseWorkingGroupsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async setUpWorkingGroup(ctx: RequestContext, input: SetUpWorkingGroupInput): Promise<CaseWorkingGroup> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, input.tenantCode);
      officeOnly(ctx, tenant);
      const rules = await caseRulesOf(em, tenant);
      const rule = workingGroupsRule(rules, 'input.tenantCode');
      const known = rules.own.categories.map((c) => c.code);
      if (input.category && known.length && !known.includes(input.category))
        throw CASE_ERRORS.badInput('input.category', 'NOT_IN_PLUGIN_LIST', { allowed: known.join(', '), source: '' });
      const unitIds = [...new Set(input.unitIds ?? [])];
      if (
        unitIds.length &&
        (await em.count(MemberUnit, { where: { id: In(unitIds), tenantId: tenant.id, active: true } })) !==
          unitIds.length
      ) {
        throw CASE_ERRORS.badInput('input.unitIds', 'NOT_AN_ACTIVE_UNIT', { where: THIS_TENANT });
      }
      if (await em.findOne(CaseWorkingGroup, { where: { tenantId: tenant.id, name: input.name } }))
        throw CASE_ERRORS.conflict('WORKING_GROUP_EXISTS', { name: input.name }, 'input.name');
      const group = await em.save(
        em.create(CaseWorkingGroup, {
          tenantId: tenant.id,
          name: input.name,
          field: input.field,
          category: input.category ?? null,
          leader: input.leader,
          members: input.members ?? [],
          unitIds,
          rule: rule.source,
          setUpById: ctx.caller.userId,
          setUpAt: this.clock.now(),
          dissolvedAt: null,
        }),
      );
      for (const unitId of unitIds) {
        await notify(
          em,
          tenant.id,
          { unitId },
          {
            kind: 'WORKING_GROUP_SET_UP',
            title: `专项工作小组：${group.name}`,
            body: `本单位参加${group.name}（${group.field}，${rule.source}）。`,
            dedupeKey: `working-group:${group.id}:${unitId}`,
          },
        );
      }
      return group;
    });
  }

  /** Cases of the group's field join it (same tenant, the group's category when it has one); recorded on each case. */
  async addCases(ctx: RequestContext, input: WorkingGroupCasesInput): Promise<CaseWorkingGroup> {
    return this.db.run(ctx, async ({ em }) => {
      const group = await this.group(em, ctx, input.groupId);
      if (group.dissolvedAt)
        throw CASE_ERRORS.conflict('WORKING_GROUP_DISSOLVED', { name: group.name }, 'input.groupId');
      const ids = [...new Set(input.caseIds)];
      const found = await em.find(PetitionCase, { where: { id: In(ids), tenantId: group.tenantId } });
      for (const [i, id] of ids.entries()) {
        const c = found.find((x) => x.id === id);
        if (!c || !canSeeCase(ctx, c)) throw CASE_ERRORS.badInput(`input.caseIds[${i}]`, 'NOT_A_CASE_OF_GROUP_TENANT');
        if (group.category && c.category !== group.category)
          throw CASE_ERRORS.badInput(`input.caseIds[${i}]`, 'NOT_OF_GROUP_FIELD', {
            number: c.number,
            category: group.category,
          });
      }
      const now = this.clock.now();
      const added = await addCasesToGroup(
        em,
        ids.map((caseId) => ({
          tenantId: group.tenantId,
          groupId: group.id,
          caseId,
          addedById: ctx.caller.userId,
          addedAt: now,
        })),
      );
      for (const caseId of added) {
        await recordStep(em, ctx, { id: caseId, tenantId: group.tenantId }, now, {
          kind: 'JOINED_WORKING_GROUP',
          note: group.name,
          rule: group.rule,
          data: { groupId: group.id },
        });
      }
      return group;
    });
  }

  async removeCases(ctx: RequestContext, input: WorkingGroupCasesInput): Promise<CaseWorkingGroup> {
    return this.db.run(ctx, async ({ em }) => {
      const group = await this.group(em, ctx, input.groupId);
      const now = this.clock.now();
      for (const caseId of new Set(input.caseIds)) {
        const result = await em.delete(CaseWorkingGroupCase, { tenantId: group.tenantId, groupId: group.id, caseId });
        if (result.affected)
          await recordStep(em, ctx, { id: caseId, tenantId: group.tenantId }, now, {
            kind: 'LEFT_WORKING_GROUP',
            note: group.name,
            rule: group.rule,
            data: { groupId: group.id },
          });
      }
      return group;
    });
  }

  async dissolve(ctx: RequestContext, groupId: string): Promise<CaseWorkingGroup> {
    return this.db.run(ctx, async ({ em }) => {
      const group = await this.group(em, ctx, groupId);
      if (group.dissolvedAt) throw CASE_ERRORS.conflict('WORKING_GROUP_DISSOLVED', { name: group.name }, 'groupId');
      group.dissolvedAt = this.clock.now();
      return em.save(group);
    });
  }

  /** A tenant's groups by name (keyset on name, id); `activeOnly` leaves dissolved ones out. */
  async groups(
    ctx: RequestContext,
    tenantCode: string,
    activeOnly: boolean,
    limit: number,
    after: string | null,
  ): Promise<{ items: CaseWorkingGroup[]; nextCursor: string | null }> {
    if (limit < 1 || limit > GROUP_PAGE_MAX)
      throw PLATFORM_ERRORS.badInput('limit', 'LIMIT_OUT_OF_RANGE', { max: GROUP_PAGE_MAX });
    let cursor: { name: string; id: string } | null = null;
    if (after) {
      try {
        cursor = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as { name: string; id: string };
        if (typeof cursor.name !== 'string' || typeof cursor.id !== 'string') throw new Error('bad');
      } catch {
        throw PLATFORM_ERRORS.badInput('after', 'CURSOR_INVALID');
      }
    }
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode);
      const rows = await workingGroupsOf(em, tenant.id, activeOnly, cursor, limit + 1);
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      return {
        items,
        nextCursor:
          rows.length > limit && last
            ? Buffer.from(JSON.stringify({ name: last.name, id: last.id })).toString('base64url')
            : null,
      };
    });
  }

  /** Which groups hold these cases (for `PetitionCase.workingGroups`, batched). */
  async groupsOfCases(ctx: RequestContext, caseIds: readonly string[]): Promise<Map<string, CaseWorkingGroup[]>> {
    return this.db.run(ctx, async ({ em }) => {
      const rows = await em.find(CaseWorkingGroupCase, { where: { caseId: In([...caseIds]) } });
      const groups = rows.length
        ? await em.find(CaseWorkingGroup, { where: { id: In([...new Set(rows.map((r) => r.groupId))]) } })
        : [];
      const byId = new Map(groups.map((g) => [g.id, g]));
      const out = new Map<string, CaseWorkingGroup[]>();
      for (const r of rows) {
        const g = byId.get(r.groupId);
        if (g) out.set(r.caseId, [...(out.get(r.caseId) ?? []), g]);
      }
      return out;
    });
  }

  /**
   * The cases in a group (visible to the caller) in the order they joined it; cases that joined together (one
   * `addCasesToWorkingGroup`, one instant) oldest received first, then by number, so the order never depends on
   * how the database happens to return a tie.
   */
  async casesOf(ctx: RequestContext, groupId: string): Promise<PetitionCase[]> {
    return this.db.run(ctx, async ({ em }) => {
      const rows = await em.find(CaseWorkingGroupCase, { where: { groupId } });
      if (!rows.length) return [];
      const cases = new Map(
        (await em.find(PetitionCase, { where: { id: In(rows.map((r) => r.caseId)) } })).map((c) => [c.id, c]),
      );
      const joined = new Map(rows.map((r) => [r.caseId, r.addedAt.getTime()]));
      return [...cases.values()]
        .filter((c) => canSeeCase(ctx, c))
        .sort(
          (a, b) =>
            joined.get(a.id)! - joined.get(b.id)! ||
            a.receivedAt.getTime() - b.receivedAt.getTime() ||
            a.number.localeCompare(b.number) ||
            a.id.localeCompare(b.id),
        );
    });
  }

  private async group(em: EntityManager, ctx: RequestContext, id: string): Promise<CaseWorkingGroup> {
    const group = await em.findOne(CaseWorkingGroup, { where: { id } });
    if (!group) throw AppError.notFound('Working group');
    if (!ctx.ability.can('update', subject('PetitionCase', { tenantId: group.tenantId })))
      throw CASE_ERRORS.forbidden('OFFICE_KEEPS_GROUPS');
    return group;
  }
}
