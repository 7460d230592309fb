import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { subject } from '@casl/ability';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { SDK_VERSION, readSnapshot, type EffectivePlugin, type HookPins } from '@jm/plugin-sdk';
import { refuseOwnPaper } from '@engine/access';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Role } from '@core/identity/entities';
import { Db, type Tx } from '@engine/database';
import { AppError } from '@engine/errors';
import { JobQueue, jobId } from '@engine/jobs';
import {
  RulesChangeParticipants,
  rulesDiff,
  snapshotOf,
  type AffectedItem,
  type RulesChangeView,
} from '@engine/plugins';
import { TENANCY_ERRORS } from '../tenancy.errors';
import { Tenant } from '../tenant.entity';
import { pluginOf } from '../tenant-lookup';
import { TenantNotices } from '../tenant-notices';
import { PluginCatalog } from './plugin-catalog';
import { RuleChangeKind, type RulesDiff } from './rules-change.model';
import { RULES_CHANGE_REPORTED_JOB, rulesChangeReportTo } from './rules-change-report';
import { RulesChangeKind, RulesChangeStatus, TenantRulesChange } from './tenant-rules-change.entity';
import type {
  DecideTenantRulesChangeInput,
  RollbackTenantRulesInput,
  UpgradeTenantRulesInput,
} from './rule-packs.inputs';

interface Target {
  version: string;
  effective: EffectivePlugin;
  sdkVersion: string;
  hooks: HookPins | null;
}

/**
 * Changing a tenant's rules (issue 17 item 3): the diff (field by field, with the running items it
 * touches), the upgrade to another version of its plugin (applied at once, or waiting for the superior
 * where the rules in force say so), the superior's decision and the rollback to the snapshot before the
 * last applied upgrade. Every change is filed (备案, tenant_rules_change, with both snapshots) and
 * reported to the roles the rules name. A change writes the new snapshot only on the rules revision it
 * was computed from: of two concurrent changes one wins, the other is CONFLICT.
 */
