import { subject } from '@casl/ability';
import { satisfies, unitScope, refuseOwnPaper } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { Role } from '@core/identity';
import type { Tenant } from '@core/tenancy/entities';
import { pluginOf } from '@core/tenancy';
import type { Report, ReportStatus } from './report.entity';
import { REPORT_ERRORS } from './reporting.errors';

/** Who may read and act on a report, and the checks every step of its lifecycle repeats (pure). */

/**
 * Who reads a report: in its own tenant the office, conveners and superiors, a member unit only its own
 * work reports, the reviewers of a matter referred to them; in the recipient tenant (RLS lets only a
 * sent report addressed to it through) its office.
 */
export function canSeeReport(ctx: RequestContext, report: Report): boolean {
  if (report.tenantId !== ctx.caller.tenantId)
    return (
      report.recipientTenantId === ctx.caller.tenantId &&
      report.sentAt !== null &&
      ctx.caller.roles.includes(Role.OFFICE_DIRECTOR)
    );
  const unit = unitScope(ctx);
  return !unit || report.reportingUnitId === unit;
}

export function requireOwnOffice(ctx: RequestContext, report: Report): void {
  if (
    report.tenantId !== ctx.caller.tenantId ||
    !ctx.ability.can('update', subject('Report', { tenantId: report.tenantId }))
  )
    throw REPORT_ERRORS.forbidden('OFFICE_ONLY');
}

export function requireApprover(ctx: RequestContext, report: Report, tenant: Tenant): void {
  const role = approverRoleOf(tenant);
  if (!report.needsApproval || !role) throw REPORT_ERRORS.forbidden('NO_APPROVAL');
  if (report.tenantId !== ctx.caller.tenantId || !satisfies(ctx.caller.roles, role))
    throw REPORT_ERRORS.forbidden('APPROVER_ONLY', {
      role,
      rule: pluginOf(tenant).operations?.reportsUpward?.source ?? report.rule,
    });
  refuseOwnPaper(ctx, [report.draftedById, report.submittedById], 'this report');
}

export function approverRoleOf(tenant: Tenant): Role | null {
  return (pluginOf(tenant).operations?.reportsUpward?.approvedBy as Role | undefined) ?? null;
}

export function officeRoleOf(tenant: Tenant): Role {
  return pluginOf(tenant).structure.office.director.role as Role;
}

export function expectStatus(report: Report, states: ReportStatus[]): void {
  if (!states.includes(report.status))
    throw REPORT_ERRORS.conflict('REPORT_WRONG_STATUS', { status: report.status, needed: states }, 'reportId');
}
