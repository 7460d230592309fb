import { Role } from '@core/identity';
import { abilityOf, canIn } from '@test/support/abilities';
import { inspectionsRules } from './inspections.abilities';

const { PLATFORM_ADMIN, SUPERIOR, CHIEF_CONVENER, CONVENER, OFFICE_DIRECTOR, MEMBER_UNIT, VILLAGE_SECRETARY } = Role;

describe('inspections abilities, role by role', () => {
  // [role, proposes (create), approves, carries out (update), reports] — each only in its own tenant
  const table: [Role, boolean, boolean, boolean, boolean][] = [
    [SUPERIOR, false, false, false, false],
    [CHIEF_CONVENER, true, true, true, true],
    [CONVENER, true, true, true, true],
    [OFFICE_DIRECTOR, true, false, true, true],
    // A member unit carries out and reports a joint inspection it organises (001 art. 13; the service checks it).
    [MEMBER_UNIT, true, false, true, true],
    [VILLAGE_SECRETARY, true, false, false, false],
  ];

  it.each(table)(
    '%s: reads the tree; create %s, approve %s, update %s, report %s — never in another tenant',
    (role, create, approve, update, report) => {
      const a = abilityOf(role, inspectionsRules);
      expect(canIn(a, 'read', 'Inspection')).toEqual({ own: true, other: true });
      expect(canIn(a, 'create', 'Inspection')).toEqual({ own: create, other: false });
      expect(canIn(a, 'approve', 'Inspection')).toEqual({ own: approve, other: false });
      expect(canIn(a, 'update', 'Inspection')).toEqual({ own: update, other: false });
      expect(canIn(a, 'report', 'Inspection')).toEqual({ own: report, other: false });
    },
  );

  it('the platform admin has no inspection rights at all', () => {
    const a = abilityOf(PLATFORM_ADMIN, inspectionsRules);
    for (const action of ['read', 'create', 'approve', 'update', 'report'] as const)
      expect(a.can(action, 'Inspection')).toBe(false);
  });
});
