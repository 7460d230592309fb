import { subject } from '@casl/ability';
import { Role } from '@core/identity';
import { abilityOf, canIn, OTHER, OWN } from '@test/support/abilities';
import { casesRules } from './cases.abilities';

const { PLATFORM_ADMIN, SUPERIOR, CHIEF_CONVENER, CONVENER, OFFICE_DIRECTOR, MEMBER_UNIT, VILLAGE_SECRETARY } = Role;

describe('cases abilities, role by role', () => {
  // [role, receives (create), assigns/closes (update), decides (approve), reports progress (report), reads personal data]
  const table: [Role, boolean, boolean, boolean, boolean, boolean][] = [
    [PLATFORM_ADMIN, false, false, false, false, false],
    [SUPERIOR, false, false, false, false, false],
    [CHIEF_CONVENER, true, false, true, false, true],
    [CONVENER, true, false, true, false, true],
    [OFFICE_DIRECTOR, true, true, true, true, true],
    [MEMBER_UNIT, true, false, false, true, false],
    [VILLAGE_SECRETARY, true, false, false, true, false],
  ];

  it.each(table)(
    '%s: create %s, update %s, approve %s, report %s in its own tenant, never in another',
    (role, create, update, approve, report) => {
      const a = abilityOf(role, casesRules);
      expect(canIn(a, 'create', 'PetitionCase')).toEqual({ own: create, other: false });
      expect(canIn(a, 'update', 'PetitionCase')).toEqual({ own: update, other: false });
      expect(canIn(a, 'approve', 'PetitionCase')).toEqual({ own: approve, other: false });
      expect(canIn(a, 'report', 'PetitionCase')).toEqual({ own: report, other: false });
    },
  );

  it.each(table)('%s: personal data (004 接待日8 保密) unmasked: %s… only in its own tenant', (role, ...rest) => {
    const unmasked = rest[4];
    const a = abilityOf(role, casesRules);
    for (const field of ['name', 'idNumber', 'phone', 'address']) {
      expect(a.can('read', subject('Petitioner', { tenantId: OWN }), field)).toBe(unmasked);
      expect(a.can('read', subject('Petitioner', { tenantId: OTHER }), field)).toBe(false);
    }
  });

  it('every tenant user reads cases (row-level security and the queries narrow); the platform admin reads none', () => {
    for (const [role] of table)
      expect(abilityOf(role, casesRules).can('read', 'PetitionCase')).toBe(role !== PLATFORM_ADMIN);
  });
});
