import { Role } from '@core/identity';
import { abilityOf, canIn } from '@test/support/abilities';
import { meetingsRules } from './meetings.abilities';

const { PLATFORM_ADMIN, SUPERIOR, CHIEF_CONVENER, CONVENER, OFFICE_DIRECTOR, MEMBER_UNIT, VILLAGE_SECRETARY } = Role;

describe('meetings abilities, role by role', () => {
  // [role, schedules meetings, calls ad-hoc meetings, approves minutes (own tenant), acknowledges minutes, reports on agreed items, accepts reports]
  const table: [Role, boolean, boolean, boolean, boolean, boolean, boolean][] = [
    [PLATFORM_ADMIN, false, false, false, false, false, false],
    [SUPERIOR, false, false, false, false, false, false],
    [CHIEF_CONVENER, false, true, true, false, false, false],
    [CONVENER, false, true, true, false, false, false],
    [OFFICE_DIRECTOR, true, true, true, false, false, true],
    [MEMBER_UNIT, false, false, false, true, true, false],
    [VILLAGE_SECRETARY, false, false, false, true, true, false],
  ];

  it.each(table)(
    '%s: schedule %s, ad hoc %s, approve %s, acknowledge %s, report %s, accept %s — never in another tenant',
    (role, schedule, adHoc, approve, acknowledge, report, accept) => {
      const a = abilityOf(role, meetingsRules);
      expect(canIn(a, 'create', 'Meeting')).toEqual({ own: schedule, other: false });
      expect(canIn(a, 'create', 'Meeting', { adHoc: true })).toEqual({ own: adHoc, other: false });
      expect(canIn(a, 'approve', 'Minutes').own).toBe(approve);
      expect(canIn(a, 'acknowledge', 'Minutes')).toEqual({ own: acknowledge, other: false });
      expect(canIn(a, 'report', 'AgreedItem')).toEqual({ own: report, other: false });
      expect(canIn(a, 'approve', 'AgreedItem')).toEqual({ own: accept, other: false });
    },
  );

  it("conveners approve only their own tenant's minutes; an office director may sign a child's (approverScope PARENT, checked by the service)", () => {
    expect(canIn(abilityOf(CONVENER, meetingsRules), 'approve', 'Minutes')).toEqual({ own: true, other: false });
    expect(canIn(abilityOf(OFFICE_DIRECTOR, meetingsRules), 'approve', 'Minutes')).toEqual({ own: true, other: true });
  });
});
