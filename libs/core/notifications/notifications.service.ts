import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import type { Page } from '@engine/graphql';
import { JobQueue } from '@engine/jobs';
import { User, AccountChange, AccountChangeKind } from '@core/identity/entities';
import {
  MemberUnit,
  MembershipChange,
  MemberPersonChange,
  MemberPersonChangeKind,
  type MemberPersonSnapshot,
} from '@core/joint-meeting/entities';
import { Tenant, RulesChangeKind, TenantRulesChange } from '@core/tenancy/entities';
import {
  pluginOf,
  rulesChangeReportTo,
  TenantNotices,
  RULES_CHANGE_REPORTED_JOB,
  type RulesChangeReportedJob,
} from '@core/tenancy';
import {
  MEMBERSHIP_REPORTED_JOB,
  MEMBER_PERSON_REPORTED_JOB,
  type MembershipReportedJob,
  type MemberPersonReportedJob,
} from '@core/joint-meeting';
import {
  ACCOUNT_CHANGE_REPORTED_JOB,
  WELCOME_JOB,
  type AccountChangeReportedJob,
  type WelcomeJob,
} from '@core/identity';
import { Notification } from './notification.entity';
import { activeHolderIds, insertNotifications, markOwnRead, notificationsPage } from './notifications.query';
import { notify } from './notify';

const KIND_WORDS: Record<MembershipChange['kind'], string> = { ADDED: '新增', RENAMED: '更名', DEACTIVATED: '撤销' };
const PERSON_WORDS: Record<MemberPersonChangeKind, string> = {
  APPOINTED: '新增成员',
  CHANGED: '成员变更',
  REMOVED: '成员退出',
};
const ROLE_WORDS: Record<MemberPersonSnapshot['role'], string> = {
  CONVENER: '召集人',
  MEMBER: '成员',
  LIAISON: '联络员',
};
const personWords = (p: MemberPersonSnapshot): string =>
  `${p.unitName ?? ''}${p.post} ${p.name ?? '（姓名未填）'}（${ROLE_WORDS[p.role]}）`;

const ACCOUNT_WORDS: Record<AccountChangeKind, string> = {
  GRANTED: '开通账号',
  ROLES_CHANGED: '变更角色',
  UNIT_CHANGED: '变更所属单位',
  DEACTIVATED: '停用账号',
  REACTIVATED: '恢复账号',
  PASSWORD_RESET: '重置密码',
  PASSWORD_CHANGE_REQUIRED: '要求修改密码',
};

