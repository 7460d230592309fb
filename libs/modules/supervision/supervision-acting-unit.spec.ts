import { describe, expect, it } from '@jest/globals';
import { unitScope } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { Role } from '@core/identity';
import { actsForUnit } from './supervision-rules';

const caller = (roles: Role[], memberUnitId: string | null): RequestContext =>
  ({ caller: { roles, memberUnitId } }) as unknown as RequestContext;

// Supervision narrows unit users with the engine's unitScope; the one place it differs is pinned here.
describe('the unit supervision narrows a unit user to (actsForUnit: assessments, actions, notices; proposals and metrics refuse it)', () => {
  it('is unitScope for a caller with a unit', () => {
    for (const c of [
      caller([Role.MEMBER_UNIT], 'u1'),
      caller([Role.VILLAGE_SECRETARY], 'v1'),
      caller([Role.MEMBER_UNIT, Role.VILLAGE_SECRETARY], 'u1'),
      caller([Role.CONVENER, Role.MEMBER_UNIT], 'u1'),
      caller([Role.OFFICE_DIRECTOR], null),
      caller([Role.CHIEF_CONVENER], null),
    ])
      expect(actsForUnit(c)).toBe(unitScope(c));
    expect(actsForUnit(caller([Role.MEMBER_UNIT], 'u1'))).toBe('u1');
    expect(actsForUnit(caller([Role.CONVENER, Role.MEMBER_UNIT], 'u1'))).toBeNull();
  });

  it('differs from unitScope for a unit user without a unit: not narrowed (null), where unitScope matches nothing', () => {
    const lost = caller([Role.MEMBER_UNIT], null);
    expect(actsForUnit(lost)).toBeNull();
    expect(unitScope(lost)).toBe('00000000-0000-0000-0000-000000000000');
  });
});
