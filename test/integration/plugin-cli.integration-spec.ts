import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `plugin:validate` end to end: the compiled CLI as a child process. Installed plugins load from their
 * dist/ twins; directories outside the build (the fixtures) are compiled on the fly with SWC.
 */
const ROOT = process.cwd();
const CLI = join(ROOT, 'dist', 'apps', 'cli', 'main.js');

function validate(target: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'plugin:validate', target], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'pipe' });
});

describe('cli plugin:validate', () => {
  it('accepts an installed seed plugin: exit 0 and one ✓ line with its id and version', () => {
    const r = validate('plugins/shizi-town');
    expect(r.stdout).toBe('✓ shizi-town@1.0.0: valid\n');
    expect(r.status).toBe(0);
  });

  it('accepts a plugin outside the build that extends a seed (compiled on the fly): exit 0', () => {
    const r = validate('test/fixtures/plugins/extends-base/ext-town');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('✓ ext-town@2.1.0: valid\n');
    expect(r.status).toBe(0);
  });

  it('rejects an extends cycle: exit 1, naming the plugin, the path extends.0 and the cycle', () => {
    const r = validate('test/fixtures/plugins/broken');
    expect(r.stdout).toContain('✗ cycle-a: 1 problem(s)\n    cycle-a extends.0: cycle: cycle-a → cycle-b → cycle-a\n');
    expect(r.stdout).toContain('✗ cycle-b: 1 problem(s)\n    cycle-b extends.0: cycle: cycle-a → cycle-b → cycle-a\n');
    expect(r.status).toBe(1);
  });

  it('validating a directory of plugins reports each broken one with its problem and none as valid', () => {
    const r = validate('test/fixtures/plugins/broken');
    expect(r.stdout).not.toContain('✓');
    expect(r.stdout.match(/^✗ [a-z-]+/gm)).toEqual([
      '✗ broken-bad-field',
      '✗ broken-incompatible',
      '✗ broken-unknown-extends',
      '✗ broken-version-mismatch',
      '✗ cycle-a',
      '✗ cycle-b',
      '✗ extends-broken',
    ]);
    expect(r.stdout).toContain('    broken-bad-field meetingTypes.0.cadence.rrule: must be an RFC 5545 RRULE');
    expect(r.stdout).toContain(
      '    broken-incompatible sdk: requires plugin SDK ^2.0.0, but this platform provides 1.0.0\n',
    );
    expect(r.stdout).toContain('    broken-version-mismatch version: declares 1.2.0 but package.json has 1.0.0\n');
    expect(r.stdout).toContain('    extends-broken extends.0: base plugin "broken-bad-field" is unavailable\n');
  });

  it('validating cycle-a alone loads only it and the installed plugins, so its base cycle-b is unknown: exit 1', () => {
    const r = validate('test/fixtures/plugins/broken/cycle-a');
    expect(r.stdout).toBe('✗ cycle-a: 1 problem(s)\n    cycle-a extends.0: unknown plugin "cycle-b"\n');
    expect(r.status).toBe(1);
  });

  it('exits 2 on a directory that does not exist', () => {
    const r = validate('test/fixtures/plugins/no-such-dir');
    expect(r.stderr).toBe(`no such directory: ${join(ROOT, 'test/fixtures/plugins/no-such-dir')}\n`);
    expect(r.status).toBe(2);
  });

  it('accepts a plugin outside the build split over several files (relative imports): exit 0', () => {
    const r = validate('test/fixtures/plugins/multi-file/split-town');
    expect(r.stdout).toBe('✓ split-town@1.0.0: valid\n');
    expect(r.status).toBe(0);
  });
});

/**
 * `plugin:validate <file>` and `plugin:publish <file>` (issue 17 item 3, operators): the same services as
 * the API (validateJurisdictionPlugin, publishJurisdictionPlugin) on the configured deployment — here a
 * fresh embedded database of its own.
 */
describe('cli plugin:validate <file> and plugin:publish <file>', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jm-plugin-cli-'));
  const HEXI = join(ROOT, 'test', 'fixtures', 'plugins', 'hexi-town.yaml');
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        REDIS_URL: '',
        LOG_LEVEL: 'error',
        SEED_DEMO: 'false',
        BOOTSTRAP_ADMIN_PASSWORD: 'cli-admin-password-1',
      },
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('validates the sixth jurisdiction from its YAML file against the installed plugins: exit 0, writes nothing', () => {
    const r = run('plugin:validate', HEXI);
    expect(r.stdout).toContain('✓ hexi-town@1.0.0: valid (extends town-petition-systems@1.0.0)\n');
    expect(r.status).toBe(0);
  });

  it('refuses a file with an unknown field, naming path, line and column: exit 1', () => {
    const bad = join(dataDir, 'bad.yaml');
    writeFileSync(bad, readFileSync(HEXI, 'utf8').replace('tenantName: 河西镇', 'tenantName: 河西镇\ncolour: red'));
    const r = run('plugin:validate', bad);
    expect(r.stdout).toContain(
      '✗ hexi-town: 1 problem(s)\n    (root) (line 8, column 1): Unrecognized key: "colour"\n',
    );
    expect(r.status).toBe(1);
  });

  it("refuses a pack file over 256 KiB by the reader's limit (the API never sees one: its body limit is the same size): exit 1", () => {
    const huge = join(dataDir, 'huge.yaml');
    writeFileSync(huge, `${readFileSync(HEXI, 'utf8')}\n# ${'x'.repeat(300 * 1024)}\n`);
    const r = run('plugin:validate', huge);
    expect(r.stdout).toMatch(/^ {4}\(source\): .*bytes; a plugin may have at most 262144/m);
    expect(r.status).toBe(1);
  });

  it('publishes as the platform admin (shared); the same text again is the same version; other text under it is refused: exit 1', () => {
    const first = run('plugin:publish', HEXI);
    expect(first.stdout).toMatch(
      /published: hexi-town@1\.0\.0 \(sha256 [0-9a-f]{64}\), shared with every tenant, by admin\n/,
    );
    expect(first.status).toBe(0);
    expect(run('plugin:publish', HEXI).stdout).toContain('already published with this text: hexi-town@1.0.0');
    const changed = join(dataDir, 'changed.yaml');
    writeFileSync(changed, readFileSync(HEXI, 'utf8').replace('FREQ=MONTHLY, minimum', 'FREQ=WEEKLY, minimum'));
    const refused = run('plugin:publish', changed);
    expect(refused.stderr).toContain(
      'refused (CONFLICT, PLUGIN_VERSION_EXISTS): hexi-town@1.0.0 is already published with other content',
    );
    expect(refused.status).toBe(1);
    const nobody = run('plugin:publish', changed, '--as', 'nobody');
    expect(nobody.stderr).toContain('no active platform admin account "nobody"');
    expect(nobody.status).toBe(2);
  });
});
