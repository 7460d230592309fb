import { Role, TREE_READING_ROLES } from '@core/identity';
import { abilityOf } from '@test/support/abilities';
import { supervisionStatusRules } from './supervision-status.abilities';

describe('supervision-status abilities, role by role', () => {
  it.each(Object.values(Role))(
    "%s: reads the superiors' view only when its role reads a subtree; nobody writes it",
    (role) => {
      const a = abilityOf(role, supervisionStatusRules);
      expect(a.can('read', 'SupervisionStatus')).toBe(
        TREE_READING_ROLES.includes(role) && role !== Role.PLATFORM_ADMIN,
      );
      for (const action of ['create', 'update', 'approve'] as const)
        expect(a.can(action, 'SupervisionStatus')).toBe(false);
    },
  );
});
