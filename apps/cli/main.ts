import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { pluginJsonSchema } from '@jm/plugin-sdk';
import { loadConfig } from '@engine/config';
import { RequestContext } from '@engine/context';
import { Role } from '@core/identity';
import { exportTenant, importTenant, openDatabase, type TenantExport, Db } from '@engine/database';
import { PLUGINS_DIR, PluginRegistry, REPO_ROOT, importPluginDir, pluginFileOf, scaffoldPlugin } from '@engine/plugins';
import { TenancyService, PluginFormatEnum, PluginStoreService } from '@core/tenancy';
import { User } from '@core/identity/entities';
import { CalendarService } from '@core/calendar';
import { accountCommand, ACCOUNT_COMMANDS, ACCOUNT_USAGE } from './accounts';
import { migrations } from '../../migrations/index';
import { createApp } from '../api/create-app';
import { ALL_RULES, ENTITIES } from '../api/contexts';
import { contextOf, platformCaller } from '../api/platform-caller';
import { schemaSdl } from '../api/schema-sdl';

const USAGE = `usage: npm run cli -- <command>

  migrate                          apply pending migrations to the configured database
  plugin:validate <dir>            validate a plugin directory (or a directory of plugins); exits 1 on problems
  plugin:validate <file.yaml|file.json>
                                   validate-only one rule pack against the deployment's installed and published
                                   plugins (validateJurisdictionPlugin); problems with path, line and column; exits 1
  plugin:publish <file.yaml|file.json> [--as USERNAME]
                                   publish a rule pack as the platform admin account USERNAME (default admin),
                                   shared with every tenant (publishJurisdictionPlugin); exits 1 when refused
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
${ACCOUNT_USAGE}`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** A rule pack file's text and format (by extension: .yaml/.yml or .json). */
function packFile(target: string): { source: string; format: PluginFormatEnum } | null {
  const ext = extname(target).toLowerCase();
  const format =
    ext === '.json' ? PluginFormatEnum.JSON : ext === '.yaml' || ext === '.yml' ? PluginFormatEnum.YAML : null;
  return format ? { source: readFileSync(target, 'utf8'), format } : null;
}

/**
 * Runs `work` as a platform admin account of the configured deployment, through the same services the
 * API uses (so a pack is validated against the installed and the published plugins, and a publication is
 * audited with that account as its publisher).
 */
async function asPlatformAdmin(
  username: string,
  work: (app: Awaited<ReturnType<typeof createApp>>['app'], ctx: RequestContext) => Promise<number>,
): Promise<number> {
  const { app, close } = await createApp({ ...loadConfig(), seedDemo: false, runWorkers: false });
  try {
    const account = await app
      .get(Db)
      .run(RequestContext.platform(), ({ em }) => em.findOne(User, { where: { username, active: true } }));
    if (!account || account.tenantId !== null || !account.roles.includes(Role.PLATFORM_ADMIN)) {
      process.stderr.write(`no active platform admin account "${username}" (--as USERNAME)\n`);
      return 2;
    }
    return await work(app, contextOf(platformCaller(username, account.id), ALL_RULES));
  } finally {
    await close();
  }
}

async function validateFile(file: string, pack: { source: string; format: PluginFormatEnum }): Promise<number> {
  return asPlatformAdmin('admin', async (app, ctx) => {
    const v = await app.get(PluginStoreService).validate(ctx, pack.source, pack.format);
    if (v.valid) {
      process.stdout.write(
        `✓ ${v.id}@${v.version}: valid${v.bases.length ? ` (extends ${v.bases.join(', ')})` : ''}\n`,
      );
      return 0;
    }
    process.stdout.write(`✗ ${v.id ?? file}: ${v.problems.length} problem(s)\n`);
    for (const p of v.problems)
      process.stdout.write(`    ${p.path}${p.line ? ` (line ${p.line}, column ${p.column})` : ''}: ${p.message}\n`);
    return 1;
  });
}

