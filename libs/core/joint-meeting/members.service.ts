import { Inject, Injectable, Logger } from '@nestjs/common';
import { subject } from '@casl/ability';
import { In } from 'typeorm';
import type { EffectivePlugin } from '@jm/plugin-sdk';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import type { Role } from '@core/identity/entities';
import { Db, type Tx } from '@engine/database';
import { AppError } from '@engine/errors';
import { checkLimit, decodeCursor, encodeCursor } from '@engine/graphql';
import { JobQueue, jobId } from '@engine/jobs';
import { groupBy } from '@engine/util';
import { Tenant } from '@core/tenancy/entities';
import { pluginOf } from '@core/tenancy';
import { MEMBER_PERSON_REPORTED_JOB } from './membership.jobs';
import type {
  AppointMemberInput,
  ChangeMemberInput,
  ProposeUnitAdjustmentInput,
  RecordUnitAdjustmentDecisionInput,
  RemoveMemberInput,
} from './dto/member-person.inputs';
import {
  MemberPerson,
  MemberPersonChange,
  MemberPersonChangeKind,
  MemberRole,
  MemberUnitProposal,
  UnitAdjustmentKind,
  UnitAdjustmentStatus,
  type MemberPersonSnapshot,
} from './member-person.entity';
import { MemberUnit, MemberUnitKind } from './member-unit.entity';
import { JOINT_MEETING_ERRORS } from './joint-meeting.errors';
import { membersRepository } from './members.repository';

export interface MemberPersonChangePageResult {
  items: MemberPersonChange[];
  nextCursor: string | null;
}
export interface MemberUnitProposalPageResult {
  items: MemberUnitProposal[];
  nextCursor: string | null;
}

/**
 * The register of the joint meeting's members (成员): loaded from the plugin at onboarding, kept by the
 * office. Every change of member person is filed (备案) and reported to the roles the plugin names
 * (membershipChanges.reportTo: 000 art. 7 向召集人报告，并报办公室备案; 001 art. 10 办公室要及时备案，并向召集人报告).
 * Proposals to adjust the member units (000 art. 7) are records: the office notes them and the answer.
 */