/**
 * In-app notifications and the jobs that deliver them. Every delivery is idempotent by dedupe key. The jobs are
 * named by the contexts whose changes they report (tenancy, joint-meeting, identity, all below notifications);
 * tenancy's own notices go through its TenantNotices, which this service fills with notify() at construction.
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(TenantNotices) notices: TenantNotices,
  ) {
    notices.register(notify);
  }

  onModuleInit(): void {
    this.jobs.register({ name: WELCOME_JOB, handle: (data: WelcomeJob) => this.welcome(data) });
    this.jobs.register({
      name: MEMBERSHIP_REPORTED_JOB,
      handle: (data: MembershipReportedJob) => this.membershipReported(data),
    });
    this.jobs.register({
      name: MEMBER_PERSON_REPORTED_JOB,
      handle: (data: MemberPersonReportedJob) => this.memberPersonReported(data),
    });
    this.jobs.register({
      name: ACCOUNT_CHANGE_REPORTED_JOB,
      handle: (data: AccountChangeReportedJob) => this.accountChangeReported(data),
    });
    this.jobs.register({
      name: RULES_CHANGE_REPORTED_JOB,
      handle: (data: RulesChangeReportedJob) => this.rulesChangeReported(data),
    });
  }

  mine(ctx: RequestContext, limit: number, unreadOnly = false): Promise<Notification[]> {
    return this.db.run(ctx, ({ em }) =>
      em.find(Notification, {
        where: { userId: ctx.caller.userId, ...(unreadOnly ? { readAt: IsNull() } : {}) },
        order: { createdAt: 'DESC', id: 'DESC' },
        take: limit,
      }),
    );
  }

  /** One page of the caller's notifications, newest first. */
  minePage(
    ctx: RequestContext,
    unreadOnly: boolean,
    page: { limit: number; after: string | null },
  ): Promise<Page<Notification>> {
    return this.db.run(ctx, ({ em }) => notificationsPage(em, ctx.caller.userId, unreadOnly, page));
  }

  /** Marks the caller's own notifications read (others' ids are ignored); returns how many changed. */
  async markRead(ctx: RequestContext, ids: readonly string[]): Promise<number> {
    return this.db.run(ctx, ({ em }) => markOwnRead(em, ctx.caller.userId, ids));
  }

  /** A new user's welcome note. */
  async welcome(job: WelcomeJob): Promise<void> {
    await this.db.run(RequestContext.forTenantJob(job.tenantId), async ({ em }) => {
      const [user, tenant] = await Promise.all([
        em.findOne(User, { where: { id: job.userId } }),
        em.findOne(Tenant, { where: { id: job.tenantId } }),
      ]);
      if (!user || !tenant) return;
      await this.deliver(em, [user.id], job.tenantId, {
        kind: 'WELCOME',
        title: `欢迎使用${tenant.name}信访工作联席会议平台`,
        body: `${user.displayName}，您的账号 ${user.username} 已开通，角色：${user.roles.join('、')}。`,
        dedupeKey: `welcome:${user.id}`,
      });
    });
  }

  /** A filed membership change is reported to the roles the tenant's plugin names (000 art. 7, 001 art. 10). */
  async membershipReported(job: MembershipReportedJob): Promise<void> {
    await this.db.run(RequestContext.forTenantJob(job.tenantId), async ({ em }) => {
      const change = await em.findOne(MembershipChange, { where: { id: job.changeId } });
      const tenant = await em.findOne(Tenant, { where: { id: job.tenantId } });
      if (!change || !tenant) return;
      const unit = await em.findOne(MemberUnit, { where: { id: change.memberUnitId } });
      const reportTo = pluginOf(tenant).membershipChanges.reportTo;
      const recipients = await activeHolderIds(em, job.tenantId, reportTo);
      const name = change.kind === 'RENAMED' ? `${change.detail.from} → ${change.detail.to}` : (unit?.name ?? '');
      await this.deliver(em, recipients, job.tenantId, {
        kind: 'MEMBERSHIP_CHANGE_FILED',
        title: `成员单位变更备案：${KIND_WORDS[change.kind]}${name}`,
        body: `理由：${change.reason}`,
        dedupeKey: `membership:${change.id}`,
      });
    });
  }

  /**
   * A filed change of member person (成员变更备案) is reported to the roles it names (the plugin's
   * membershipChanges.reportTo when it was filed: 000 art. 7 向召集人报告, 001 art. 10 向召集人报告).
   */
  async memberPersonReported(job: MemberPersonReportedJob): Promise<void> {
    await this.db.run(RequestContext.forTenantJob(job.tenantId), async ({ em }) => {
      const change = await em.findOne(MemberPersonChange, { where: { tenantId: job.tenantId, id: job.changeId } });
      if (!change) return;
      const recipients = await activeHolderIds(em, job.tenantId, change.reportedRoles);
      const what =
        change.before && change.after
          ? `${personWords(change.before)} → ${personWords(change.after)}`
          : personWords((change.after ?? change.before)!);
      await this.deliver(em, recipients, job.tenantId, {
        kind: 'MEMBER_CHANGE_FILED',
        title: `成员变更备案：${PERSON_WORDS[change.kind]} ${what}`,
        body: `理由：${change.reason}；memberPersonId=${change.memberPersonId}`,
        dedupeKey: `member-person:${change.id}`,
      });
    });
  }

  /**
   * A filed account change (grant, roles, unit, deactivation, reset) is reported like a membership
   * change: to the roles the plugin names for membership reports (the conveners), and to the office
   * directors — but not to the one who filed it. Names and roles only; never a password.
   */
  async accountChangeReported(job: AccountChangeReportedJob): Promise<void> {
    await this.db.run(RequestContext.forTenantJob(job.tenantId), async ({ em }) => {
      const change = await em.findOne(AccountChange, { where: { tenantId: job.tenantId, id: job.changeId } });
      const tenant = await em.findOne(Tenant, { where: { id: job.tenantId } });
      if (!change || !tenant) return;
      const account = await em.findOne(User, { where: { id: change.userId } });
      const reportTo = [...pluginOf(tenant).membershipChanges.reportTo, 'OFFICE_DIRECTOR'];
      const recipients = await activeHolderIds(em, job.tenantId, reportTo, change.filedById);
      const roles =
        change.rolesBefore.join('、') === change.rolesAfter.join('、')
          ? change.rolesAfter.join('、')
          : `${change.rolesBefore.join('、') || '无'} → ${change.rolesAfter.join('、')}`;
      await this.deliver(em, recipients, job.tenantId, {
        kind: 'ACCOUNT_CHANGE_FILED',
        title: `账号变更备案：${ACCOUNT_WORDS[change.kind]} ${account?.displayName ?? ''}（${account?.username ?? ''}）`,
        body: `角色：${roles}；理由：${change.reason}`,
        dedupeKey: `account:${change.id}`,
      });
    });
  }

  /**
   * A filed rules change (备案) is reported to the roles the tenant's rules name (`rulesChanges.reportTo`;
   * platform default: the conveners), once per change and state: waiting for the superior, applied,
   * rejected, rolled back.
   */
  async rulesChangeReported(job: RulesChangeReportedJob): Promise<void> {
    await this.db.run(RequestContext.forTenantJob(job.tenantId), async ({ em }) => {
      const change = await em.findOne(TenantRulesChange, { where: { tenantId: job.tenantId, id: job.changeId } });
      const tenant = await em.findOne(Tenant, { where: { id: job.tenantId } });
      if (!change || !tenant) return;
      const recipients = await activeHolderIds(em, job.tenantId, rulesChangeReportTo(pluginOf(tenant)).roles);
      const what = change.kind === RulesChangeKind.ROLLBACK ? '规则回退' : '规则变更';
      const state = {
        AWAITING_APPROVAL: '待上级审批',
        APPLIED: '已施行',
        REJECTED: '上级未批准',
        ROLLED_BACK: '已回退',
      }[change.status];
      const count = Array.isArray(change.diff) ? change.diff.length : 0;
      await this.deliver(em, recipients, job.tenantId, {
        kind: 'RULES_CHANGE_FILED',
        title: `${what}备案：${change.pluginId} ${change.fromVersion} → ${change.toVersion}（${state}）`,
        body: `理由：${change.reason}；变更${count}项${change.decisionNote ? `；审批意见：${change.decisionNote}` : ''}`,
        dedupeKey: `rules-change:${change.id}:${change.status}`,
      });
    });
  }

  private async deliver(
    em: import('typeorm').EntityManager,
    userIds: string[],
    tenantId: string,
    n: Pick<Notification, 'kind' | 'title' | 'body' | 'dedupeKey'>,
  ): Promise<void> {
    if (!userIds.length) return;
    await insertNotifications(em, tenantId, userIds, n);
  }
}
