import { Inject, Injectable, Logger } from '@nestjs/common';
import { subject } from '@casl/ability';
import { In } from 'typeorm';
import type { EffectivePlugin } from '@jm/plugin-sdk';
import type { RequestContext } from '@engine/context';
import { groupBy } from '@engine/util';
import { Db, type Tx } from '@engine/database';
import { JobQueue, jobId } from '@engine/jobs';
import { Tenant } from '@core/tenancy/entities';
import { pluginOf, withRules } from '@core/tenancy';
import { MemberUnit, MemberUnitKind } from './member-unit.entity';
import { activeUnitsNamed } from './member-units.query';
import { MembershipChange } from './membership-change.entity';
import { MembersService } from './members.service';
import { MEMBERSHIP_REPORTED_JOB } from './membership.jobs';
import { assignCountedNames, type CountedNamesGiven } from './counted-names';
import { AppError } from '@engine/errors';
import { JOINT_MEETING_ERRORS } from './joint-meeting.errors';
import type { AddMemberUnitInput, DeactivateMemberUnitInput, RenameMemberUnitInput } from './dto/member-unit.inputs';

@Injectable()
export class JointMeetingService {
  private readonly logger = new Logger('JointMeeting');

  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(MembersService) private readonly members: MembersService,
  ) {}

  /** Active member units of a tenant, in the plugin's order then by name. */
  activeUnits(ctx: RequestContext, tenantId: string): Promise<MemberUnit[]> {
    return this.db.run(ctx, ({ em }) =>
      em.find(MemberUnit, { where: { tenantId, active: true }, order: { position: 'ASC', name: 'ASC' } }),
    );
  }

  /** Active units of several tenants in one query, for the per-request DataLoader behind `Tenant.memberUnits`. */
  async activeUnitsOf(ctx: RequestContext, tenantIds: readonly string[]): Promise<Map<string, MemberUnit[]>> {
    const rows = await this.db.run(ctx, ({ em }) =>
      em.find(MemberUnit, {
        where: { tenantId: In([...tenantIds]), active: true },
        order: { position: 'ASC', name: 'ASC' },
      }),
    );
    return groupBy(tenantIds, rows, (r) => r.tenantId);
  }

  /**
   * The unit hosting the office: matched by name or alias, so a rename keeps the link. Batched per
   * request (a list of tenants costs one query, not one per tenant).
   */
  /** The tenant with its plugin snapshot (a tenant read for a list has none). */
  withRules(ctx: RequestContext, tenant: Tenant): Promise<Tenant> {
    return withRules(ctx, this.db, tenant);
  }

  async officeHost(ctx: RequestContext, tenant: Tenant): Promise<MemberUnit | null> {
    const host = pluginOf(tenant).structure.office.hostUnit;
    if (!host) return null;
    return ctx.loader('officeHost', (keys) => this.officeHosts(ctx, keys)).load(`${tenant.id}|${host}`);
  }

  /** Office host units for `tenantId|hostName` keys, in one query; the first active match by position. */
  private async officeHosts(ctx: RequestContext, keys: readonly string[]): Promise<Map<string, MemberUnit>> {
    const pairs = keys.map((k) => ({
      key: k,
      tenantId: k.slice(0, k.indexOf('|')),
      host: k.slice(k.indexOf('|') + 1),
    }));
    const hosts = [...new Set(pairs.map((p) => p.host))];
    const candidates = await this.db.run(ctx, ({ em }) =>
      activeUnitsNamed(em, [...new Set(pairs.map((p) => p.tenantId))], hosts),
    );
    const out = new Map<string, MemberUnit>();
    for (const p of pairs) {
      const unit = candidates.find(
        (u) => u.tenantId === p.tenantId && (u.name === p.host || u.aliases.includes(p.host)),
      );
      if (unit) out.set(p.key, unit);
    }
    return out;
  }

  async membershipChanges(ctx: RequestContext, tenantId: string): Promise<MembershipChange[]> {
    if (!ctx.ability.can('read', subject('MembershipChange', { tenantId }))) {
      throw JOINT_MEETING_ERRORS.forbidden('FILING_RECORD_NOT_VISIBLE');
    }
    return (await ctx.loader('membershipChanges', (ids) => this.changesOf(ctx, ids)).load(tenantId)) ?? [];
  }

  /** Filing records of several tenants in one query (a list of tenants costs one query, not one per tenant). */
  private async changesOf(ctx: RequestContext, tenantIds: readonly string[]): Promise<Map<string, MembershipChange[]>> {
    const rows = await this.db.run(ctx, ({ em }) =>
      em.find(MembershipChange, {
        where: { tenantId: In([...tenantIds]) },
        order: { filedAtDate: 'DESC', id: 'DESC' },
      }),
    );
    return groupBy(tenantIds, rows, (r) => r.tenantId);
  }

  /** Units by id, for DataLoaders. */
  async unitsById(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, MemberUnit>> {
    const rows = await this.db.run(ctx, ({ em }) => em.find(MemberUnit, { where: { id: In([...ids]) } }));
    return new Map(rows.map((u) => [u.id, u]));
  }

  async addMemberUnit(ctx: RequestContext, input: AddMemberUnitInput): Promise<MemberUnit> {
    if (input.kind === MemberUnitKind.TOWNSHIP) {
      throw JOINT_MEETING_ERRORS.badInput('input.kind', 'TOWNSHIP_UNIT_BY_ONBOARDING');
    }
    const { unit, change } = await this.db.run(ctx, async ({ em }) => {
      const tenant = await em.findOne(Tenant, { where: { code: input.tenantCode } });
      if (!tenant) throw AppError.notFound(`Tenant "${input.tenantCode}"`);
      this.authorize(ctx, 'create', tenant.id);
      await this.assertNameFree(em, tenant.id, input.name, null);
      const position = await em.count(MemberUnit, { where: { tenantId: tenant.id } });
      const unit = await em.save(
        em.create(MemberUnit, {
          tenantId: tenant.id,
          name: input.name,
          kind: input.kind,
          aliases: [],
          active: true,
          source: null,
          position,
        }),
      );
      const change = await this.file(em, ctx, unit, 'ADDED', input.reason, {});
      return { unit, change };
    });
    await this.report(change);
    return unit;
  }

  async renameMemberUnit(ctx: RequestContext, input: RenameMemberUnitInput): Promise<MemberUnit> {
    const { unit, change } = await this.db.run(ctx, async ({ em }) => {
      const unit = await this.findUnit(em, input.memberUnitId);
      this.authorize(ctx, 'update', unit.tenantId);
      if (!unit.active) throw JOINT_MEETING_ERRORS.conflict('UNIT_INACTIVE', {}, 'input.memberUnitId');
      if (unit.name === input.name) throw JOINT_MEETING_ERRORS.badInput('input.name', 'SAME_NAME');
      await this.assertNameFree(em, unit.tenantId, input.name, unit.id);
      const from = unit.name;
      // The old name stays as an alias: documents and plugin references that use it keep resolving.
      unit.aliases = [...new Set([...unit.aliases, from])].filter((a) => a !== input.name);
      unit.name = input.name;
      await em.save(unit);
      const change = await this.file(em, ctx, unit, 'RENAMED', input.reason, { from, to: input.name });
      return { unit, change };
    });
    await this.report(change);
    return unit;
  }

  async deactivateMemberUnit(ctx: RequestContext, input: DeactivateMemberUnitInput): Promise<MemberUnit> {
    const { unit, change } = await this.db.run(ctx, async ({ em }) => {
      const unit = await this.findUnit(em, input.memberUnitId);
      this.authorize(ctx, 'update', unit.tenantId);
      if (!unit.active) throw JOINT_MEETING_ERRORS.conflict('UNIT_ALREADY_INACTIVE', {}, 'input.memberUnitId');
      unit.active = false;
      unit.deactivatedAt = new Date();
      await em.save(unit);
      const change = await this.file(em, ctx, unit, 'DEACTIVATED', input.reason, {});
      return { unit, change };
    });
    await this.report(change);
    return unit;
  }

  /**
   * Creates a newly onboarded tenant's member units from its plugin: the named ones, then the counted
   * ones with the names given (or numbered placeholders the office renames later).
   */
  async createInitialUnits(
    tx: Tx,
    tenantId: string,
    plugin: EffectivePlugin,
    counted: readonly CountedNamesGiven[],
  ): Promise<void> {
    const rows: Partial<MemberUnit>[] = plugin.memberUnits.map((u, i) => ({
      tenantId,
      name: u.name,
      kind: u.kind as MemberUnitKind,
      aliases: u.aliases,
      source: u.source,
      position: i,
    }));
    const names = assignCountedNames(
      plugin.countedMemberUnits,
      counted,
      plugin.memberUnits.flatMap((u) => [u.name, ...u.aliases]),
    );
    for (const [gi, group] of plugin.countedMemberUnits.entries()) {
      const given = names[gi];
      for (let n = 0; n < group.count; n += 1) {
        rows.push({
          tenantId,
          name: given[n] ?? `${group.label}${n + 1}`,
          kind: group.kind as MemberUnitKind,
          aliases: [],
          source: group.source,
          position: rows.length,
        });
      }
    }
    if (rows.length) await tx.em.insert(MemberUnit, rows);
    await this.members.createInitialMembers(tx, tenantId, plugin);
  }

  /** Adds a child tenant to its parent's joint meeting as a TOWNSHIP unit (no filing: onboarding is the record). */
  async addTownshipUnit(tx: Tx, parentId: string, child: Tenant): Promise<void> {
    const position = await tx.em.count(MemberUnit, { where: { tenantId: parentId } });
    await tx.em.insert(MemberUnit, {
      tenantId: parentId,
      name: child.name,
      kind: MemberUnitKind.TOWNSHIP,
      aliases: [],
      childTenantId: child.id,
      source: null,
      position,
    });
  }

  private authorize(ctx: RequestContext, action: 'create' | 'update', tenantId: string): void {
    if (!ctx.ability.can(action, subject('MemberUnit', { tenantId }))) {
      throw JOINT_MEETING_ERRORS.forbidden('OFFICE_ONLY_UNITS');
    }
  }

  private async findUnit(em: Tx['em'], id: string): Promise<MemberUnit> {
    const unit = await em.findOne(MemberUnit, { where: { id } });
    if (!unit) throw AppError.notFound('Member unit');
    return unit;
  }

  private async assertNameFree(em: Tx['em'], tenantId: string, name: string, exceptId: string | null): Promise<void> {
    const clash = await em.findOne(MemberUnit, { where: { tenantId, name, active: true } });
    if (clash && clash.id !== exceptId) throw JOINT_MEETING_ERRORS.conflict('UNIT_NAME_TAKEN', { name }, 'input.name');
  }

  private file(
    em: Tx['em'],
    ctx: RequestContext,
    unit: MemberUnit,
    kind: MembershipChange['kind'],
    reason: string,
    detail: MembershipChange['detail'],
  ): Promise<MembershipChange> {
    return em.save(
      em.create(MembershipChange, {
        tenantId: unit.tenantId,
        memberUnitId: unit.id,
        kind,
        reason,
        detail,
        filedById: ctx.caller.userId,
      }),
    );
  }

  /** Reports a filed change to the conveners (plugin: membershipChanges.reportTo), after commit. */
  private async report(change: MembershipChange): Promise<void> {
    try {
      await this.jobs.enqueue(
        MEMBERSHIP_REPORTED_JOB,
        { tenantId: change.tenantId, changeId: change.id },
        { jobId: jobId('membership', change.id) },
      );
    } catch (err) {
      this.logger.warn(`could not enqueue the report of change ${change.id}: ${(err as Error).message}`);
    }
  }
}
