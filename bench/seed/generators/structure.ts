import type { Prng } from '../../lib/prng';
import type { Column } from '../loader';
import type { Generator, PlannedTenant, PlannedUnit, SeedContext } from '../province';
import type { PluginTemplate } from '../templates';

const SYLLABLES =
  '安宝长城大东丰福高广和河华吉江金康兰乐利临龙鹿明南宁平清庆山石顺松太桃天田通王文西祥新兴阳永玉云泽正中'.split('');

export const TENANT_COLUMNS: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'code', type: 'text' },
  { name: 'name', type: 'text' },
  { name: 'level', type: 'text' },
  { name: 'parent_id', type: 'uuid' },
  { name: 'path', type: 'text' },
  { name: 'plugin_id', type: 'text' },
  { name: 'plugin_version', type: 'text' },
  { name: 'plugin_config', type: 'jsonb' },
  { name: 'created_at', type: 'timestamptz' },
];

const UNIT_COLUMNS: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'tenant_id', type: 'uuid' },
  { name: 'name', type: 'text' },
  { name: 'kind', type: 'text' },
  { name: 'aliases', type: 'text[]' },
  { name: 'child_tenant_id', type: 'uuid' },
  { name: 'source', type: 'text' },
  { name: 'position', type: 'int' },
  { name: 'created_at', type: 'timestamptz' },
];

function uniqueName(rng: Prng, taken: Set<string>, suffix: string): string {
  for (;;) {
    const name = `${rng.pick(SYLLABLES)}${rng.pick(SYLLABLES)}${suffix}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/** Town plugins weighted roughly as a province would mix them. */
function townPlugin(rng: Prng, towns: PluginTemplate[]): PluginTemplate {
  const weights: Record<string, number> = {
    'shizi-town': 3,
    'xiacang-town': 3,
    'xincheng-street': 2,
    'town-petition-systems': 2,
  };
  const total = towns.reduce((n, t) => n + (weights[t.pluginId] ?? 1), 0);
  let x = rng.next() * total;
  for (const t of towns) {
    x -= weights[t.pluginId] ?? 1;
    if (x < 0) return t;
  }
  return towns[towns.length - 1];
}

export function structureGenerator(templates: PluginTemplate[]): Generator {
  return {
    name: 'structure',
    async run(ctx: SeedContext): Promise<void> {
      const rng = ctx.rng.fork('structure');
      const county = templates.find((t) => t.level === 'COUNTY')!;
      const towns = templates.filter((t) => t.level !== 'COUNTY');
      // Onboarded a year before the as-of day, so cadences and histories cover the year.
      const createdAt = new Date(`${ctx.asOf}T00:00:00+08:00`);
      createdAt.setUTCDate(createdAt.getUTCDate() - 365);
      // The province on its own random stream, so the counties and towns below keep their ids.
      // No seed plugin is a PROVINCE plugin: it carries the county plugin's snapshot and no units.
      const province: PlannedTenant = {
        ...plan(ctx.rng.fork('province'), 'p', '基准省', null, county, createdAt),
        level: 'PROVINCE',
        units: [],
      };
      ctx.province = province;
      const countyNames = new Set<string>();
      for (let c = 1; c <= ctx.scale.counties; c += 1) {
        const code = `c${String(c).padStart(3, '0')}`;
        const tenant = plan(rng, code, uniqueName(rng, countyNames, '县'), province.id, county, createdAt);
        ctx.counties.push(tenant);
        const townNames = new Set<string>();
        for (let t = 1; t <= ctx.scale.townsPerCounty; t += 1) {
          const template = townPlugin(rng, towns);
          const town = plan(
            rng,
            `${code}-t${String(t).padStart(2, '0')}`,
            uniqueName(rng, townNames, template.level === 'STREET' ? '街道' : '镇'),
            tenant.id,
            template,
            createdAt,
          );
          ctx.towns.push(town);
          tenant.units.push({
            id: rng.uuid(),
            tenantId: tenant.id,
            name: town.name,
            kind: 'TOWNSHIP',
            aliases: [],
            source: null,
            position: tenant.units.length,
            childTenantId: town.id,
          });
        }
      }
      ctx.all.push(...ctx.counties, ...ctx.towns);
      // Tenants go in with their triggers on: tenant_place_in_tree computes each path and fills
      // tenant_tree, as onboarding does; parents (counties) first.
      for (const group of [[province], ctx.counties, ctx.towns]) {
        for (const t of group) {
          await ctx.load.add('tenant', TENANT_COLUMNS, {
            id: t.id,
            code: t.code,
            name: t.name,
            level: t.level,
            parent_id: t.parentId,
            path: '(set by trigger)',
            plugin_id: t.template.pluginId,
            plugin_version: t.template.pluginVersion,
            plugin_config: t.template.pluginConfig,
            created_at: t.createdAt,
          });
        }
        await ctx.load.flushTable('tenant');
      }
      await ctx.bulkMode();
      for (const t of ctx.all) {
        for (const u of t.units) {
          await ctx.load.add('member_unit', UNIT_COLUMNS, {
            id: u.id,
            tenant_id: u.tenantId,
            name: u.name,
            kind: u.kind,
            aliases: u.aliases,
            child_tenant_id: u.childTenantId,
            source: u.source,
            position: u.position,
            created_at: t.createdAt,
          });
        }
      }
      await ctx.load.flush();
      ctx.log(
        `structure: province ${province.code}, ${ctx.counties.length} counties, ${ctx.towns.length} towns, ${ctx.all.reduce((n, t) => n + t.units.length, 0)} member units`,
      );
    },
  };
}

function plan(
  rng: Prng,
  code: string,
  name: string,
  parentId: string | null,
  template: PluginTemplate,
  createdAt: Date,
): PlannedTenant {
  const id = rng.uuid();
  const units: PlannedUnit[] = template.units.map((u) => ({
    id: rng.uuid(),
    tenantId: id,
    name: u.name,
    kind: u.kind,
    aliases: u.aliases,
    source: u.source,
    position: u.position,
    childTenantId: null,
  }));
  return { id, code, name, level: template.level, parentId, template, createdAt, units, users: [] };
}
