import { loadConfig } from '@engine/config';
import { RequestContext } from '@engine/context';
import { AppError } from '@engine/errors';
import { AccountAdminService, type User } from '@core/identity';
import { ALL_RULES } from '../api/contexts';
import { contextOf } from '../api/platform-caller';
import { createApp } from '../api/create-app';

/**
 * Account commands for an operator (issue 12 item 1, "in the CLI where an operator needs it"). They
 * call the same services as the GraphQL mutations, in the name of a real account (`--as`, by default the
 * platform admin `admin`): the grant matrix, the filing (备案) and the report to the conveners apply as
 * they do in the console — the CLI grants nothing its account could not. A reset of a tenant account
 * therefore names an administrator of that tenant (`--as <tenant>/<username>`): the platform admin
 * resets no tenant account (it would hold the account's access).
 */
export const ACCOUNT_USAGE = `  user:list <tenant> [--search S] [--role ROLE] [--active true|false] [--as WHO]
                                   list a tenant's users (roles, unit, active, last sign-in)
  user:deactivate <tenant>/<username> --reason R [--as WHO]
  user:reactivate <tenant>/<username> --reason R [--as WHO]
                                   deactivate (takes effect on the next request) or reactivate an account
  user:reset-password <tenant>/<username> --reason R --as <tenant>/<username>
                                   issue a one-time temporary password (shown once; must be changed at sign-in)
                                   WHO: <tenant>/<username>, or <username> for a platform account (default: admin)
`;

export const ACCOUNT_COMMANDS = ['user:list', 'user:deactivate', 'user:reactivate', 'user:reset-password'];

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** `tenant/username`, or a bare `username` for a platform account. */
function parseRef(ref: string): { tenantCode: string | null; username: string } {
  const slash = ref.indexOf('/');
  return slash < 0
    ? { tenantCode: null, username: ref }
    : { tenantCode: ref.slice(0, slash), username: ref.slice(slash + 1) };
}

const line = (u: User): string =>
  [
    u.username,
    u.displayName,
    u.roles.join(','),
    u.memberUnitId ?? '-',
    u.active ? 'active' : 'inactive',
    u.lastSignInAt ? new Date(u.lastSignInAt).toISOString() : 'never',
    u.id,
  ].join('\t');

type Opened = { app: { get<T>(type: abstract new (...a: never[]) => T): T }; close: () => Promise<void> };
const openApp = async (): Promise<Opened> => createApp({ ...loadConfig(), seedDemo: false, runWorkers: false });

/** Runs one account command; `open` gives the app to run it in (the configured deployment by default). */
export async function accountCommand(
  command: string,
  args: string[],
  usage: string,
  open: () => Promise<Opened> = openApp,
): Promise<number> {
  const target = args[0];
  const reason = flag(args, 'reason');
  if (!target || target.startsWith('--') || (command !== 'user:list' && !reason)) {
    process.stderr.write(usage);
    return 2;
  }
  const { app, close } = await open();
  try {
    const admin = app.get(AccountAdminService);
    const as = parseRef(flag(args, 'as') ?? 'admin');
    const actor = await admin.byName(RequestContext.platform(), as.tenantCode, as.username);
    if (!actor || !actor.active) {
      process.stderr.write(`no active account ${flag(args, 'as') ?? 'admin'} to act as\n`);
      return 1;
    }
    const ctx = contextOf(
      {
        userId: actor.id,
        username: actor.username,
        tenantId: actor.tenantId,
        roles: actor.roles,
        memberUnitId: actor.memberUnitId,
      },
      ALL_RULES,
    );
    if (command === 'user:list') {
      const active = flag(args, 'active');
      let after: string | undefined;
      let count = 0;
      process.stdout.write('username\tname\troles\tunit\tstate\tlast sign-in\tid\n');
      do {
        const page = await admin.users(ctx, {
          tenantCode: target,
          search: flag(args, 'search'),
          role: flag(args, 'role') as never,
          active: active === undefined ? undefined : active === 'true',
          after,
          limit: 200,
        });
        for (const u of page.items) process.stdout.write(`${line(u)}\n`);
        count += page.items.length;
        after = page.nextCursor ?? undefined;
      } while (after);
      process.stdout.write(`${count} user(s) in ${target}\n`);
      return 0;
    }
    const ref = parseRef(target);
    if (ref.tenantCode === null) {
      process.stderr.write('name the account as <tenant>/<username>\n');
      return 2;
    }
    const user = await admin.byName(ctx, ref.tenantCode, ref.username);
    if (!user) {
      process.stderr.write(`no account ${target} visible to ${flag(args, 'as') ?? 'admin'}\n`);
      return 1;
    }
    const input = { userId: user.id, reason: reason! };
    if (command === 'user:deactivate') {
      await admin.deactivate(ctx, input);
      process.stdout.write(`${target} deactivated (filed; its sessions ended)\n`);
    } else if (command === 'user:reactivate') {
      await admin.reactivate(ctx, input);
      process.stdout.write(`${target} reactivated (filed)\n`);
    } else {
      const reset = await admin.resetPassword(ctx, input);
      // Shown once, here; never stored in clear or logged.
      process.stdout.write(
        `temporary password for ${target} (shown once; valid for one sign-in until ${reset.expiresAt.toISOString()}, then a new password must be chosen):\n${reset.temporaryPassword}\n`,
      );
    }
    return 0;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const reason = typeof err.extensions?.reason === 'string' ? ` (${err.extensions.reason})` : '';
    process.stderr.write(`${err.code}${reason}: ${err.message}\n`);
    return 1;
  } finally {
    await close();
  }
}
