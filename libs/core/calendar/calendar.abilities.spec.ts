import { Role } from '@core/identity';
import { abilityOf, canIn } from '@test/support/abilities';
import { calendarRules } from './calendar.abilities';

describe('calendar abilities, role by role', () => {
  it.each(Object.values(Role))(
    "%s reads the calendar; only the platform admin loads national years; an office keeps its own tenant's overrides",
    (role) => {
      const a = abilityOf(role, calendarRules);
      expect(a.can('read', 'Calendar')).toBe(true);
      expect(a.can('manage', 'Calendar')).toBe(role === Role.PLATFORM_ADMIN);
      expect(canIn(a, 'update', 'Calendar')).toEqual({
        own: role === Role.OFFICE_DIRECTOR || role === Role.PLATFORM_ADMIN,
        other: role === Role.PLATFORM_ADMIN,
      });
    },
  );
});
