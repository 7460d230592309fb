import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { In, type EntityManager } from 'typeorm';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Role } from '@core/identity';
import { Db } from '@engine/database';
import { AppError, PLATFORM_ERRORS } from '@engine/errors';
import { User } from '@core/identity/entities';
import { MemberUnit } from '@core/joint-meeting/entities';
import { notify } from '@core/notifications';
import type { Tenant } from '@core/tenancy/entities';
import { LeaderTier, OPEN_CASE_STATUSES, PetitionCase } from '../case.entity';
import { recordStep } from '../case-events';
import { canSeeCase, caseRulesOf, tenantByCode, type CaseRules } from '../case-rules';
import { CASE_ERRORS, THIS_TENANT } from '../cases.errors';
import { CaseChanges } from '../case-changes.service';
import type {
  AssignCaseCountyOwnerInput,
  RecordPrincipalAssignmentInput,
  SetCaseParticipantsInput,
  SetLeaderLinesInput,
  SetUpWorkingGroupInput,
  WorkingGroupCasesInput,
} from './dto/ledger-rules.inputs';
import { inChargePosts, principalPost } from './ledger-rules';
import { CaseLine, CaseWorkingGroup, CaseWorkingGroupCase, LeaderLines } from './ledger-rules.entity';
import { addCasesToGroup, workingGroupsOf } from './ledger-rules.query';

const GROUP_PAGE_MAX = 200;

/**
 * The ledger's open rules (issue 14 item 6): the principal leader's 批转 (004 领导接待日制度 5), the lines
 * of the leaders in charge (004 分线报案制度 1), lead and participating units (004 预测排查制度 5), a county
 * leader co-owning a township's case (003 二) and special working groups (002 四(三)). Each is refused
 * where the tenant's plugin states no such rule, and each step is in the case's history with who made it.
 */