@Injectable()
export class MembersService {
  private readonly logger = new Logger('Members');

  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * A new tenant's register from its plugin: the persons the source names, in its order, then (where the
   * source says unit heads are members, 000 art. 4) one member per unit that has no named member.
   */
  async createInitialMembers(tx: Tx, tenantId: string, plugin: EffectivePlugin): Promise<void> {
    const units = await tx.em.find(MemberUnit, { where: { tenantId }, order: { position: 'ASC' } });
    const unitOf = (name: string): MemberUnit | undefined =>
      units.find((u) => u.name === name || u.aliases.includes(name));
    const rows: Partial<MemberPerson>[] = plugin.members.persons.map((p, position) => ({
      tenantId,
      name: p.name,
      post: p.post,
      memberUnitId: p.unit ? (unitOf(p.unit)?.id ?? null) : null,
      role: p.role as MemberRole,
      convenerKey: p.convener ?? null,
      position,
      source: p.source,
    }));
    const heads = plugin.members.unitHeads;
    if (heads) {
      const named = new Set(
        rows.filter((r) => r.role === MemberRole.MEMBER && r.memberUnitId).map((r) => r.memberUnitId),
      );
      for (const unit of units.filter((u) => u.kind !== MemberUnitKind.TOWNSHIP && !named.has(u.id))) {
        rows.push({
          tenantId,
          name: null,
          post: heads.post,
          memberUnitId: unit.id,
          role: MemberRole.MEMBER,
          convenerKey: null,
          position: rows.length,
          source: heads.source,
        });
      }
    }
    if (rows.length) await tx.em.insert(MemberPerson, rows);
  }

  /** The register of several tenants in one query (per-request DataLoader behind `Tenant.members`). */
  async membersOf(
    ctx: RequestContext,
    tenantIds: readonly string[],
    includeRemoved: boolean,
  ): Promise<Map<string, MemberPerson[]>> {
    const rows = await this.db.run(ctx, ({ em }) =>
      em.find(MemberPerson, {
        where: { tenantId: In([...tenantIds]), ...(includeRemoved ? {} : { active: true }) },
        order: { position: 'ASC', createdAt: 'ASC' },
      }),
    );
    return groupBy(tenantIds, rows, (r) => r.tenantId);
  }

  async appoint(ctx: RequestContext, input: AppointMemberInput): Promise<MemberPerson> {
    const { person, change } = await this.db.run(ctx, async ({ em }) => {
      const tenant = await em.findOne(Tenant, { where: { code: input.tenantCode } });
      if (!tenant) throw AppError.notFound(`Tenant "${input.tenantCode}"`);
      this.office(ctx, 'create', tenant.id);
      const unit = await this.unitFor(em, tenant.id, input.role, input.memberUnitId ?? null, 'input.memberUnitId');
      const position = await em.count(MemberPerson, { where: { tenantId: tenant.id } });
      const person = await em.save(
        em.create(MemberPerson, {
          tenantId: tenant.id,
          name: input.name ?? null,
          post: input.post,
          memberUnitId: unit?.id ?? null,
          role: input.role,
          convenerKey: null,
          position,
          source: null,
          active: true,
        }),
      );
      const change = await this.file(
        em,
        ctx,
        tenant,
        person,
        MemberPersonChangeKind.APPOINTED,
        input.reason,
        null,
        snapshotOf(person, unit),
      );
      return { person, change };
    });
    await this.report(change);
    return person;
  }

  /** 分工调整: another person in the post, another post, unit or role; filed with before and after. */
  async change(ctx: RequestContext, input: ChangeMemberInput): Promise<MemberPerson> {
    const { person, change } = await this.db.run(ctx, async ({ em }) => {
      const person = await this.findPerson(em, input.memberPersonId);
      this.office(ctx, 'update', person.tenantId);
      if (!person.active) throw JOINT_MEETING_ERRORS.conflict('MEMBER_REMOVED', {}, 'input.memberPersonId');
      const tenant = await em.findOneOrFail(Tenant, { where: { id: person.tenantId } });
      const beforeUnit = person.memberUnitId
        ? await em.findOne(MemberUnit, { where: { id: person.memberUnitId } })
        : null;
      const before = snapshotOf(person, beforeUnit);
      const role = input.role ?? person.role;
      const unitId = input.memberUnitId ?? (role === MemberRole.CONVENER ? null : person.memberUnitId);
      const unit = await this.unitFor(
        em,
        person.tenantId,
        role,
        unitId,
        input.memberUnitId ? 'input.memberUnitId' : 'input.role',
      );
      Object.assign(person, {
        name: input.name ?? person.name,
        post: input.post ?? person.post,
        role,
        memberUnitId: unit?.id ?? null,
      });
      const after = snapshotOf(person, unit);
      if (JSON.stringify(before) === JSON.stringify(after))
        throw JOINT_MEETING_ERRORS.badInput('input', 'NOTHING_CHANGED');
      await em.save(person);
      const change = await this.file(
        em,
        ctx,
        tenant,
        person,
        MemberPersonChangeKind.CHANGED,
        input.reason,
        before,
        after,
      );
      return { person, change };
    });
    await this.report(change);
    return person;
  }

  async remove(ctx: RequestContext, input: RemoveMemberInput): Promise<MemberPerson> {
    const { person, change } = await this.db.run(ctx, async ({ em }) => {
      const person = await this.findPerson(em, input.memberPersonId);
      this.office(ctx, 'update', person.tenantId);
      if (!person.active) throw JOINT_MEETING_ERRORS.conflict('MEMBER_REMOVED', {}, 'input.memberPersonId');
      const tenant = await em.findOneOrFail(Tenant, { where: { id: person.tenantId } });
      const unit = person.memberUnitId ? await em.findOne(MemberUnit, { where: { id: person.memberUnitId } }) : null;
      const before = snapshotOf(person, unit);
      person.active = false;
      person.removedAt = this.clock.now();
      await em.save(person);
      const change = await this.file(
        em,
        ctx,
        tenant,
        person,
        MemberPersonChangeKind.REMOVED,
        input.reason,
        before,
        null,
      );
      return { person, change };
    });
    await this.report(change);
    return person;
  }

  async changes(
    ctx: RequestContext,
    tenantCode: string,
    limit: number,
    after?: string | null,
  ): Promise<MemberPersonChangePageResult> {
    checkLimit(limit);
    const cursor = after ? decodeCursor(after) : null;
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await em.findOne(Tenant, { where: { code: tenantCode } });
      if (!tenant) throw AppError.notFound(`Tenant "${tenantCode}"`);
      if (!ctx.ability.can('read', subject('MemberPersonChange', { tenantId: tenant.id })))
        throw JOINT_MEETING_ERRORS.forbidden('FILING_RECORD_NOT_VISIBLE');
      const rows = await membersRepository.changesPage(em, tenant.id, cursor, limit + 1);
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit ? encodeCursor(last.filedAt, last.id) : null };
    });
  }

  async propose(ctx: RequestContext, input: ProposeUnitAdjustmentInput): Promise<MemberUnitProposal> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await em.findOne(Tenant, { where: { code: input.tenantCode } });
      if (!tenant) throw AppError.notFound(`Tenant "${input.tenantCode}"`);
      if (!ctx.ability.can('create', subject('MemberUnitProposal', { tenantId: tenant.id })))
        throw JOINT_MEETING_ERRORS.forbidden('OFFICE_RECORDS_PROPOSALS');
      const rule = pluginOf(tenant).membershipChanges.unitAdjustments;
      if (!rule) throw JOINT_MEETING_ERRORS.badInput('input.tenantCode', 'NO_UNIT_ADJUSTMENT_RULE');
      let unit: MemberUnit | null = null;
      if (input.kind === UnitAdjustmentKind.ADD) {
        if (input.memberUnitId) throw JOINT_MEETING_ERRORS.badInput('input.memberUnitId', 'ADDED_UNIT_HAS_NO_ID');
        if (!input.unitName) throw JOINT_MEETING_ERRORS.badInput('input.unitName', 'UNIT_NAME_REQUIRED');
        if (!input.unitKind || input.unitKind === MemberUnitKind.TOWNSHIP)
          throw JOINT_MEETING_ERRORS.badInput('input.unitKind', 'UNIT_KIND_REQUIRED');
      } else {
        if (!input.memberUnitId) throw JOINT_MEETING_ERRORS.badInput('input.memberUnitId', 'UNIT_REQUIRED');
        unit = await em.findOne(MemberUnit, { where: { id: input.memberUnitId, tenantId: tenant.id, active: true } });
        if (!unit) throw JOINT_MEETING_ERRORS.badInput('input.memberUnitId', 'NOT_AN_ACTIVE_UNIT');
        if (input.kind === UnitAdjustmentKind.RENAME && !input.unitName)
          throw JOINT_MEETING_ERRORS.badInput('input.unitName', 'UNIT_NAME_REQUIRED');
      }
      return em.save(
        em.create(MemberUnitProposal, {
          tenantId: tenant.id,
          kind: input.kind,
          memberUnitId: unit?.id ?? null,
          unitName: input.kind === UnitAdjustmentKind.REMOVE ? (unit?.name ?? null) : (input.unitName ?? null),
          unitKind: input.kind === UnitAdjustmentKind.ADD ? (input.unitKind ?? null) : (unit?.kind ?? null),
          reason: input.reason,
          decidingBody: rule.proposedTo,
          source: rule.source,
          status: UnitAdjustmentStatus.PROPOSED,
          proposedAt: this.clock.now(),
          proposedById: ctx.caller.userId,
        }),
      );
    });
  }

  async recordDecision(ctx: RequestContext, input: RecordUnitAdjustmentDecisionInput): Promise<MemberUnitProposal> {
    return this.db.run(ctx, async ({ em }) => {
      const proposal = await em.findOne(MemberUnitProposal, { where: { id: input.proposalId } });
      if (!proposal) throw AppError.notFound('Proposal');
      if (!ctx.ability.can('update', subject('MemberUnitProposal', { tenantId: proposal.tenantId })))
        throw JOINT_MEETING_ERRORS.forbidden('OFFICE_RECORDS_PROPOSALS');
      if (proposal.status !== UnitAdjustmentStatus.PROPOSED)
        throw JOINT_MEETING_ERRORS.conflict('ALREADY_DECIDED', { status: proposal.status }, 'input.proposalId');
      Object.assign(proposal, {
        status: input.adopted ? UnitAdjustmentStatus.ADOPTED : UnitAdjustmentStatus.NOT_ADOPTED,
        decidedAt: this.clock.now(),
        decisionBasis: input.basis,
        decisionRecordedById: ctx.caller.userId,
      });
      return em.save(proposal);
    });
  }

  async proposals(
    ctx: RequestContext,
    tenantCode: string,
    limit: number,
    after?: string | null,
  ): Promise<MemberUnitProposalPageResult> {
    checkLimit(limit);
    const cursor = after ? decodeCursor(after) : null;
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await em.findOne(Tenant, { where: { code: tenantCode } });
      if (!tenant) throw AppError.notFound(`Tenant "${tenantCode}"`);
      if (!ctx.ability.can('read', subject('MemberUnitProposal', { tenantId: tenant.id })))
        throw JOINT_MEETING_ERRORS.forbidden('PROPOSALS_NOT_VISIBLE');
      const rows = await membersRepository.proposalsPage(em, tenant.id, cursor, limit + 1);
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit ? encodeCursor(last.proposedAt, last.id) : null };
    });
  }

  private office(ctx: RequestContext, action: 'create' | 'update', tenantId: string): void {
    if (!ctx.ability.can(action, subject('MemberPerson', { tenantId })))
      throw JOINT_MEETING_ERRORS.forbidden('OFFICE_KEEPS_MEMBERS');
  }

  private async findPerson(em: Tx['em'], id: string): Promise<MemberPerson> {
    const person = await em.findOne(MemberPerson, { where: { id } });
    if (!person) throw AppError.notFound('Member');
    return person;
  }

  /** A MEMBER or LIAISON sits for an active unit of the tenant; a CONVENER for none. */
  private async unitFor(
    em: Tx['em'],
    tenantId: string,
    role: MemberRole,
    unitId: string | null,
    field: string,
  ): Promise<MemberUnit | null> {
    if (role === MemberRole.CONVENER) {
      if (unitId) throw JOINT_MEETING_ERRORS.badInput(field, 'CONVENER_HAS_NO_UNIT');
      return null;
    }
    if (!unitId) throw JOINT_MEETING_ERRORS.badInput(field, 'MEMBER_NEEDS_UNIT');
    const unit = await em.findOne(MemberUnit, { where: { id: unitId, tenantId, active: true } });
    if (!unit) throw JOINT_MEETING_ERRORS.badInput(field, 'NOT_AN_ACTIVE_UNIT');
    return unit;
  }

  private file(
    em: Tx['em'],
    ctx: RequestContext,
    tenant: Tenant,
    person: MemberPerson,
    kind: MemberPersonChangeKind,
    reason: string,
    before: MemberPersonSnapshot | null,
    after: MemberPersonSnapshot | null,
  ): Promise<MemberPersonChange> {
    const reportedRoles = pluginOf(tenant).membershipChanges.reportTo as Role[];
    return em.save(
      em.create(MemberPersonChange, {
        tenantId: tenant.id,
        memberPersonId: person.id,
        kind,
        reason,
        before,
        after,
        reportedRoles,
        filedAt: this.clock.now(),
        filedById: ctx.caller.userId,
      }),
    );
  }

  /** Reports a filed change to the plugin's reportTo roles, after commit. */
  private async report(change: MemberPersonChange): Promise<void> {
    try {
      await this.jobs.enqueue(
        MEMBER_PERSON_REPORTED_JOB,
        { tenantId: change.tenantId, changeId: change.id },
        { jobId: jobId('member-person', change.id) },
      );
    } catch (err) {
      this.logger.warn(`could not enqueue the report of member change ${change.id}: ${(err as Error).message}`);
    }
  }
}

function snapshotOf(person: MemberPerson, unit: MemberUnit | null): MemberPersonSnapshot {
  return {
    name: person.name,
    post: person.post,
    memberUnitId: person.memberUnitId,
    unitName: unit?.name ?? null,
    role: person.role,
  };
}
