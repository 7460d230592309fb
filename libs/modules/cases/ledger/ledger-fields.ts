import type { CaseRuleSet } from '../case-rules';

export type LedgerRule = NonNullable<CaseRuleSet['ledgers']>;
export type LedgerField = NonNullable<LedgerRule['fields']>[number];

/** Which input field carries each item a ledger entry must state (002 §五(四)). */
export const LEDGER_FIELD_INPUTS = {
  CONTENT: 'content',
  CLASSIFICATION: 'classification',
  MEASURES: 'measures',
  OWNING_LEADER: 'owningLeader',
  RESPONSIBLE_UNIT: 'responsibleUnitId',
  RESPONSIBLE_PERSON: 'responsiblePerson',
  TIME_LIMIT: 'dueOn',
} as const satisfies Record<LedgerField, string>;

/** The source's own words for each item, quoted in refusals. */
export const LEDGER_FIELD_TERMS: Readonly<Record<LedgerField, string>> = {
  CONTENT: '诉求内容',
  CLASSIFICATION: '分类处理情况',
  MEASURES: '具体工作措施',
  OWNING_LEADER: '包案领导',
  RESPONSIBLE_UNIT: '具体责任单位',
  RESPONSIBLE_PERSON: '责任人',
  TIME_LIMIT: '问题处理时限',
};

export type LedgerFieldValues = { [K in (typeof LEDGER_FIELD_INPUTS)[LedgerField]]?: string | null };

/**
 * The first item the plugin requires that the entry leaves out, in the plugin's order (so a
 * refusal names one field at a time, the way the source lists them); null when all are there.
 */
export function firstMissingLedgerField(
  required: readonly LedgerField[],
  values: LedgerFieldValues,
): LedgerField | null {
  return (
    required.find((f) => {
      const v = values[LEDGER_FIELD_INPUTS[f]];
      return v === undefined || v === null || v.trim() === '';
    }) ?? null
  );
}
