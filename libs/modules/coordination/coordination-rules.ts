import type { EffectivePlugin } from '@jm/plugin-sdk';
import { COORDINATION_ERRORS } from './coordination.errors';
import { Tenant } from '@core/tenancy/entities';
import { pluginOf, tenantById, tenantByCode } from '@core/tenancy';

type Operations = EffectivePlugin['operations'];
export type SensitiveInformationRule = NonNullable<Operations['sensitiveInformation']>;
export type IssueListRule = NonNullable<Operations['issueLists']>;

export { pluginOf, tenantByCode, tenantById };

/** 000 art. 11 / 001 art. 11 as the tenant's plugin states it; BAD_USER_INPUT when it states none. */
export function sensitiveRule(tenant: Tenant, field: string): SensitiveInformationRule {
  const rule = pluginOf(tenant).operations?.sensitiveInformation;
  if (!rule)
    throw COORDINATION_ERRORS.badInput(field, 'NO_RULE', {
      plugin: tenant.pluginId,
      tenant: tenant.name,
      what: { en: 'sensitive information', zh: '敏感信息' },
      section: 'operations.sensitiveInformation',
    });
  return rule;
}

/** 000 art. 12 as the tenant's plugin states it; BAD_USER_INPUT when it states none. */
export function issueListRule(tenant: Tenant, field: string): IssueListRule {
  const rule = pluginOf(tenant).operations?.issueLists;
  if (!rule)
    throw COORDINATION_ERRORS.badInput(field, 'NO_RULE', {
      plugin: tenant.pluginId,
      tenant: tenant.name,
      what: { en: 'issue lists', zh: '问题清单' },
      section: 'operations.issueLists',
    });
  return rule;
}
