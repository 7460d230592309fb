import { Role } from '@core/identity';
import { abilityOf, canIn } from '@test/support/abilities';
import { coordinationRules } from './coordination.abilities';

const { PLATFORM_ADMIN, SUPERIOR, CHIEF_CONVENER, CONVENER, OFFICE_DIRECTOR, MEMBER_UNIT, VILLAGE_SECRETARY } = Role;

describe('coordination abilities, role by role', () => {
  // [role, reads, records sensitive information (create), reports a verification (report), drafts issue lists, reviews issue lists (approve)]
  const table: [Role, boolean, boolean, boolean, boolean, boolean][] = [
    [PLATFORM_ADMIN, false, false, false, false, false],
    [SUPERIOR, true, false, false, false, true],
    [CHIEF_CONVENER, true, false, false, false, true],
    [CONVENER, true, false, false, false, true],
    [OFFICE_DIRECTOR, true, true, true, true, true],
    [MEMBER_UNIT, true, false, true, false, true],
    [VILLAGE_SECRETARY, true, false, true, false, true],
  ];

  it.each(table)(
    '%s: read %s, create %s, report %s, draft lists %s, review lists %s — never in another tenant',
    (role, read, create, report, draft, review) => {
      const a = abilityOf(role, coordinationRules);
      expect(a.can('read', 'SensitiveReport')).toBe(read);
      expect(canIn(a, 'create', 'SensitiveReport')).toEqual({ own: create, other: false });
      expect(canIn(a, 'report', 'SensitiveReport')).toEqual({ own: report, other: false });
      expect(canIn(a, 'create', 'IssueList')).toEqual({ own: draft, other: false });
      expect(canIn(a, 'approve', 'IssueList')).toEqual({ own: review, other: false });
    },
  );
});
