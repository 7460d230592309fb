import { subject } from '@casl/ability';
import type { RequestContext } from '@engine/context';
import type { EffectivePlugin } from '@jm/plugin-sdk';
import { pluginOf } from '@core/tenancy';
import type { Tenant } from '@core/tenancy/entities';
import { OfficePaperKind } from './office-documents.entity';
import { OFFICE_DOCUMENTS_ERRORS as E } from './office-documents.errors';

/** The office's documents as the tenant's plugin gives them (officeDocuments), and who acts on them. */

export type WorkPointsRule = NonNullable<EffectivePlugin['officeDocuments']['workPoints']>;

/** Only the office drafts, submits, links and issues its documents, in its own tenant (FORBIDDEN, OFFICE_ONLY). */
export function requireOffice(ctx: RequestContext, type: 'WorkPlan' | 'Briefing', tenantId: string): void {
  if (!ctx.ability.can('update', subject(type, { tenantId }))) throw E.forbidden('OFFICE_ONLY');
}

/** The tenant's annual work points rule, or BAD_USER_INPUT naming `field` where the plugin gives the office none. */
export function workPointsRule(tenant: Tenant, field: string): WorkPointsRule {
  const rule = pluginOf(tenant).officeDocuments.workPoints;
  if (!rule) throw E.badInput(field, 'NO_WORK_POINTS_RULE');
  return rule;
}

/**
 * The series of each kind as the plugin gives it to the office (officeDocuments): its name and article, or
 * the refusal naming what the rules lack.
 */
export function seriesOf(tenant: Tenant, kind: OfficePaperKind): { name: string; source: string } {
  const docs = pluginOf(tenant).officeDocuments;
  if (kind === OfficePaperKind.CIRCULAR) {
    if (!docs.circulars) throw E.badInput('input.kind', 'NO_CIRCULARS_RULE');
    return { name: docs.circulars.name, source: docs.circulars.source };
  }
  if (kind === OfficePaperKind.AGREED_ITEMS_PROGRESS) {
    if (!docs.agreedItemsProgress) throw E.badInput('input.tenantCode', 'NO_AGREED_ITEMS_PROGRESS_RULE');
    return { name: docs.agreedItemsProgress.name, source: docs.agreedItemsProgress.source };
  }
  if (!docs.briefings) throw E.badInput('input.tenantCode', 'NO_BRIEFINGS_RULE');
  return { name: '简报', source: docs.briefings.source };
}
