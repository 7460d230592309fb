import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Role } from '@core/identity';
import { Db } from '@engine/database';
import { User } from '@core/identity/entities';
import { MemberUnit } from '@core/joint-meeting/entities';
import { notify } from '@core/notifications';
import { LeaderTier, OPEN_CASE_STATUSES } from '../case.enums';
import { PetitionCase } from '../case.entity';
import { recordStep } from '../case-events';
import { caseRulesOf, tenantByCode } from '../case-rules';
import { CASE_ERRORS, THIS_TENANT, pluginDeclaresNone } from '../cases.errors';
import { CaseChanges } from '../case-changes.service';
import type {
  AssignCaseCountyOwnerInput,
  RecordPrincipalAssignmentInput,
  SetCaseParticipantsInput,
  SetLeaderLinesInput,
} from './dto/ledger-rules.inputs';
import { byLineRule, inChargePosts, officeOnly, principalPost } from './ledger-rules';
import { CaseLine, LeaderLines } from './ledger-rules.entity';

/**
 * The ledger's open rules (issue 14 item 6): the principal leader's 批转 (004 领导接待日制度 5), the lines
 * of the leaders in charge (004 分线报案制度 1), lead and participating units (004 预测排查制度 5), a county
 * leader co-owning a township's case (003 二); special working groups (002 四(三)) are in
 * working-groups.service.ts. Each is refused where the tenant's plugin states no such rule, and each step
 * is in the case's history with who made it.
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
      officeOnly(ctx, tenant);
      const rules = await caseRulesOf(em, tenant);
      const rule = byLineRule(rules);
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
      const rule = byLineRule(await caseRulesOf(em, tenant), 'tenantCode');
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
        throw pluginDeclaresNone(
          'input.caseId',
          rules.tenant,
          { en: 'lead and participating units', zh: '牵头单位和参与单位' },
          'cases.participation',
        );
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
}
