import DataLoader from 'dataloader';
import type { CallerAbility } from './ability-type';
import { readsTree, type RoleName } from './roles';

/** Who is calling, as established from a verified access token. */
export interface Caller {
  userId: string;
  username: string;
  tenantId: string | null;
  roles: RoleName[];
  memberUnitId: string | null;
  /** The server-side session the access token belongs to (none for internal callers: seeding, jobs). */
  sessionId?: string | null;
  /** The account's token version when the token was signed; a newer one in the database refuses it. */
  tokenVersion?: number;
  /** Signed in with a password that must be changed: the token allows only `@PasswordChangeAllowed()` operations. */
  passwordChangeOnly?: boolean;
}

/**
 * The data scope a transaction runs in; the database enforces it with row-level security.
 * - `tenant`: the caller's tenant (and, with `tree`, its descendants) — every request of a tenant user.
 * - `platform`: tenant administration without tenant scope — platform admins, login, bootstrap.
 */
export interface DataScope {
  kind: 'tenant' | 'platform';
  tenantId: string | null;
  tree: boolean;
  userId: string | null;
}

/**
 * What the root fields and DataLoader batches of one GraphQL operation share. For a query operation
 * the engine sets `shareReads`, and `Db.run` keeps `shared` (its one open transaction) here; contexts
 * derived from the request's (`asPlatform()`) share the same slot.
 */
export interface OperationSlot {
  shareReads: boolean;
  shared?: { finish(): Promise<void> };
}

/**
 * Explicit request context, passed first to every service method (Vendure's `ctx`). The data layer
 * only runs queries inside `Db.run(ctx, …)`, which binds this scope to the transaction.
 */
export class RequestContext {
  private constructor(
    private readonly callerValue: Caller | null,
    readonly scope: DataScope,
    private readonly abilityValue: CallerAbility | null,
    readonly ip: string | null,
  ) {}

  static forCaller(caller: Caller, ability: CallerAbility, ip: string | null = null): RequestContext {
    const platform = caller.tenantId === null;
    return new RequestContext(
      caller,
      {
        kind: platform ? 'platform' : 'tenant',
        tenantId: caller.tenantId,
        tree: readsTree(caller.roles),
        userId: caller.userId,
      },
      ability,
      ip,
    );
  }

  /** An anonymous request (login): may only run work that asks for `asPlatform()`. */
  static anonymous(ip: string | null = null): RequestContext {
    return new RequestContext(null, { kind: 'tenant', tenantId: null, tree: false, userId: null }, null, ip);
  }

  /** Platform-internal work: bootstrap, demo seeding, login's credential lookup, onboarding from the CLI. */
  static platform(): RequestContext {
    return new RequestContext(null, { kind: 'platform', tenantId: null, tree: false, userId: null }, null, null);
  }

  /**
   * A job re-entering one tenant's scope (jobs carry the tenant id). With `tree`, it also reads the
   * tenant's descendants, as the tenant's own office would (a county's supervision reading its towns).
   */
  static forTenantJob(tenantId: string, options: { tree?: boolean } = {}): RequestContext {
    return new RequestContext(
      null,
      { kind: 'tenant', tenantId, tree: options.tree ?? false, userId: null },
      null,
      null,
    );
  }

  /** Same caller, platform scope: for internal steps such as verifying a password. */
  asPlatform(): RequestContext {
    const derived = new RequestContext(
      this.callerValue,
      { ...this.scope, kind: 'platform' },
      this.abilityValue,
      this.ip,
    );
    derived.operationSlot = this.operationSlot;
    return derived;
  }

  private operationSlot: OperationSlot = { shareReads: false };

  /** The GraphQL operation this context serves (see OperationSlot). */
  get operation(): OperationSlot {
    return this.operationSlot;
  }

  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  /**
   * A per-request DataLoader: every list that fans out to a relation batches through one, so a
   * nested list costs one query per level, not one per row.
   */
  loader<V>(name: string, batch: (ids: readonly string[]) => Promise<Map<string, V>>): DataLoader<string, V | null> {
    let loader = this.loaders.get(name) as DataLoader<string, V | null> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V | null>(async (ids) => {
        const found = await batch(ids);
        return ids.map((id) => found.get(id) ?? null);
      });
      this.loaders.set(name, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  get isAuthenticated(): boolean {
    return this.callerValue !== null;
  }

  /** The caller; throws when there is none, so code cannot silently act anonymously. */
  get caller(): Caller {
    if (!this.callerValue) throw new Error('RequestContext has no authenticated caller');
    return this.callerValue;
  }

  get ability(): CallerAbility {
    if (!this.abilityValue) throw new Error('RequestContext has no ability (not an authenticated request)');
    return this.abilityValue;
  }
}
