import { Role } from '@core/identity';
import { abilityOf, canIn } from '@test/support/abilities';
import { supervisionRules } from './supervision.abilities';

const { PLATFORM_ADMIN, SUPERIOR, CHIEF_CONVENER, CONVENER, OFFICE_DIRECTOR, MEMBER_UNIT, VILLAGE_SECRETARY } = Role;
const TENANT_ROLES = [SUPERIOR, CHIEF_CONVENER, CONVENER, OFFICE_DIRECTOR, MEMBER_UNIT, VILLAGE_SECRETARY];

describe('supervision abilities, role by role', () => {
  it.each(TENANT_ROLES)('%s reads notices, actions and assessments in the tree (the services narrow)', (role) => {
    const a = abilityOf(role, supervisionRules);
    for (const type of ['SupervisionNotice', 'SupervisionAction', 'Assessment'] as const)
      expect(canIn(a, 'read', type)).toEqual({ own: true, other: true });
  });

  // [role, publishes notices / flags / assessments, reminds and lists (any action), opens interviews, decides (approve action), records assessment results, reads flags, reads outbox, acknowledges and reports]
  const table: [Role, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean][] = [
    [SUPERIOR, false, false, false, false, false, true, false, false],
    [CHIEF_CONVENER, false, false, true, true, true, true, false, true],
    [CONVENER, false, false, true, true, true, true, false, true],
    [OFFICE_DIRECTOR, true, true, true, false, true, true, true, true],
    [MEMBER_UNIT, false, false, false, false, false, false, false, true],
    [VILLAGE_SECRETARY, false, false, false, false, false, false, false, true],
  ];

  it.each(table)(
    '%s: publish %s, remind %s, interview %s, decide %s, assess %s, flags %s, outbox %s, acknowledge %s',
    (role, publish, remind, interview, decide, assess, flags, outbox, acknowledge) => {
      const a = abilityOf(role, supervisionRules);
      for (const type of ['SupervisionNotice', 'SupervisionFlag', 'Assessment'] as const)
        expect(canIn(a, 'create', type)).toEqual({ own: publish, other: false });
      expect(canIn(a, 'create', 'SupervisionAction', { kind: 'REMINDER' })).toEqual({ own: remind, other: false });
      expect(canIn(a, 'update', 'SupervisionAction')).toEqual({ own: remind, other: false });
      expect(canIn(a, 'create', 'SupervisionAction', { kind: 'INTERVIEW' })).toEqual({ own: interview, other: false });
      expect(canIn(a, 'approve', 'SupervisionAction')).toEqual({ own: decide, other: false });
      expect(canIn(a, 'approve', 'Assessment')).toEqual({ own: assess, other: false });
      expect(canIn(a, 'read', 'SupervisionFlag')).toEqual({ own: flags, other: flags });
      expect(canIn(a, 'read', 'OutboxMessage')).toEqual({ own: outbox, other: false });
      expect(canIn(a, 'acknowledge', 'SupervisionNotice')).toEqual({ own: acknowledge, other: acknowledge });
      expect(canIn(a, 'report', 'SupervisionAction')).toEqual({ own: acknowledge, other: acknowledge });
    },
  );

  it('the platform admin reads and does nothing in supervision', () => {
    const a = abilityOf(PLATFORM_ADMIN, supervisionRules);
    for (const type of [
      'SupervisionNotice',
      'SupervisionAction',
      'SupervisionFlag',
      'Assessment',
      'OutboxMessage',
    ] as const)
      for (const action of ['read', 'create', 'update', 'approve', 'acknowledge', 'report'] as const)
        expect(a.can(action, type)).toBe(false);
  });
});
