import { Role } from '@core/identity';
import { abilityOf, canIn } from '@test/support/abilities';
import { officeDocumentsRules } from './office-documents.abilities';

const { PLATFORM_ADMIN, SUPERIOR, CHIEF_CONVENER, CONVENER, OFFICE_DIRECTOR, MEMBER_UNIT, VILLAGE_SECRETARY } = Role;

describe('office-documents abilities, role by role', () => {
  // [role, reads, drafts/issues (own tenant only), may approve work points (own tenant; the service checks the plugin's role), acknowledges briefings]
  const table: [Role, boolean, boolean, boolean, boolean][] = [
    [PLATFORM_ADMIN, false, false, false, false],
    [SUPERIOR, true, false, false, false],
    [CHIEF_CONVENER, true, false, true, false],
    [CONVENER, true, false, true, false],
    [OFFICE_DIRECTOR, true, true, true, false],
    [MEMBER_UNIT, true, false, false, true],
    [VILLAGE_SECRETARY, true, false, false, true],
  ];

  it.each(table)(
    '%s: reads %s, drafts and issues %s, approves %s, acknowledges %s',
    (role, reads, drafts, approves, acknowledges) => {
      const a = abilityOf(role, officeDocumentsRules);
      expect(a.can('read', 'WorkPlan')).toBe(reads);
      expect(a.can('read', 'Briefing')).toBe(reads);
      expect(canIn(a, 'update', 'WorkPlan')).toEqual({ own: drafts, other: false });
      expect(canIn(a, 'update', 'Briefing')).toEqual({ own: drafts, other: false });
      expect(canIn(a, 'approve', 'WorkPlan')).toEqual({ own: approves, other: false });
      expect(canIn(a, 'acknowledge', 'Briefing')).toEqual({ own: acknowledges, other: false });
    },
  );
});
