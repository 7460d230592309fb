import '@test/support/keyed-lists';
import { rulesDiff, touchedKeys } from './rules-diff';

describe('rulesDiff: field by field, keyed lists by key', () => {
  const before = {
    id: 'x',
    version: '1.0.0',
    name: 'A',
    meetingTypes: [
      { code: 'PLENARY', cadence: { rrule: 'FREQ=YEARLY' } },
      { code: 'WORK', cadence: { rrule: 'FREQ=MONTHLY' } },
    ],
    supervision: { ladder: [{ id: 'bottom-three', then: 'REMINDER' }] },
    cases: { stepLimits: [{ step: 'HANDLING', within: { amount: 60, unit: 'CALENDAR_DAYS' } }] },
  };

  it('is empty for the same rules in another order and another version', () => {
    expect(
      rulesDiff(before, { ...before, version: '1.1.0', meetingTypes: [...before.meetingTypes].reverse() }),
    ).toEqual([]);
  });

  it('names the changed field under its item key, and what is added or removed', () => {
    const after = {
      ...before,
      name: 'B',
      meetingTypes: [
        { code: 'PLENARY', cadence: { rrule: 'FREQ=YEARLY' } },
        { code: 'WORK', cadence: { rrule: 'FREQ=WEEKLY' } },
        { code: 'LIAISON' },
      ],
      supervision: { ladder: [] },
    };
    expect(rulesDiff(before, after)).toEqual([
      { path: 'name', kind: 'CHANGED', before: 'A', after: 'B' },
      { path: 'meetingTypes[WORK].cadence.rrule', kind: 'CHANGED', before: 'FREQ=MONTHLY', after: 'FREQ=WEEKLY' },
      { path: 'meetingTypes[LIAISON]', kind: 'ADDED', before: null, after: { code: 'LIAISON' } },
      {
        path: 'supervision.ladder[bottom-three]',
        kind: 'REMOVED',
        before: { id: 'bottom-three', then: 'REMINDER' },
        after: null,
      },
    ]);
    const changes = rulesDiff(before, after);
    expect(touchedKeys(changes, 'meetingTypes', 'cadence')).toEqual(['WORK', 'LIAISON']);
    expect(touchedKeys(changes, 'supervision.ladder')).toEqual(['bottom-three']);
    expect(touchedKeys(changes, 'cases.stepLimits')).toEqual([]);
  });
});
