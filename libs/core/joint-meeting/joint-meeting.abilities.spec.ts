import { Role } from '@core/identity/entities';
import { abilityOf, canIn } from '@test/support/abilities';
import { jointMeetingRules } from './joint-meeting.abilities';

const { PLATFORM_ADMIN, SUPERIOR, CHIEF_CONVENER, CONVENER, OFFICE_DIRECTOR, MEMBER_UNIT, VILLAGE_SECRETARY } = Role;

describe('joint-meeting abilities, role by role', () => {
  // [role, changes member units in its own tenant, in another, reads the filing record (备案)]
  const table: [Role, boolean, boolean, boolean][] = [
    [PLATFORM_ADMIN, true, true, true],
    [SUPERIOR, false, false, true],
    [CHIEF_CONVENER, false, false, true],
    [CONVENER, false, false, true],
    [OFFICE_DIRECTOR, true, false, true],
    [MEMBER_UNIT, false, false, false],
    [VILLAGE_SECRETARY, false, false, false],
  ];

  it.each(table)(
    '%s: change units own %s / other %s, read the filing record %s; everyone reads units',
    (role, own, other, filing) => {
      const a = abilityOf(role, jointMeetingRules);
      expect(a.can('read', 'MemberUnit')).toBe(true);
      expect(canIn(a, 'create', 'MemberUnit')).toEqual({ own, other });
      expect(canIn(a, 'update', 'MemberUnit')).toEqual({ own, other });
      expect(a.can('read', 'MembershipChange')).toBe(filing);
    },
  );

  // [role, keeps the register of member persons and records unit proposals in its own tenant, reads the filing record and proposals]
  const members: [Role, boolean, boolean][] = [
    [PLATFORM_ADMIN, false, true],
    [SUPERIOR, false, true],
    [CHIEF_CONVENER, false, true],
    [CONVENER, false, true],
    [OFFICE_DIRECTOR, true, true],
    [MEMBER_UNIT, false, false],
    [VILLAGE_SECRETARY, false, false],
  ];

  it.each(members)(
    '%s: keeps the member register (own tenant only) %s, reads its filing record %s; everyone reads the register',
    (role, keeps, filing) => {
      const a = abilityOf(role, jointMeetingRules);
      expect(a.can('read', 'MemberPerson')).toBe(true);
      for (const action of ['create', 'update'] as const) {
        expect(canIn(a, action, 'MemberPerson')).toEqual({ own: keeps, other: false });
        expect(canIn(a, action, 'MemberUnitProposal')).toEqual({ own: keeps, other: false });
      }
      expect(a.can('read', 'MemberPersonChange')).toBe(filing);
      expect(a.can('read', 'MemberUnitProposal')).toBe(filing && role !== PLATFORM_ADMIN);
    },
  );
});
