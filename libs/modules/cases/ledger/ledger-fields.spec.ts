import { firstMissingLedgerField, LEDGER_FIELD_INPUTS, type LedgerField } from './ledger-fields';

const ALL: LedgerField[] = [
  'CONTENT',
  'CLASSIFICATION',
  'MEASURES',
  'OWNING_LEADER',
  'RESPONSIBLE_UNIT',
  'RESPONSIBLE_PERSON',
  'TIME_LIMIT',
];
const complete = {
  content: '小区供暖不达标',
  classification: '民生诉求',
  measures: '协调供热公司检修管网',
  owningLeader: '王伟',
  responsibleUnitId: '00000000-0000-4000-8000-000000000001',
  responsiblePerson: '李娜',
  dueOn: '2026-12-01',
};

describe('ledger entry fields (002 §五(四))', () => {
  it('maps every item the source lists to an input field', () => {
    expect(ALL.map((f) => LEDGER_FIELD_INPUTS[f])).toEqual([
      'content',
      'classification',
      'measures',
      'owningLeader',
      'responsibleUnitId',
      'responsiblePerson',
      'dueOn',
    ]);
  });

  it('accepts an entry stating everything required', () => {
    expect(firstMissingLedgerField(ALL, complete)).toBeNull();
  });

  it("names the first missing item in the plugin's order; absent, null and blank all count as missing", () => {
    expect(firstMissingLedgerField(ALL, { ...complete, measures: undefined, dueOn: undefined })).toBe('MEASURES');
    expect(firstMissingLedgerField(ALL, { ...complete, responsibleUnitId: null })).toBe('RESPONSIBLE_UNIT');
    expect(firstMissingLedgerField(ALL, { ...complete, owningLeader: '  ' })).toBe('OWNING_LEADER');
  });

  it('requires only what the plugin lists', () => {
    expect(firstMissingLedgerField(['CONTENT', 'TIME_LIMIT'], { content: '诉求', dueOn: '2026-12-01' })).toBeNull();
    expect(firstMissingLedgerField([], {})).toBeNull();
  });
});
