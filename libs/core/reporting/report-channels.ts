import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { holdersOf, satisfies, refuseOwnPaper } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { Role } from '@core/identity';
import { Db, type Tx } from '@engine/database';
import { notify } from '@core/notifications';
import type { Tenant } from '@core/tenancy/entities';
import { pluginOf, tenantById } from '@core/tenancy';
import { type Report, ReportChannel } from './report.entity';
import { officeRoleOf } from './report-access';
import { REPORT_ERRORS } from './reporting.errors';

/**
 * The channels of reports upward (operations.reportsUpward): who receives a report on each, how the
 * recipient is told, and who may act as the recipient. Reaching the parent tenant widens the scope here,
 * after the caller's checks, and nowhere else.
 */
@Injectable()
export class ReportChannels {
  constructor(@Inject(Db) private readonly db: Db) {}

  /** The recipient of a channel as the tenant's plugin declares it; BAD_USER_INPUT when it declares none. */
  async recipientOf(
    tx: Tx,
    tenant: Tenant,
    channel: ReportChannel,
    field: string,
  ): Promise<Pick<Report, 'recipientName' | 'recipientTenantId' | 'recipientRoles' | 'rule' | 'needsApproval'>> {
    const plugin = pluginOf(tenant);
    const rule = plugin.operations?.reportsUpward;
    const undeclared = (what: string) =>
      REPORT_ERRORS.badInput(field, 'CHANNEL_NOT_DECLARED', { plugin: tenant.pluginId, tenant: tenant.name, what });
    const needsApproval = !!rule?.approvedBy && channel !== ReportChannel.OWN_JOINT_MEETING;
    switch (channel) {
      case ReportChannel.PARTY_COMMITTEE:
        if (!rule?.partyCommittee) throw undeclared('report to the party committee (partyCommittee)');
        return {
          recipientName: rule.partyCommittee.name,
          recipientTenantId: null,
          recipientRoles: [],
          rule: rule.partyCommittee.source,
          needsApproval,
        };
      case ReportChannel.PARENT_JOINT_MEETING: {
        if (rule?.to !== 'PARENT_JOINT_MEETING' && rule?.to !== 'BOTH')
          throw undeclared('report to the parent joint meeting (to: PARENT_JOINT_MEETING or BOTH)');
        if (!tenant.parentId) throw REPORT_ERRORS.badInput(field, 'NO_PARENT_TENANT', { tenant: tenant.name });
        // The parent's name only: the service widens the scope to read it, nothing else is read there.
        await this.db.extendScope(tx, tenant.parentId);
        const parent = await tenantById(tx.em, tenant.parentId);
        return {
          recipientName: pluginOf(parent).structure.jointMeetingName,
          recipientTenantId: parent.id,
          recipientRoles: [],
          rule: rule.source,
          needsApproval,
        };
      }
      case ReportChannel.OWN_JOINT_MEETING:
        if (rule?.to !== 'OWN_JOINT_MEETING' && rule?.to !== 'BOTH')
          throw undeclared('work reports of member units to the joint meeting (to: OWN_JOINT_MEETING or BOTH)');
        return {
          recipientName: plugin.structure.jointMeetingName,
          recipientTenantId: null,
          recipientRoles: [],
          rule: rule.source,
          needsApproval: false,
        };
      case ReportChannel.CONVENER_REVIEW:
        throw REPORT_ERRORS.badInput(field, 'MATTER_FROM_MEETING');
    }
  }

  /** In-app notice to the recipient; the party committee, outside the platform, gets none. */
  async tellRecipient(tx: Tx, report: Report): Promise<void> {
    const notice = {
      kind: 'REPORT_RECEIVED',
      title: `报告：${report.title}`,
      body: `reportId=${report.id}（${report.rule}）`,
      dedupeKey: `report-received:${report.id}`,
    };
    switch (report.channel) {
      case ReportChannel.PARENT_JOINT_MEETING:
        await this.db.extendScope(tx, report.recipientTenantId!);
        await notify(tx.em, report.recipientTenantId!, { roles: [Role.OFFICE_DIRECTOR] }, notice);
        return;
      case ReportChannel.OWN_JOINT_MEETING:
        await notify(
          tx.em,
          report.tenantId,
          { roles: [officeRoleOf(await tenantById(tx.em, report.tenantId))] },
          notice,
        );
        return;
      case ReportChannel.CONVENER_REVIEW:
        await notify(
          tx.em,
          report.tenantId,
          { roles: report.recipientRoles.flatMap((r) => holdersOf(r as Role)) },
          { ...notice, kind: 'MATTER_FOR_REVIEW', title: `报请审阅：${report.title}` },
        );
        return;
      case ReportChannel.PARTY_COMMITTEE:
        return;
    }
  }

  /** The caller acts as the report's recipient (acknowledging, answering); FORBIDDEN otherwise. */
  async checkRecipient(ctx: RequestContext, tx: Tx, report: Report): Promise<void> {
    switch (report.channel) {
      case ReportChannel.PARENT_JOINT_MEETING:
        if (ctx.caller.tenantId !== report.recipientTenantId || !ctx.caller.roles.includes(Role.OFFICE_DIRECTOR))
          throw REPORT_ERRORS.forbidden('RECIPIENT_ONLY', {
            recipient: { en: `the office of ${report.recipientName}`, zh: `${report.recipientName}办公室` },
          });
        await this.db.extendScope(tx, report.tenantId);
        return;
      case ReportChannel.OWN_JOINT_MEETING:
        if (
          ctx.caller.tenantId !== report.tenantId ||
          !ctx.ability.can('update', subject('Report', { tenantId: report.tenantId }))
        )
          throw REPORT_ERRORS.forbidden('RECIPIENT_ONLY', {
            recipient: { en: "the joint meeting's office", zh: '联席会议办公室' },
          });
        return;
      case ReportChannel.CONVENER_REVIEW:
        if (
          ctx.caller.tenantId !== report.tenantId ||
          !report.recipientRoles.some((r) => satisfies(ctx.caller.roles, r as Role))
        )
          throw REPORT_ERRORS.forbidden('RECIPIENT_ONLY', { recipient: report.recipientRoles });
        refuseOwnPaper(ctx, [report.draftedById], 'this referral');
        return;
      case ReportChannel.PARTY_COMMITTEE:
        throw REPORT_ERRORS.forbidden('RECIPIENT_OUTSIDE');
    }
  }
}