async function publishFile(target: string | undefined, username: string): Promise<number> {
  const pack = target && existsSync(target) && statSync(target).isFile() ? packFile(target) : null;
  if (!pack) {
    process.stderr.write(target && existsSync(target) ? 'a rule pack is a .yaml, .yml or .json file\n' : USAGE);
    return 2;
  }
  return asPlatformAdmin(username, async (app, ctx) => {
    try {
      const started = new Date();
      const p = await app.get(PluginStoreService).publish(ctx, pack.source, pack.format);
      const again = p.publishedAt != null && p.publishedAt < started;
      process.stdout.write(
        `${again ? 'already published with this text' : 'published'}: ${p.id}@${p.version} (sha256 ${p.contentHash}), shared with every tenant${again ? '' : `, by ${username}`}\n`,
      );
      return 0;
    } catch (err) {
      const ext = (
        err as { extensions?: { code?: string; reason?: string; problems?: { field: string; message: string }[] } }
      ).extensions;
      if (!ext?.code) throw err;
      process.stderr.write(`refused (${ext.code}${ext.reason ? `, ${ext.reason}` : ''}): ${(err as Error).message}\n`);
      for (const p of ext.problems ?? []) process.stderr.write(`    ${p.message}\n`);
      return 1;
    }
  });
}

async function validate(target: string | undefined): Promise<number> {
  if (!target) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (existsSync(target) && statSync(target).isFile()) {
    const pack = packFile(target);
    if (!pack) {
      process.stderr.write('a rule pack is a .yaml, .yml or .json file (or give a plugin directory)\n');
      return 2;
    }
    return validateFile(target, pack);
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
  const registry = await PluginRegistry.load([
    ...installed,
    ...targets.map((d) => ({ dir: d, load: () => importPluginDir(d) })),
  ]);
  let failed = 0;
  for (const entry of registry.all().filter((e) => e.dir && targets.includes(e.dir))) {
    if (entry.available) {
      process.stdout.write(`✓ ${entry.id}@${entry.version}: valid\n`);
    } else {
      failed += 1;
      process.stdout.write(`✗ ${entry.id}: ${entry.problems.length} problem(s)\n`);
      for (const p of entry.problems)
        process.stdout.write(
          `    ${p.pluginId} ${p.path}${p.line ? ` (line ${p.line}, column ${p.column})` : ''}: ${p.message}\n`,
        );
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
      process.stdout.write(
        `database (${db.mode}) is migrated: ${(applied as { name: string }[]).map((m) => m.name).join(', ')}\n`,
      );
      await db.close();
      return 0;
    }
    case 'plugin:validate':
      return validate(args[0]);
    case 'plugin:publish':
      return publishFile(args[0], flag(args, 'as') ?? 'admin');
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
      writeFileSync(
        out,
        scaffoldPlugin(
          id,
          base.effective,
          relative(dirname(out), join(REPO_ROOT, 'libs', 'plugin-sdk', 'plugin.schema.json')),
        ),
      );
      process.stdout.write(
        `${out} written: a plugin extending ${baseId}@${base.version}; write what differs, then validate it\n`,
      );
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
        const tenant = await app.get(TenancyService).onboard(contextOf(platformCaller('cli'), ALL_RULES), {
          code,
          name,
          pluginId,
          parentCode: flag(args, 'parent'),
        });
        process.stdout.write(
          `onboarded ${tenant.code} (${tenant.name}) on ${tenant.pluginId}@${tenant.pluginVersion}\n`,
        );
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
        process.stdout.write(
          `exported ${args[0]}: ${rows} rows in ${Object.keys(data.tables).length} tables to ${out}\n`,
        );
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
        const year = await app.get(CalendarService).loadYear(contextOf(platformCaller('cli'), ALL_RULES), input);
        process.stdout.write(
          `calendar year ${year.year} loaded: ${year.holidays.length} holidays, ${year.workdays.length} make-up working days (${year.source})\n`,
        );
      } catch (err) {
        const problems = (err as { extensions?: { problems?: { field: string; message: string }[] } }).extensions
          ?.problems;
        if (!problems) throw err;
        for (const p of problems) process.stderr.write(`${p.field}: ${p.message}\n`);
        return 1;
      } finally {
        await close();
      }
      return 0;
    }
    case 'schema:write': {
      const { app, close } = await createApp(
        { ...loadConfig({ ...process.env, DATABASE_URL: '', SEED_DEMO: 'false', LOG_LEVEL: 'error' }) },
        { inMemory: true },
      );
      writeFileSync(join(REPO_ROOT, 'schema.graphql'), schemaSdl(app));
      await close();
      writeFileSync(
        join(REPO_ROOT, 'libs', 'plugin-sdk', 'plugin.schema.json'),
        `${JSON.stringify(pluginJsonSchema(), null, 2)}\n`,
      );
      process.stdout.write('schema.graphql and libs/plugin-sdk/plugin.schema.json written\n');
      return 0;
    }
    default:
      if (command && ACCOUNT_COMMANDS.includes(command)) return accountCommand(command, args, USAGE);
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
