import { subject } from '@casl/ability';
import { Role } from './roles';
import { abilityOf, canIn, OTHER, OWN, SELF } from '@test/support/abilities';
import { identityRules } from './identity.abilities';

const { PLATFORM_ADMIN, SUPERIOR, CHIEF_CONVENER, CONVENER, OFFICE_DIRECTOR, MEMBER_UNIT, VILLAGE_SECRETARY } = Role;

describe('identity abilities, role by role', () => {
  // [role, administers accounts in its tenant, reads and administers a child's, reads the filing record of accounts]
  const table: [Role, boolean, boolean, boolean][] = [
    [SUPERIOR, false, false, true],
    [CHIEF_CONVENER, true, false, true],
    [CONVENER, true, false, true],
    [OFFICE_DIRECTOR, true, true, true],
    [MEMBER_UNIT, false, false, false],
    [VILLAGE_SECRETARY, false, false, false],
  ];

  it.each(table)(
    '%s: reads its tenant’s directory; administers there %s, in a child %s; filing record %s',
    (role, administers, child, filing) => {
      const a = abilityOf(role, identityRules);
      expect(canIn(a, 'read', 'User')).toEqual({ own: true, other: false });
      for (const action of ['create', 'update'] as const)
        expect(canIn(a, action, 'User')).toEqual({ own: administers || child, other: false });
      const inChild = { tenantId: OTHER, parentTenantId: OWN };
      expect(a.can('read', subject('User', inChild))).toBe(child);
      expect(a.can('create', subject('User', inChild))).toBe(child);
      expect(a.can('update', subject('User', inChild))).toBe(child);
      expect(a.can('read', subject('User', { tenantId: OTHER, parentTenantId: OTHER }))).toBe(false);
      expect(a.can('read', 'AccountChange')).toBe(filing);
    },
  );

  it('every role reads its own account, even where it reads no other (a user without a tenant)', () => {
    for (const role of [...table.map(([r]) => r), PLATFORM_ADMIN]) {
      const a = abilityOf(role, identityRules, { tenantId: role === PLATFORM_ADMIN ? null : OWN });
      expect(a.can('read', subject('User', { id: SELF, tenantId: OTHER }))).toBe(true);
    }
    const homeless = abilityOf(MEMBER_UNIT, identityRules, { tenantId: null });
    expect(homeless.can('read', subject('User', { id: SELF, tenantId: OWN }))).toBe(true);
    expect(homeless.can('read', subject('User', { id: 'someone else', tenantId: OWN }))).toBe(false);
    expect(homeless.can('create', 'User')).toBe(false);
  });

  it('the platform admin reads and administers accounts in every tenant and reads the filing record', () => {
    const a = abilityOf(PLATFORM_ADMIN, identityRules);
    for (const action of ['read', 'create', 'update'] as const)
      expect(canIn(a, action, 'User')).toEqual({ own: true, other: true });
    expect(canIn(a, 'read', 'AccountChange')).toEqual({ own: true, other: true });
  });
});
