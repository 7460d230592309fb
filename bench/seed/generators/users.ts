import type { Column } from '../loader';
import type { Generator, PlannedUser, SeedContext } from '../province';

const USER_COLUMNS: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'tenant_id', type: 'uuid' },
  { name: 'username', type: 'text' },
  { name: 'display_name', type: 'text' },
  { name: 'roles', type: 'text[]' },
  { name: 'member_unit_id', type: 'uuid' },
  { name: 'created_at', type: 'timestamptz' },
];
const CREDENTIAL_COLUMNS: Column[] = [
  { name: 'user_id', type: 'uuid' },
  { name: 'tenant_id', type: 'uuid' },
  { name: 'password_hash', type: 'text' },
];

/** The password of every generated user (one argon2id hash, computed once and reused). */
export const BENCH_PASSWORD = 'bench-password';

/**
 * Users per role in every tenant: `office` (OFFICE_DIRECTOR), `convener`, `chief` where the plugin
 * has a chief convener, `superior` in counties, and `unit-NN` for each member unit (MEMBER_UNIT, or
 * VILLAGE_SECRETARY for villages and communities), NN being the unit's position.
 */
export const usersGenerator: Generator = {
  name: 'users',
  async run(ctx: SeedContext): Promise<void> {
    const rng = ctx.rng.fork('users');
    let count = 0;
    // The province's readers first, on their own random stream (the other users keep their ids): its
    // office and a SUPERIOR, both reading the whole province.
    if (ctx.province) {
      const p = ctx.province;
      const prng = ctx.rng.fork('province-users');
      p.office = {
        id: prng.uuid(),
        tenantId: p.id,
        username: 'office',
        roles: ['OFFICE_DIRECTOR'],
        memberUnitId: null,
      };
      p.users.push(p.office, {
        id: prng.uuid(),
        tenantId: p.id,
        username: 'superior',
        roles: ['SUPERIOR'],
        memberUnitId: null,
      });
    }
    for (const t of [...(ctx.province ? [ctx.province] : []), ...ctx.all]) {
      if (t === ctx.province) {
        for (const u of t.users) {
          await ctx.load.add('app_user', USER_COLUMNS, {
            id: u.id,
            tenant_id: t.id,
            username: u.username,
            display_name: `${t.name} ${u.username}`,
            roles: u.roles,
            member_unit_id: u.memberUnitId,
            created_at: t.createdAt,
          });
          await ctx.load.add('user_credential', CREDENTIAL_COLUMNS, {
            user_id: u.id,
            tenant_id: t.id,
            password_hash: ctx.passwordHash,
          });
          count += 1;
        }
        continue;
      }
      const add = (username: string, roles: string[], memberUnitId: string | null): PlannedUser => {
        const user = { id: rng.uuid(), tenantId: t.id, username, roles, memberUnitId };
        t.users.push(user);
        return user;
      };
      t.office = add('office', ['OFFICE_DIRECTOR'], null);
      t.convener = add('convener', ['CONVENER'], null);
      if (t.template.hasChiefConvener) add('chief', ['CHIEF_CONVENER'], null);
      if (t.level === 'COUNTY') add('superior', ['SUPERIOR'], null);
      t.unitUser = new Map();
      for (const u of t.units) {
        const role = u.kind === 'VILLAGE' || u.kind === 'COMMUNITY' ? 'VILLAGE_SECRETARY' : 'MEMBER_UNIT';
        t.unitUser.set(u.id, add(`unit-${String(u.position).padStart(2, '0')}`, [role], u.id));
      }
      for (const u of t.users) {
        await ctx.load.add('app_user', USER_COLUMNS, {
          id: u.id,
          tenant_id: t.id,
          username: u.username,
          display_name: `${t.name} ${u.username}`,
          roles: u.roles,
          member_unit_id: u.memberUnitId,
          created_at: t.createdAt,
        });
        await ctx.load.add('user_credential', CREDENTIAL_COLUMNS, {
          user_id: u.id,
          tenant_id: t.id,
          password_hash: ctx.passwordHash,
        });
        count += 1;
      }
    }
    await ctx.load.flush();
    ctx.log(`users: ${count}`);
  },
};
