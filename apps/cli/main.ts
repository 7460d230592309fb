import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pluginJsonSchema } from '@jm/plugin-sdk';
import { loadConfig } from '@engine/config';
import { RequestContext, Role, type Caller } from '@engine/context';
import { exportTenant, importTenant, openDatabase, type TenantExport } from '@engine/database';
import { PLUGINS_DIR, PluginRegistry, REPO_ROOT, importPluginDir, pluginFileOf, scaffoldPlugin } from '@engine/plugins';
import { createAbility } from '@engine/access';
import { TenancyService } from '@modules/tenancy';
import { CalendarService } from '@modules/calendar';
import { migrations } from '../../migrations/index';
import { ALL_RULES } from '../api/access-rules';
import { createApp } from '../api/create-app';
import { ENTITIES } from '../api/entities';
import { schemaSdl } from '../api/schema-sdl';

const USAGE = `usage: npm run cli -- <command>

  migrate                          apply pending migrations to the configured database
  plugin:validate <dir>            validate a plugin directory (or a directory of plugins); exits 1 on problems
  tenant:onboard --code C --name N --plugin P [--parent CODE]
                                   onboard a tenant from a plugin, as the platform
  tenant:export <code> [--out file.json]
                                   write a tenant's whole data set to a file (default <code>.tenant.json)
  tenant:import <file.json>        restore an export into this deployment (ids and audit chain kept)
  calendar:load-year <file.json>   load a year's national holiday arrangement as data:
                                   { "year": 2027, "holidays": [...], "workdays": [...], "source": "..." }
  plugin:new --id X --extends BASE [--out file.yaml]
                                   scaffold a YAML plugin extending BASE with only its identity (write the differences)
  schema:write                     regenerate schema.graphql and libs/plugin-sdk/plugin.schema.json from the code
`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function validate(target: string | undefined): Promise<number> {
  if (!target) {
    process.stderr.write(USAGE);
    return 2;
  }
  const dir = resolve(target);
  if (!existsSync(dir)) {
    process.stderr.write(`no such directory: ${dir}\n`);
    return 2;
  }
  const single = existsSync(join(dir, 'package.json')) || pluginFileOf(dir) !== null;
  const targets = single ? [dir] : PluginRegistry.discover(dir, importPluginDir).map((s) => s.dir!);
  // The installed plugins are loaded too, so `extends` resolves against them.
  const installed = PluginRegistry.discover(PLUGINS_DIR, importPluginDir).filter((s) => !targets.includes(s.dir!));
  const registry = await PluginRegistry.load([...installed, ...targets.map((d) => ({ dir: d, load: () => importPluginDir(d) }))]);
  let failed = 0;
  for (const entry of registry.all().filter((e) => e.dir && targets.includes(e.dir))) {
    if (entry.available) {
      process.stdout.write(`✓ ${entry.id}@${entry.version}: valid\n`);
    } else {
      failed += 1;
      process.stdout.write(`✗ ${entry.id}: ${entry.problems.length} problem(s)\n`);
      for (const p of entry.problems) process.stdout.write(`    ${p.pluginId} ${p.path}${p.line ? ` (line ${p.line}, column ${p.column})` : ''}: ${p.message}\n`);
    }
  }
  if (!registry.all().some((e) => e.dir && targets.includes(e.dir))) {
    process.stdout.write(`no plugin found in ${dir}\n`);
    return 1;
  }
  return failed ? 1 : 0;
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  switch (command) {
    case 'migrate': {
      const config = loadConfig();
      const db = await openDatabase(config, { entities: ENTITIES, migrations });
      const applied = await db.dataSource.query(`SELECT name FROM migrations ORDER BY id`);
      process.stdout.write(`database (${db.mode}) is migrated: ${(applied as { name: string }[]).map((m) => m.name).join(', ')}\n`);
      await db.close();
      return 0;
    }
    case 'plugin:validate':
      return validate(args[0]);
    case 'plugin:new': {
      const id = flag(args, 'id');
      const baseId = flag(args, 'extends');
      if (!id || !baseId || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id)) {
        process.stderr.write(USAGE);
        return 2;
      }
      const registry = await PluginRegistry.load(PluginRegistry.discover(PLUGINS_DIR, importPluginDir));
      const base = registry.get(baseId);
      if (!base?.effective) {
        process.stderr.write(`no installed plugin "${baseId}" to extend\n`);
        return 1;
      }
      const out = resolve(flag(args, 'out') ?? `${id}.yaml`);
      if (existsSync(out)) {
        process.stderr.write(`${out} exists: not overwritten\n`);
        return 1;
      }
      writeFileSync(out, scaffoldPlugin(id, base.effective, relative(dirname(out), join(REPO_ROOT, 'libs', 'plugin-sdk', 'plugin.schema.json'))));
      process.stdout.write(`${out} written: a plugin extending ${baseId}@${base.version}; write what differs, then validate it\n`);
      return 0;
    }
    case 'tenant:onboard': {
      const code = flag(args, 'code');
      const name = flag(args, 'name');
      const pluginId = flag(args, 'plugin');
      if (!code || !name || !pluginId) {
        process.stderr.write(USAGE);
        return 2;
      }
      const { app, close } = await createApp({ ...loadConfig(), seedDemo: false, runWorkers: false });
      try {
        const caller: Caller = { userId: '00000000-0000-4000-8000-000000000000', username: 'cli', tenantId: null, roles: [Role.PLATFORM_ADMIN], memberUnitId: null };
        const tenant = await app.get(TenancyService).onboard(RequestContext.forCaller(caller, createAbility(caller, ALL_RULES)), { code, name, pluginId, parentCode: flag(args, 'parent') });
        process.stdout.write(`onboarded ${tenant.code} (${tenant.name}) on ${tenant.pluginId}@${tenant.pluginVersion}\n`);
      } finally {
        await close();
      }
      return 0;
    }
    case 'tenant:export': {
      if (!args[0]) {
        process.stderr.write(USAGE);
        return 2;
      }
      const db = await openDatabase(loadConfig(), { entities: ENTITIES, migrations });
      try {
        const data = await exportTenant(db.dataSource, args[0]);
        const out = flag(args, 'out') ?? `${args[0]}.tenant.json`;
        writeFileSync(out, JSON.stringify(data));
        const rows = Object.values(data.tables).reduce((n, t) => n + t.length, 0);
        process.stdout.write(`exported ${args[0]}: ${rows} rows in ${Object.keys(data.tables).length} tables to ${out}\n`);
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'tenant:import': {
      if (!args[0] || !existsSync(args[0])) {
        process.stderr.write(USAGE);
        return 2;
      }
      const db = await openDatabase(loadConfig(), { entities: ENTITIES, migrations });
      try {
        const result = await importTenant(db.dataSource, JSON.parse(readFileSync(args[0], 'utf8')) as TenantExport);
        process.stdout.write(`imported ${result.code}: ${result.rows} rows\n`);
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'calendar:load-year': {
      if (!args[0] || !existsSync(args[0])) {
        process.stderr.write(USAGE);
        return 2;
      }
      const input = JSON.parse(readFileSync(args[0], 'utf8')) as Parameters<CalendarService['loadYear']>[1];
      const { app, close } = await createApp({ ...loadConfig(), seedDemo: false, runWorkers: false });
      try {
        const caller: Caller = { userId: '00000000-0000-4000-8000-000000000000', username: 'cli', tenantId: null, roles: [Role.PLATFORM_ADMIN], memberUnitId: null };
        const year = await app.get(CalendarService).loadYear(RequestContext.forCaller(caller, createAbility(caller, ALL_RULES)), input);
        process.stdout.write(`calendar year ${year.year} loaded: ${year.holidays.length} holidays, ${year.workdays.length} make-up working days (${year.source})\n`);
      } catch (err) {
        const problems = (err as { extensions?: { problems?: { field: string; message: string }[] } }).extensions?.problems;
        if (!problems) throw err;
        for (const p of problems) process.stderr.write(`${p.field}: ${p.message}\n`);
        return 1;
      } finally {
        await close();
      }
      return 0;
    }
    case 'schema:write': {
      const { app, close } = await createApp({ ...loadConfig({ ...process.env, DATABASE_URL: '', SEED_DEMO: 'false', LOG_LEVEL: 'error' }) }, { inMemory: true });
      writeFileSync(join(REPO_ROOT, 'schema.graphql'), schemaSdl(app));
      await close();
      writeFileSync(join(REPO_ROOT, 'libs', 'plugin-sdk', 'plugin.schema.json'), `${JSON.stringify(pluginJsonSchema(), null, 2)}\n`);
      process.stdout.write('schema.graphql and libs/plugin-sdk/plugin.schema.json written\n');
      return 0;
    }
    default:
      process.stderr.write(USAGE);
      return command ? 2 : 0;
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
