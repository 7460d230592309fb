import { subject } from '@casl/ability';
import { permittedFieldsOf } from '@casl/ability/extra';
import type { SubjectType } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { mask, type PiiCipher } from '@engine/crypto';

/**
 * What an audit entry's payload shows to whom (issue 12 item 3). The metadata of an entry — who, when,
 * which table, which operation, which columns changed — is shown to everyone who reads the trail; the
 * changed values only to a caller who may read the row's subject in that tenant (the same CASL rules
 * that answer the subject's own queries), so the platform admin, who reads no meeting or case, sees no
 * minutes body, resolution or responsible person. Petitioners' sealed fields follow the Petitioner field
 * rules: in full where granted, masked (张**) elsewhere, never as ciphertext; matching keys and secret
 * hashes are never shown. A table missing from this map shows no values to anyone (closed by default;
 * `test/e2e/audit-content.e2e-spec.ts` checks the map against the tables the trigger is attached to).
 */
export const AUDITED_TABLES: Readonly<Record<string, Exclude<SubjectType, 'all'>>> = {
  account_change: 'AccountChange',
  app_user: 'User',
  user_credential: 'User',
  tenant: 'Tenant',
  tenant_rules_change: 'TenantRulesChange',
  plugin_version: 'JurisdictionPlugin',
  calendar_override: 'Calendar',
  member_unit: 'MemberUnit',
  membership_change: 'MembershipChange',
  member_person: 'MemberPerson',
  member_person_change: 'MemberPersonChange',
  member_unit_proposal: 'MemberUnitProposal',
  meeting: 'Meeting',
  work_plan: 'WorkPlan',
  work_plan_point: 'WorkPlan',
  work_plan_point_item: 'WorkPlan',
  briefing: 'Briefing',
  briefing_recipient: 'Briefing',
  document_counter: 'Briefing',
  meeting_unit: 'Meeting',
  meeting_topic: 'Meeting',
  cadence_obligation: 'Meeting',
  minutes: 'Minutes',
  minutes_recipient: 'Minutes',
  agreed_item: 'AgreedItem',
  agreed_item_owner: 'AgreedItem',
  implementation_report: 'AgreedItem',
  key_period: 'KeyPeriod',
  finding: 'Finding',
  sensitive_report: 'SensitiveReport',
  issue_list: 'IssueList',
  report: 'Report',
  report_instruction: 'Report',
  petition_case: 'PetitionCase',
  case_petitioner: 'PetitionCase',
  case_event: 'PetitionCase',
  case_extension: 'PetitionCase',
  case_ledger_entry: 'PetitionCase',
  case_link: 'PetitionCase',
  case_progress_report: 'PetitionCase',
  case_review: 'PetitionCase',
  case_screening: 'PetitionCase',
  case_screening_run: 'PetitionCase',
  case_sequence: 'PetitionCase',
  case_line: 'PetitionCase',
  case_working_group: 'PetitionCase',
  case_working_group_case: 'PetitionCase',
  case_area_cadre: 'AreaScreening',
  case_area_screening: 'AreaScreening',
  reception_roster: 'PetitionCase',
  inspection: 'Inspection',
  inspection_finding: 'Inspection',
  supervision_notice: 'SupervisionNotice',
  supervision_notice_entry: 'SupervisionNotice',
  supervision_sequence: 'SupervisionNotice',
  supervision_action: 'SupervisionAction',
  supervision_proposal: 'SupervisionAction',
  supervision_flag: 'SupervisionFlag',
  assessment: 'Assessment',
  notification: 'Notification',
  outbox_message: 'OutboxMessage',
};

type PersonalField = 'name' | 'idNumber' | 'phone' | 'address';
/** Sealed columns and the Petitioner field rule that governs each. */
const SEALED_COLUMNS: Readonly<Record<string, Readonly<Record<string, PersonalField>>>> = {
  case_petitioner: { name_enc: 'name', id_number_enc: 'idNumber', phone_enc: 'phone', address_enc: 'address' },
};
/** Keys inside JSON payloads that hold a petitioner's name (the RECUSED step: sealed, or clear before sealing). */
const SEALED_KEYS: Readonly<Record<string, PersonalField>> = { recusedEnc: 'name' };
const CLEAR_NAME_KEYS = new Set(['recused']);
/** Never shown, whatever the role: matching keys and secret hashes. */
const NEVER_SHOWN = new Set(['person_key', 'password_hash', 'token_hash']);

export interface PayloadView {
  /** The changed columns' names (metadata; for updates). */
  changedColumns: string[];
  /** Their values as this caller may see them, or null when withheld. */
  changed: Record<string, unknown> | null;
  /** Whether values were withheld (all of them, or sealed and secret ones). */
  withheld: boolean;
}

/** A tenant as the ability conditions see it: its id and its parent's. */
export interface AuditTenant {
  id: string;
  parentId: string | null;
}

/** Presents one entry's `changed` payload for the caller. */
export function presentPayload(
  ctx: RequestContext,
  cipher: PiiCipher,
  tenant: AuditTenant,
  tableName: string,
  changed: Record<string, unknown> | null,
): PayloadView {
  const changedColumns = changed ? Object.keys(changed).sort() : [];
  if (!changed) return { changedColumns, changed: null, withheld: false };
  const subjectType = AUDITED_TABLES[tableName];
  const readable =
    subjectType !== undefined &&
    ctx.ability.can('read', subject(subjectType, { tenantId: tenant.id, parentTenantId: tenant.parentId }));
  if (!readable) return { changedColumns, changed: null, withheld: true };
  const allowed = personalFields(ctx, tenant.id);
  const sealed = SEALED_COLUMNS[tableName] ?? {};
  let withheld = false;
  const shown: Record<string, unknown> = {};
  for (const column of changedColumns) {
    const value = changed[column];
    if (NEVER_SHOWN.has(column)) {
      withheld = true;
      continue;
    }
    const field = sealed[column];
    if (field) shown[column] = presentSealed(cipher, value, field, allowed);
    else if (column.endsWith('_enc'))
      withheld = true; // a sealed column without a field rule here: shown to no one
    else shown[column] = presentJson(cipher, value, allowed);
  }
  return { changedColumns, changed: shown, withheld };
}

function personalFields(ctx: RequestContext, tenantId: string): Set<string> {
  return new Set(
    permittedFieldsOf(ctx.ability, 'read', subject('Petitioner', { tenantId }), {
      fieldsFrom: (rule) => rule.fields ?? [],
    }),
  );
}

function presentSealed(cipher: PiiCipher, value: unknown, field: PersonalField, allowed: Set<string>): string | null {
  if (typeof value !== 'string' || value === '') return null;
  let plain: string;
  try {
    plain = cipher.decrypt(value);
  } catch {
    return mask[field]('');
  }
  return allowed.has(field) ? plain : mask[field](plain);
}

/** JSON values (case steps' data and the like): sealed and clear names inside follow the same rules. */
function presentJson(cipher: PiiCipher, value: unknown, allowed: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => presentJson(cipher, v, allowed));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const field = SEALED_KEYS[key];
    if (field) out[key.replace(/Enc$/, '')] = presentSealed(cipher, inner, field, allowed);
    else if (CLEAR_NAME_KEYS.has(key) && typeof inner === 'string')
      out[key] = allowed.has('name') ? inner : mask.name(inner);
    else if (NEVER_SHOWN.has(key)) continue;
    else out[key] = presentJson(cipher, inner, allowed);
  }
  return out;
}
