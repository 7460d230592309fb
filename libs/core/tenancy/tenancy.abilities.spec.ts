import { subject } from '@casl/ability';
import { Role } from '@core/identity/entities';
import { abilityOf, OTHER, OWN } from '@test/support/abilities';
import { tenancyRules } from './tenancy.abilities';

describe('tenancy abilities, role by role', () => {
  it.each(Object.values(Role))(
    '%s reads tenants and plugins; onboards under its own tenant only as its office, anywhere only as the platform admin',
    (role) => {
      const a = abilityOf(role, tenancyRules);
      expect(a.can('read', 'Tenant')).toBe(true);
      expect(a.can('read', 'JurisdictionPlugin')).toBe(true);
      expect(a.can('onboard', subject('Tenant', { parentId: OWN }))).toBe(
        role === Role.OFFICE_DIRECTOR || role === Role.PLATFORM_ADMIN,
      );
      expect(a.can('onboard', subject('Tenant', { parentId: OTHER }))).toBe(role === Role.PLATFORM_ADMIN);
    },
  );
});

describe('rules changes (issue 17): consistent with publish rights', () => {
  it.each(Object.values(Role))(
    "%s: changes a child tenant's rules only as its parent's office, any as the platform admin; decides them as the parent's office",
    (role) => {
      const a = abilityOf(role, tenancyRules);
      const child = subject('TenantRules', { tenantId: OTHER, parentId: OWN });
      const elsewhere = subject('TenantRules', { tenantId: OTHER, parentId: OTHER });
      expect(a.can('update', child)).toBe(role === Role.OFFICE_DIRECTOR || role === Role.PLATFORM_ADMIN);
      expect(a.can('update', elsewhere)).toBe(role === Role.PLATFORM_ADMIN);
      expect(a.can('approve', subject('TenantRulesChange', { tenantId: OTHER, parentId: OWN }))).toBe(
        role === Role.OFFICE_DIRECTOR,
      );
      expect(a.can('approve', subject('TenantRulesChange', { tenantId: OTHER, parentId: null }))).toBe(
        role === Role.PLATFORM_ADMIN,
      );
      expect(a.can('approve', subject('TenantRulesChange', { tenantId: OWN, parentId: OTHER }))).toBe(false);
      const ownRecord = [
        Role.OFFICE_DIRECTOR,
        Role.CHIEF_CONVENER,
        Role.CONVENER,
        Role.SUPERIOR,
        Role.PLATFORM_ADMIN,
      ].includes(role);
      expect(a.can('read', subject('TenantRulesChange', { tenantId: OWN, parentId: OTHER }))).toBe(ownRecord);
      expect(a.can('read', subject('TenantRulesChange', { tenantId: OTHER, parentId: OTHER }))).toBe(
        role === Role.PLATFORM_ADMIN,
      );
    },
  );
});
