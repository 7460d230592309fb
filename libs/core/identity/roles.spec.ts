import { describe, expect, it } from '@jest/globals';
import { holdersOf, memberUnitOf, satisfies, unitScope } from '@engine/access';
import { RequestContext, readsTree, roleKnowledge } from '@engine/context';
import { Role, UNIT_ROLES } from './roles';

const caller = (roles: Role[], memberUnitId: string | null = null): RequestContext =>
  ({ caller: { roles, memberUnitId } }) as unknown as RequestContext;

describe('the roles identity registers with the engine', () => {
  it('a chief convener holds the convener role; no other role holds another', () => {
    expect(holdersOf(Role.CONVENER)).toEqual([Role.CONVENER, Role.CHIEF_CONVENER]);
    expect(holdersOf(Role.CHIEF_CONVENER)).toEqual([Role.CHIEF_CONVENER]);
    expect(holdersOf(Role.OFFICE_DIRECTOR)).toEqual([Role.OFFICE_DIRECTOR]);
    expect(satisfies([Role.CHIEF_CONVENER], Role.CONVENER)).toBe(true);
    expect(satisfies([Role.CONVENER], Role.CHIEF_CONVENER)).toBe(false);
  });

  it('the superior, the conveners and the office read the tenant tree; unit roles and the platform do not', () => {
    for (const r of [Role.SUPERIOR, Role.CHIEF_CONVENER, Role.CONVENER, Role.OFFICE_DIRECTOR])
      expect([r, readsTree([r])]).toEqual([r, true]);
    for (const r of [Role.MEMBER_UNIT, Role.VILLAGE_SECRETARY, Role.PLATFORM_ADMIN])
      expect([r, readsTree([r])]).toEqual([r, false]);
  });

  it('member-unit and village-secretary accounts are bound to their unit', () => {
    expect(unitScope(caller([Role.VILLAGE_SECRETARY], 'v1'))).toBe('v1');
    expect(unitScope(caller([Role.MEMBER_UNIT, Role.VILLAGE_SECRETARY], 'u1'))).toBe('u1');
    expect(unitScope(caller([Role.CONVENER, Role.MEMBER_UNIT], 'u1'))).toBeNull();
  });

  it('UNIT_ROLES is the one list of unit roles; the no-unit case: files for nobody, sees nothing', () => {
    expect(roleKnowledge().unitBound).toBe(UNIT_ROLES);
    expect(UNIT_ROLES).toEqual([Role.MEMBER_UNIT, Role.VILLAGE_SECRETARY]);
    expect(memberUnitOf(caller([Role.MEMBER_UNIT], null))).toBeNull();
    expect(memberUnitOf(caller([Role.CONVENER, Role.MEMBER_UNIT], 'u1'))).toBe('u1');
    expect(unitScope(caller([Role.VILLAGE_SECRETARY], null))).toBe('00000000-0000-0000-0000-000000000000');
  });
});