@Injectable()
export class RulesChangeService {
  private readonly logger = new Logger('RulesChange');

  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(PluginCatalog) private readonly catalog: PluginCatalog,
    @Inject(RulesChangeParticipants) private readonly participants: RulesChangeParticipants,
    @Inject(TenantNotices) private readonly notices: TenantNotices,
  ) {}

  diff(ctx: RequestContext, tenantCode: string, toVersion: string): Promise<RulesDiff> {
    return this.db.run(ctx, async (tx) => {
      const tenant = await this.tenant(tx.em, tenantCode);
      this.mayChange(ctx, tenant);
      const target = await this.target(tx.em, tenant, toVersion, 'toVersion');
      await this.db.extendScope(tx, tenant.id);
      const view = this.view(tenant, target.effective);
      return this.toDiff(tenant, target.version, view, await this.affected(tx.em, view));
    });
  }

  async upgrade(ctx: RequestContext, input: UpgradeTenantRulesInput): Promise<TenantRulesChange> {
    const change = await this.guard(() =>
      this.db.run(ctx, async (tx) => {
        const tenant = await this.tenant(tx.em, input.tenantCode);
        this.mayChange(ctx, tenant);
        if (input.toVersion === tenant.pluginVersion) {
          throw TENANCY_ERRORS.conflict(
            'RULES_VERSION_IN_FORCE',
            { plugin: tenant.pluginId, version: input.toVersion, tenant: tenant.code },
            'input.toVersion',
          );
        }
        const target = await this.target(tx.em, tenant, input.toVersion, 'input.toVersion');
        await this.db.extendScope(tx, tenant.id);
        const view = this.view(tenant, target.effective);
        const policy = rulesChangeReportTo(view.before);
        const approvalRequired = policy.approval === 'SUPERIOR';
        const row = await this.file(tx.em, ctx, tenant, {
          kind: RulesChangeKind.UPGRADE,
          status: approvalRequired ? RulesChangeStatus.AWAITING_APPROVAL : RulesChangeStatus.APPLIED,
          target,
          diff: view.changes,
          reason: input.reason,
          approvalRequired,
          reverts: null,
        });
        if (approvalRequired) await this.askSuperior(tx, tenant, row);
        else await this.apply(tx, tenant, row, target, view);
        return row;
      }),
    );
    await this.report(change);
    return change;
  }

  async decide(ctx: RequestContext, input: DecideTenantRulesChangeInput): Promise<TenantRulesChange> {
    const change = await this.guard(() =>
      this.db.run(ctx, async (tx) => {
        const tenant = await this.tenant(tx.em, input.tenantCode);
        if (
          !ctx.ability.can('approve', subject('TenantRulesChange', { tenantId: tenant.id, parentId: tenant.parentId }))
        ) {
          throw TENANCY_ERRORS.forbidden('NOT_THE_SUPERIOR', { tenant: tenant.code });
        }
        await this.db.extendScope(tx, tenant.id);
        const row = await tx.em.findOne(TenantRulesChange, {
          where: { tenantId: tenant.id, status: RulesChangeStatus.AWAITING_APPROVAL },
        });
        if (!row) throw TENANCY_ERRORS.conflict('NO_RULES_CHANGE_WAITING', { tenant: tenant.code }, 'input.tenantCode');
        refuseOwnPaper(ctx, [row.requestedBy], 'this rules change');
        const now = this.clock.now();
        const decided = await tx.em.update(
          TenantRulesChange,
          { tenantId: tenant.id, id: row.id, status: RulesChangeStatus.AWAITING_APPROVAL },
          {
            status: input.approve ? RulesChangeStatus.APPLIED : RulesChangeStatus.REJECTED,
            decidedBy: ctx.caller.userId,
            decidedAt: now,
            decisionNote: input.note ?? null,
          },
        );
        if (!decided.affected)
          throw TENANCY_ERRORS.conflict('NO_RULES_CHANGE_WAITING', { tenant: tenant.code }, 'input.tenantCode');
        Object.assign(row, {
          status: input.approve ? RulesChangeStatus.APPLIED : RulesChangeStatus.REJECTED,
          decidedBy: ctx.caller.userId,
          decidedAt: now,
          decisionNote: input.note ?? null,
        });
        if (input.approve) {
          if (tenant.rulesRevision !== row.fromRevision) {
            throw TENANCY_ERRORS.conflict('RULES_CHANGED_MEANWHILE', { tenant: tenant.code });
          }
          const target: Target = {
            version: row.toVersion,
            effective: readSnapshot(row.toSnapshot, row.toSdkVersion),
            sdkVersion: row.toSdkVersion,
            hooks: row.toHooks,
          };
          await this.apply(tx, tenant, row, target, this.view(tenant, target.effective));
        }
        return row;
      }),
    );
    await this.report(change);
    return change;
  }

  async rollback(ctx: RequestContext, input: RollbackTenantRulesInput): Promise<TenantRulesChange> {
    const change = await this.guard(() =>
      this.db.run(ctx, async (tx) => {
        const tenant = await this.tenant(tx.em, input.tenantCode);
        this.mayChange(ctx, tenant);
        await this.db.extendScope(tx, tenant.id);
        const last = await tx.em.findOne(TenantRulesChange, {
          where: { tenantId: tenant.id, kind: RulesChangeKind.UPGRADE, status: RulesChangeStatus.APPLIED },
          order: { appliedAt: 'DESC' },
        });
        if (!last || last.toVersion !== tenant.pluginVersion) {
          throw TENANCY_ERRORS.conflict('NOTHING_TO_ROLL_BACK', { tenant: tenant.code }, 'input.tenantCode');
        }
        const target: Target = {
          version: last.fromVersion,
          effective: readSnapshot(last.fromSnapshot, last.fromSdkVersion),
          sdkVersion: last.fromSdkVersion,
          hooks: last.fromHooks,
        };
        const view = this.view(tenant, target.effective);
        const row = await this.file(tx.em, ctx, tenant, {
          kind: RulesChangeKind.ROLLBACK,
          status: RulesChangeStatus.APPLIED,
          target,
          diff: view.changes,
          reason: input.reason,
          approvalRequired: false,
          reverts: last.id,
        });
        await this.apply(tx, tenant, row, target, view);
        await tx.em.update(
          TenantRulesChange,
          { tenantId: tenant.id, id: last.id },
          { status: RulesChangeStatus.ROLLED_BACK },
        );
        return row;
      }),
    );
    await this.report(change);
    return change;
  }

  /** The filing record of a tenant's rules changes, newest first. */
  async changesOf(ctx: RequestContext, tenant: Tenant): Promise<TenantRulesChange[]> {
    if (!ctx.ability.can('read', subject('TenantRulesChange', { tenantId: tenant.id, parentId: tenant.parentId }))) {
      throw TENANCY_ERRORS.forbidden('RULES_RECORD_NOT_YOURS');
    }
    return this.db.run(ctx, ({ em }) =>
      em.find(TenantRulesChange, {
        where: { tenantId: tenant.id },
        order: { requestedAt: 'DESC', id: 'DESC' },
        take: 100,
      }),
    );
  }

  private async tenant(em: EntityManager, code: string): Promise<Tenant> {
    const tenant = await em.findOne(Tenant, { where: { code } });
    if (!tenant) throw AppError.notFound(`Tenant "${code}"`);
    return tenant;
  }

  /** Rights consistent with publishing: the platform admin, or the office of the tenant's parent. */
  private mayChange(ctx: RequestContext, tenant: Tenant): void {
    if (!ctx.ability.can('update', subject('TenantRules', { tenantId: tenant.id, parentId: tenant.parentId }))) {
      throw TENANCY_ERRORS.forbidden('RULES_CHANGE_NOT_ALLOWED', { tenant: tenant.code });
    }
  }

  /** The version to move to: a visible version of the tenant's own plugin, onboardable, of its level. */
  private async target(em: EntityManager, tenant: Tenant, version: string, field: string): Promise<Target> {
    const entry = await this.catalog.find(em, tenant.pluginId, version);
    if (!entry) throw TENANCY_ERRORS.badInput(field, 'UNKNOWN_PLUGIN_VERSION', { plugin: tenant.pluginId, version });
    if (!entry.effective.onboardable)
      throw TENANCY_ERRORS.badInput(field, 'RULES_NOT_ONBOARDABLE', { plugin: tenant.pluginId, version });
    if (entry.effective.level !== (tenant.level as string))
      throw TENANCY_ERRORS.badInput(field, 'RULES_LEVEL_MISMATCH', {
        plugin: tenant.pluginId,
        version,
        level: entry.effective.level,
        tenant: tenant.code,
        tenantLevel: tenant.level,
      });
    return { version: entry.version, effective: entry.effective, sdkVersion: SDK_VERSION, hooks: entry.hookPins };
  }

  private view(tenant: Tenant, after: EffectivePlugin): RulesChangeView {
    const before = pluginOf(tenant);
    return { tenantId: tenant.id, before, after, changes: rulesDiff(snapshotOf(before), snapshotOf(after)) };
  }

  private async affected(em: EntityManager, view: RulesChangeView): Promise<AffectedItem[]> {
    const out: AffectedItem[] = [];
    for (const p of this.participants.all()) out.push(...(await p.affected(em, view)));
    return out;
  }

  private toDiff(tenant: Tenant, toVersion: string, view: RulesChangeView, affected: AffectedItem[]): RulesDiff {
    const policy = rulesChangeReportTo(view.before);
    return {
      tenantCode: tenant.code,
      pluginId: tenant.pluginId,
      fromVersion: tenant.pluginVersion,
      toVersion,
      approvalRequired: policy.approval === 'SUPERIOR',
      rulesChangesSource: policy.source,
      reportTo: policy.roles,
      changes: view.changes.map((c) => ({ ...c, kind: c.kind as RuleChangeKind })),
      affected,
    };
  }

  private async file(
    em: EntityManager,
    ctx: RequestContext,
    tenant: Tenant,
    c: {
      kind: RulesChangeKind;
      status: RulesChangeStatus;
      target: Target;
      diff: unknown;
      reason: string;
      approvalRequired: boolean;
      reverts: string | null;
    },
  ): Promise<TenantRulesChange> {
    const id = randomUUID();
    await em.insert(TenantRulesChange, {
      id,
      tenantId: tenant.id,
      kind: c.kind,
      status: c.status,
      pluginId: tenant.pluginId,
      fromVersion: tenant.pluginVersion,
      toVersion: c.target.version,
      fromSnapshot: tenant.pluginConfig,
      fromSdkVersion: tenant.pluginSdkVersion,
      fromHooks: tenant.pluginHooks,
      toSnapshot: snapshotOf(c.target.effective),
      toSdkVersion: c.target.sdkVersion,
      toHooks: c.target.hooks,
      diff: c.diff,
      reason: c.reason,
      approvalRequired: c.approvalRequired,
      requestedBy: ctx.caller.userId,
      requestedAt: this.clock.now(),
      fromRevision: tenant.rulesRevision,
      reverts: c.reverts,
    } as never);
    return em.findOneOrFail(TenantRulesChange, { where: { tenantId: tenant.id, id } });
  }

  /**
   * Writes the new snapshot on the revision the change was computed from (CONFLICT otherwise), then lets
   * the participants adjust the running items, all in the change's transaction.
   */
  private async apply(
    tx: Tx,
    tenant: Tenant,
    row: TenantRulesChange,
    target: Target,
    view: RulesChangeView,
  ): Promise<void> {
    const now = this.clock.now();
    const written = await tx.em.update(
      Tenant,
      { id: tenant.id, rulesRevision: row.fromRevision },
      {
        pluginVersion: target.version,
        pluginConfig: snapshotOf(target.effective) as never,
        pluginSdkVersion: target.sdkVersion,
        pluginHooks: target.hooks as never,
        rulesRevision: row.fromRevision + 1,
        rulesChangedAt: now,
      },
    );
    if (!written.affected) {
      throw TENANCY_ERRORS.conflict('RULES_CHANGED_MEANWHILE', { tenant: tenant.code });
    }
    await tx.em.update(TenantRulesChange, { tenantId: tenant.id, id: row.id }, { appliedAt: now });
    row.appliedAt = now;
    for (const p of this.participants.all()) await p.apply?.(tx.em, view, now);
    this.logger.log(
      `rules of ${tenant.code}: ${row.kind} ${row.pluginId} ${row.fromVersion} → ${row.toVersion} applied (change ${row.id})`,
    );
  }

  /** The superior (the parent's office; the platform for a top-level tenant) is told a change waits. */
  private async askSuperior(tx: Tx, tenant: Tenant, row: TenantRulesChange): Promise<void> {
    if (!tenant.parentId) return;
    await this.notices.notify(
      tx.em,
      tenant.parentId,
      { roles: [Role.OFFICE_DIRECTOR] },
      {
        kind: 'RULES_CHANGE_AWAITING_APPROVAL',
        title: `${tenant.name}规则变更待审批：${row.pluginId} ${row.fromVersion} → ${row.toVersion}`,
        body: `理由：${row.reason}`,
        dedupeKey: `rules-change-approval:${row.id}`,
      },
    );
  }

  /** Two requests at once: the unique waiting change and the revision check make the second CONFLICT. */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      const driver =
        err instanceof QueryFailedError ? (err.driverError as { code?: string; constraint?: string }) : null;
      if (driver?.code === '23505' && driver.constraint === 'tenant_rules_change_one_waiting') {
        throw TENANCY_ERRORS.conflict('RULES_CHANGE_PENDING', {}, 'input.tenantCode');
      }
      throw err;
    }
  }

  /** Reports the filed change to the roles its rules name, after commit. */
  private async report(change: TenantRulesChange): Promise<void> {
    try {
      await this.jobs.enqueue(
        RULES_CHANGE_REPORTED_JOB,
        { tenantId: change.tenantId, changeId: change.id },
        { jobId: jobId('rules-change', change.id, change.status) },
      );
    } catch (err) {
      this.logger.warn(`could not enqueue the report of rules change ${change.id}: ${(err as Error).message}`);
    }
  }
}
