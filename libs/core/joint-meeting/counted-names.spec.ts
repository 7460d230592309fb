import { assignCountedNames, COUNTED_NAMES_REASONS } from './counted-names';

// 002 §三: 街道三办一中心 … 11个社区居委会 (plugins/xincheng-street/plugin.yaml countedMemberUnits).
const groups = [
  { kind: 'COMMUNITY', label: '社区居委会', count: 11 },
  { kind: 'DEPARTMENT', label: '街道办公室（三办）', count: 2 },
  { kind: 'DEPARTMENT', label: '街道中心（一中心）', count: 1 },
] as const;
const named = ['平安建设办公室', '新城公安派出所', '司法所'];
const reasonOf = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (err) {
    return (err as { extensions: { reason: string; field: string } }).extensions;
  }
  return undefined;
};

describe('assignCountedNames (D2: 002 §三 三办一中心 named at onboarding)', () => {
  it('fills the groups of one kind in the plugin order: two offices, then the centre', () => {
    expect(
      assignCountedNames(
        groups,
        [{ kind: 'DEPARTMENT', names: ['党政办公室', '经济发展办公室', '社区服务中心'] }],
        named,
      ),
    ).toEqual([[], ['党政办公室', '经济发展办公室'], ['社区服务中心']]);
  });

  it('names one group by its label', () => {
    expect(
      assignCountedNames(
        groups,
        [
          { kind: 'DEPARTMENT', label: '街道中心（一中心）', names: ['社区服务中心'] },
          { kind: 'DEPARTMENT', label: '街道办公室（三办）', names: ['党政办公室'] },
        ],
        named,
      ),
    ).toEqual([[], ['党政办公室'], ['社区服务中心']]);
  });

  it('refuses more names than places, an unknown label, a group named twice and a name in use, naming the field', () => {
    expect(
      reasonOf(() =>
        assignCountedNames(groups, [{ kind: 'DEPARTMENT', names: ['甲办', '乙办', '丙中心', '丁中心'] }], named),
      ),
    ).toMatchObject({ reason: COUNTED_NAMES_REASONS.tooMany, field: 'input.countedUnitNames.0.names' });
    expect(
      reasonOf(() => assignCountedNames(groups, [{ kind: 'DEPARTMENT', label: '街道局', names: ['甲局'] }], named)),
    ).toMatchObject({ reason: COUNTED_NAMES_REASONS.unknownGroup, field: 'input.countedUnitNames.0.label' });
    expect(reasonOf(() => assignCountedNames(groups, [{ kind: 'VILLAGE', names: ['某村'] }], named))).toMatchObject({
      reason: COUNTED_NAMES_REASONS.unknownGroup,
      field: 'input.countedUnitNames.0.kind',
    });
    expect(
      reasonOf(() =>
        assignCountedNames(
          groups,
          [
            { kind: 'DEPARTMENT', names: ['甲办'] },
            { kind: 'DEPARTMENT', label: '街道中心（一中心）', names: ['丙中心'] },
          ],
          named,
        ),
      ),
    ).toMatchObject({ reason: COUNTED_NAMES_REASONS.namedTwice, field: 'input.countedUnitNames.1' });
    expect(
      reasonOf(() => assignCountedNames(groups, [{ kind: 'DEPARTMENT', names: ['司法所'] }], named)),
    ).toMatchObject({ reason: COUNTED_NAMES_REASONS.taken, field: 'input.countedUnitNames.0.names.0' });
    expect(
      reasonOf(() =>
        assignCountedNames(
          groups,
          [
            { kind: 'COMMUNITY', names: ['文化社区'] },
            { kind: 'DEPARTMENT', names: ['文化社区'] },
          ],
          named,
        ),
      ),
    ).toMatchObject({ reason: COUNTED_NAMES_REASONS.taken, field: 'input.countedUnitNames.1.names.0' });
  });
});
