import { subject } from '@casl/ability';
import { Role } from '@engine/context';
import { abilityOf, OTHER, OWN } from '@test/support/abilities';
import { tenancyRules } from './tenancy.abilities';

describe('tenancy abilities, role by role', () => {
  it.each(Object.values(Role))('%s reads tenants and plugins; onboards under its own tenant only as its office, anywhere only as the platform admin', (role) => {
    const a = abilityOf(role, tenancyRules);
    expect(a.can('read', 'Tenant')).toBe(true);
    expect(a.can('read', 'JurisdictionPlugin')).toBe(true);
    expect(a.can('onboard', subject('Tenant', { parentId: OWN }))).toBe(role === Role.OFFICE_DIRECTOR || role === Role.PLATFORM_ADMIN);
    expect(a.can('onboard', subject('Tenant', { parentId: OTHER }))).toBe(role === Role.PLATFORM_ADMIN);
  });
});
