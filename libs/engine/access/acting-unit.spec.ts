import { beforeAll, describe, expect, it } from '@jest/globals';
import { registerRoles, type RequestContext, type RoleName } from '@engine/context';
import { memberUnitOf, unitScope } from './acting-unit';

// The engine names no role: this test registers, as the identity context does at import time, the roles it
// uses (libs/core/identity/roles.ts; its own spec checks what identity registers).
const role = (name: string): RoleName => name as RoleName;
const Role = {
  MEMBER_UNIT: role('MEMBER_UNIT'),
  VILLAGE_SECRETARY: role('VILLAGE_SECRETARY'),
  OFFICE_DIRECTOR: role('OFFICE_DIRECTOR'),
};
beforeAll(() => registerRoles({ unitBound: [Role.MEMBER_UNIT, Role.VILLAGE_SECRETARY] }));

const caller = (roles: RoleName[], memberUnitId: string | null): RequestContext =>
  ({ caller: { roles, memberUnitId } }) as unknown as RequestContext;

describe('the unit a caller acts for', () => {
  it('memberUnitOf: the unit of a caller holding a member-unit role, whatever else it holds', () => {
    expect(memberUnitOf(caller([Role.MEMBER_UNIT], 'u1'))).toBe('u1');
    expect(memberUnitOf(caller([Role.VILLAGE_SECRETARY], 'v1'))).toBe('v1');
    expect(memberUnitOf(caller([Role.OFFICE_DIRECTOR, Role.MEMBER_UNIT], 'u1'))).toBe('u1');
    expect(memberUnitOf(caller([Role.OFFICE_DIRECTOR], 'u1'))).toBeNull();
    expect(memberUnitOf(caller([Role.MEMBER_UNIT], null))).toBeNull();
  });

  it('unitScope: only a caller with nothing but unit roles is narrowed, and one without a unit sees nothing', () => {
    expect(unitScope(caller([Role.MEMBER_UNIT], 'u1'))).toBe('u1');
    expect(unitScope(caller([Role.OFFICE_DIRECTOR, Role.MEMBER_UNIT], 'u1'))).toBeNull();
    expect(unitScope(caller([Role.MEMBER_UNIT], null))).toBe('00000000-0000-0000-0000-000000000000');
  });
});
