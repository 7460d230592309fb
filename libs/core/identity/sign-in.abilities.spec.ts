import { Role } from './roles';
import { abilityOf, ALL_ROLES, canIn } from '@test/support/abilities';
import { signInRules } from './sign-in.abilities';

describe('sign-in abilities: who lifts a lockout', () => {
  it.each(ALL_ROLES)('%s', (role) => {
    const expected =
      role === Role.PLATFORM_ADMIN
        ? { own: true, other: true }
        : role === Role.OFFICE_DIRECTOR
          ? { own: true, other: false }
          : { own: false, other: false };
    expect(canIn(abilityOf(role, signInRules), 'unlock', 'User')).toEqual(expected);
  });

  it('an office director without a tenant unlocks nothing', () => {
    expect(abilityOf(Role.OFFICE_DIRECTOR, signInRules, { tenantId: null }).can('unlock', 'User')).toBe(false);
  });
});