@Injectable()
export class LedgerRulesService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CaseChanges) private readonly cases: CaseChanges,
  ) {}

  /** The principal leader records the 批转 of a case registered for it; the office is told. */
  async recordPrincipalAssignment(ctx: RequestContext, input: RecordPrincipalAssignmentInput): Promise<PetitionCase> {
    return this.cases.change(ctx, input.caseId, 'approve', async (em, c, rules) => {
      const rule = rules.own.principalAssignment;
      if (!rule || c.principalStatus === null)
        throw CASE_ERRORS.badInput('input.caseId', 'NOT_FOR_PRINCIPAL_ASSIGNMENT', { number: c.number });
      const post = principalPost(rules);
      if (!ctx.caller.roles.includes(rule.by as Role) || ctx.caller.tenantId !== c.tenantId)
        throw CASE_ERRORS.forbidden('PRINCIPAL_LEADER_ONLY', { post, role: rule.by, source: rule.source });
      this.cases.expect(c, OPEN_CASE_STATUSES);
      const now = this.clock.now();
      const again = c.principalStatus === 'DONE';
      Object.assign(c, {
        principalStatus: 'DONE',
        principalInstruction: input.instruction,
        principalById: ctx.caller.userId,
        principalAt: now,
      });
      await recordStep(em, ctx, c, now, {
        kind: again ? 'PRINCIPAL_REASSIGNED' : 'PRINCIPAL_ASSIGNED',
        note: input.instruction,
        rule: rule.source,
      });
      await notify(
        em,
        c.tenantId,
        { roles: [this.cases.officeRole(rules.tenant)] },
        {
          kind: 'CASE_PRINCIPAL_ASSIGNED',
          title: `${post}已批转：${c.number}`,
          body: `${post}批示：${input.instruction}（${rule.source}）`,
          dedupeKey: `case-principal-done:${c.id}:${now.toISOString()}`,
        },
      );
    });
  }

  /** The office replaces the lines of its leaders in charge (分工调整); posts must be the plugin's IN_CHARGE posts. */
  async setLeaderLines(ctx: RequestContext, input: SetLeaderLinesInput): Promise<LeaderLines> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, input.tenantCode);
      this.office(ctx, tenant);
      const rules = await caseRulesOf(em, tenant);
      const rule = this.byLine(rules);
      const posts = inChargePosts(rules);
      const leaders = new Set<string>();
      const categories = new Map<string, string>();
      for (const [i, l] of input.lines.entries()) {
        if (leaders.has(l.leader)) throw CASE_ERRORS.badInput(`input.lines[${i}].leader`, 'APPEARS_TWICE');
        leaders.add(l.leader);
        if (!posts.includes(l.post))
          throw CASE_ERRORS.badInput(`input.lines[${i}].post`, 'NOT_AN_IN_CHARGE_POST', {
            posts: posts.join(', ') || '—',
          });
        if (!(l.categories?.length || l.unitIds?.length))
          throw CASE_ERRORS.badInput(`input.lines[${i}].categories`, 'LINE_HOLDS_NOTHING');
        const known = rules.own.categories.map((c) => c.code);
        for (const code of l.categories ?? []) {
          if (known.length && !known.includes(code))
            throw CASE_ERRORS.badInput(`input.lines[${i}].categories`, 'NOT_IN_PLUGIN_LIST', {
              allowed: known.join(', '),
              source: '',
            });
          if (categories.has(code))
            throw CASE_ERRORS.badInput(`input.lines[${i}].categories`, 'CATEGORY_IN_ANOTHER_LINE', {
              code,
              leader: categories.get(code)!,
            });
          categories.set(code, l.leader);
        }
        if (
          l.unitIds?.length &&
          (await em.count(MemberUnit, { where: { id: In(l.unitIds), tenantId: tenant.id, active: true } })) !==
            new Set(l.unitIds).size
        ) {
          throw CASE_ERRORS.badInput(`input.lines[${i}].unitIds`, 'NOT_AN_ACTIVE_UNIT', { where: THIS_TENANT });
        }
        if (l.userId && !(await em.findOne(User, { where: { id: l.userId, tenantId: tenant.id, active: true } })))
          throw CASE_ERRORS.badInput(`input.lines[${i}].userId`, 'NOT_AN_ACTIVE_USER', { where: THIS_TENANT });
      }
      const now = this.clock.now();
      await em.delete(CaseLine, { tenantId: tenant.id });
      if (input.lines.length) {
        await em.insert(
          CaseLine,
          input.lines.map((l, i) => ({
            tenantId: tenant.id,
            position: i + 1,
            leader: l.leader,
            post: l.post,
            userId: l.userId ?? null,
            categories: l.categories ?? [],
            unitIds: [...new Set(l.unitIds ?? [])],
            setById: ctx.caller.userId,
            setAt: now,
          })),
        );
      }
      return {
        rule: rule.source,
        lines: await em.find(CaseLine, { where: { tenantId: tenant.id }, order: { position: 'ASC' } }),
      };
    });
  }

  async leaderLines(ctx: RequestContext, tenantCode: string): Promise<LeaderLines> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode);
      const rule = this.byLine(await caseRulesOf(em, tenant), 'tenantCode');
      return {
        rule: rule.source,
        lines: await em.find(CaseLine, { where: { tenantId: tenant.id }, order: { position: 'ASC' } }),
      };
    });
  }

  /** The office records the participating units beside the lead unit, and who decided them; they are told and see the case. */
  async setParticipants(ctx: RequestContext, input: SetCaseParticipantsInput): Promise<PetitionCase> {
    return this.cases.change(ctx, input.caseId, 'update', async (em, c, rules) => {
      const rule = rules.own.participation;
      if (!rule)
        throw CASE_ERRORS.badInput('input.caseId', 'PLUGIN_DECLARES_NONE', {
          plugin: rules.tenant.pluginId,
          tenant: rules.tenant.name,
          what: { en: 'lead and participating units', zh: '牵头单位和参与单位' },
          section: 'cases.participation',
        });
      this.cases.expect(c, OPEN_CASE_STATUSES);
      if (!c.responsibleUnitId) throw CASE_ERRORS.conflict('NO_LEAD_UNIT', { number: c.number }, 'input.caseId');
      const ids = [...new Set(input.participatingUnitIds)];
      if (ids.includes(c.responsibleUnitId))
        throw CASE_ERRORS.badInput('input.participatingUnitIds', 'LEAD_UNIT_NOT_PARTICIPANT');
      const units = ids.length
        ? await em.find(MemberUnit, { where: { id: In(ids), tenantId: c.tenantId, active: true } })
        : [];
      if (units.length !== ids.length)
        throw CASE_ERRORS.badInput('input.participatingUnitIds', 'NOT_AN_ACTIVE_UNIT', { where: THIS_TENANT });
      const added = ids.filter((id) => !c.participatingUnitIds.includes(id));
      c.participatingUnitIds = ids;
      c.participationBasis = input.basis;
      const now = this.clock.now();
      await recordStep(em, ctx, c, now, {
        kind: 'PARTICIPANTS_SET',
        note: `${units.map((u) => u.name).join('、') || '—'}（${input.basis}）`,
        rule: `${rule.decidedBy}确定 — ${rule.source}`,
        data: { participatingUnitIds: ids },
      });
      for (const unitId of added) {
        await notify(
          em,
          c.tenantId,
          { unitId },
          {
            kind: 'CASE_PARTICIPATION',
            title: `参与办理信访事项：${c.number}`,
            body: `${c.number}由牵头单位办理，本单位为参与单位，共同处理解决（${rule.source}）。`,
            dedupeKey: `case-participant:${c.id}:${unitId}`,
          },
        );
      }
    });
  }

  /**
   * The township's office records the county leader co-owning its case (003 二); the county reads it
   * through its tree and writes nothing in the township.
   */
  async assignCountyOwner(ctx: RequestContext, input: AssignCaseCountyOwnerInput): Promise<PetitionCase> {
    return this.cases.change(ctx, input.caseId, 'update', async (em, c, rules) => {
      if (!rules.tenant.parentId) throw CASE_ERRORS.badInput('input.caseId', 'NO_PARENT_COUNTY');
      this.cases.expect(c, OPEN_CASE_STATUSES);
      if (c.countyOwnerTier === LeaderTier.PRINCIPAL && input.tier !== LeaderTier.PRINCIPAL) {
        throw CASE_ERRORS.badInput('input.tier', 'COUNTY_OWNER_TIER_REQUIRED', { rule: c.countyOwnerRule ?? '' });
      }
      const now = this.clock.now();
      const first = c.countyOwnerLeader === null;
      Object.assign(c, {
        countyOwnerLeader: input.leader,
        countyOwnedAt: now,
        countyOwnerTier: c.countyOwnerTier ?? input.tier,
      });
      await recordStep(em, ctx, c, now, {
        kind: first ? 'COUNTY_OWNER_ASSIGNED' : 'COUNTY_OWNER_CHANGED',
        note: `${input.leader} (${input.tier})`,
        rule: c.countyOwnerRule,
        data: { tier: input.tier },
      });
    });
  }

  async setUpWorkingGroup(ctx: RequestContext, input: SetUpWorkingGroupInput): Promise<CaseWorkingGroup> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, input.tenantCode);
      this.office(ctx, tenant);
      const rules = await caseRulesOf(em, tenant);
      const rule = this.groupsRule(rules, 'input.tenantCode');
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

  /** The cases in a group (visible to the caller), oldest first. */
  async casesOf(ctx: RequestContext, groupId: string): Promise<PetitionCase[]> {
    return this.db.run(ctx, async ({ em }) => {
      const rows = await em.find(CaseWorkingGroupCase, { where: { groupId }, order: { addedAt: 'ASC' } });
      if (!rows.length) return [];
      const cases = await em.find(PetitionCase, { where: { id: In(rows.map((r) => r.caseId)) } });
      return rows
        .map((r) => cases.find((c) => c.id === r.caseId))
        .filter((c): c is PetitionCase => !!c && canSeeCase(ctx, c));
    });
  }

  private async group(em: EntityManager, ctx: RequestContext, id: string): Promise<CaseWorkingGroup> {
    const group = await em.findOne(CaseWorkingGroup, { where: { id } });
    if (!group) throw AppError.notFound('Working group');
    if (!ctx.ability.can('update', subject('PetitionCase', { tenantId: group.tenantId })))
      throw CASE_ERRORS.forbidden('OFFICE_KEEPS_GROUPS');
    return group;
  }

  private office(ctx: RequestContext, tenant: Tenant): void {
    if (!ctx.ability.can('update', subject('PetitionCase', { tenantId: tenant.id })))
      throw CASE_ERRORS.forbidden('OFFICE_ONLY');
  }

  private byLine(rules: CaseRules, field = 'input.tenantCode'): NonNullable<CaseRules['own']['byLineResponsibility']> {
    const rule = rules.own.byLineResponsibility;
    if (!rule)
      throw CASE_ERRORS.badInput(field, 'PLUGIN_DECLARES_NONE', {
        plugin: rules.tenant.pluginId,
        tenant: rules.tenant.name,
        what: { en: 'by-line responsibility', zh: '分线报案' },
        section: 'cases.byLineResponsibility',
      });
    return rule;
  }

  private groupsRule(rules: CaseRules, field: string): NonNullable<CaseRules['own']['workingGroups']> {
    const rule = rules.own.workingGroups;
    if (!rule)
      throw CASE_ERRORS.badInput(field, 'PLUGIN_DECLARES_NONE', {
        plugin: rules.tenant.pluginId,
        tenant: rules.tenant.name,
        what: { en: 'special working groups', zh: '专项工作小组' },
        section: 'cases.workingGroups',
      });
    return rule;
  }
}
