import { Role } from '@core/identity';
import { abilityOf } from '@test/support/abilities';
import { auditRules } from './audit.abilities';

const { PLATFORM_ADMIN, SUPERIOR, CHIEF_CONVENER, CONVENER, OFFICE_DIRECTOR, MEMBER_UNIT, VILLAGE_SECRETARY } = Role;

describe('audit abilities: who reads the trail (row-level security keeps each in its tree)', () => {
  it.each([
    [PLATFORM_ADMIN, true],
    [SUPERIOR, true],
    [CHIEF_CONVENER, true],
    [CONVENER, true],
    [OFFICE_DIRECTOR, true],
    [MEMBER_UNIT, false],
    [VILLAGE_SECRETARY, false],
  ])('%s reads: %s; nobody writes it', (role, reads) => {
    const a = abilityOf(role, auditRules);
    expect(a.can('read', 'Audit')).toBe(reads);
    for (const action of ['create', 'update', 'manage'] as const) expect(a.can(action, 'Audit')).toBe(false);
  });

  it('a unit role held beside a reading role reads (grants add up)', () => {
    expect(abilityOf(MEMBER_UNIT, auditRules, { roles: [MEMBER_UNIT, SUPERIOR] }).can('read', 'Audit')).toBe(true);
  });
});
