import { Role } from '@core/identity';
import { abilityOf, canIn } from '@test/support/abilities';
import { reportingRules } from './reporting.abilities';

const { PLATFORM_ADMIN, SUPERIOR, CHIEF_CONVENER, CONVENER, OFFICE_DIRECTOR, MEMBER_UNIT, VILLAGE_SECRETARY } = Role;
const none = { own: false, other: false };
const own = { own: true, other: false };
const both = { own: true, other: true };

describe('reporting abilities, role by role', () => {
  // [role, drafts (create), edits/sends (update), acknowledges/answers]
  const table: [Role, typeof none, typeof none, typeof none][] = [
    [SUPERIOR, none, none, none],
    [CHIEF_CONVENER, none, none, own],
    [CONVENER, none, none, own],
    // The office acknowledges what is sent to it from below (another tenant); the service narrows to the recipient.
    [OFFICE_DIRECTOR, own, own, both],
    [MEMBER_UNIT, own, none, none],
    [VILLAGE_SECRETARY, own, none, none],
  ];

  it.each(table)('%s: create %o, update %o, acknowledge %o', (role, create, update, acknowledge) => {
    const a = abilityOf(role, reportingRules);
    expect(canIn(a, 'read', 'Report')).toEqual(own);
    expect(canIn(a, 'approve', 'Report')).toEqual(own);
    expect(canIn(a, 'create', 'Report')).toEqual(create);
    expect(canIn(a, 'update', 'Report')).toEqual(update);
    expect(canIn(a, 'acknowledge', 'Report')).toEqual(acknowledge);
  });

  it('a unit user without a unit drafts no work report', () => {
    for (const role of [MEMBER_UNIT, VILLAGE_SECRETARY])
      expect(canIn(abilityOf(role, reportingRules, { memberUnitId: null }), 'create', 'Report')).toEqual(none);
  });

  it('the platform admin reads and does nothing with reports (no tenant)', () => {
    const a = abilityOf(PLATFORM_ADMIN, reportingRules);
    for (const action of ['read', 'create', 'update', 'approve', 'acknowledge'] as const)
      expect(canIn(a, action, 'Report')).toEqual(none);
  });
});
