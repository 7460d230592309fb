import type { MeetingTypeDeclaration } from '@jm/plugin-sdk';
import { MEETING_ERRORS } from './meetings.errors';
import type { Tenant } from '@core/tenancy/entities';
import { pluginOf } from '@core/tenancy';

export { pluginOf };

export function meetingType(tenant: Tenant, code: string, field = 'input.typeCode'): MeetingTypeDeclaration {
  const type = pluginOf(tenant).meetingTypes.find((m) => m.code === code);
  if (!type) {
    throw MEETING_ERRORS.badInput(field, 'UNKNOWN_MEETING_TYPE', {
      code,
      known: pluginOf(tenant).meetingTypes.map((m) => m.code),
    });
  }
  return type;
}

/** The document number (文号) of the n-th minutes of a year: `十字联席〔2026〕3号`. */
export function documentNumber(tenant: Tenant, year: string, n: number): string {
  const prefix = (pluginOf(tenant).tenantName ?? tenant.name).replace(/(镇|街道|县|区)$/, '');
  return `${prefix}联席〔${year}〕${n}号`;
}
