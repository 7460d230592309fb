import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '@engine/config';
import type { AppError } from '@engine/errors';
import { IDENTITY_ERRORS } from './identity.errors';
import { REDIS_KEY_PREFIX } from '@engine/jobs';

/** Stable reasons a refused sign-in carries in `extensions.reason`. */
export enum SignInRefusal {
  /** This account, from this address (or from everywhere, after a distributed attack), is locked for a while. */
  ACCOUNT_LOCKED = 'ACCOUNT_LOCKED',
  /** This client address has failed too often, whatever the account. */
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
}

/** One sign-in attempt as the limiter sees it: the folded account name and the client address key. */
export interface SignInAttempt {
  account: string;
  address: string;
}

/** What `begin` reserved, handed back to `succeeded` or `failed`. */
export interface SignInTicket extends SignInAttempt {
  pair: string;
  pairRemaining: number;
}

export interface SignInLimits {
  maxFailures: number;
  windowSeconds: number;
  lockoutSeconds: number;
  lockoutMaxSeconds: number;
  accountMaxFailures: number;
  addressMaxFailures: number;
}

export function signInLimits(config: AppConfig): SignInLimits {
  return {
    maxFailures: Math.max(1, config.loginMaxFailures),
    windowSeconds: Math.max(1, config.loginWindowSeconds),
    lockoutSeconds: Math.max(1, config.loginLockoutSeconds),
    lockoutMaxSeconds: Math.max(1, config.loginLockoutMaxSeconds),
    accountMaxFailures: Math.max(1, config.loginAccountMaxFailures),
    addressMaxFailures: Math.max(1, config.loginAddressMaxFailures),
  };
}

/**
 * Sign-in limits that count (rate-limiter-flexible: atomic counters in Redis when REDIS_URL is set, so
 * every replica sees the same counts; in memory for the embedded default, one process per data dir).
 *
 * An attempt is counted **before** its password is checked — `begin` reserves a point on each counter
 * atomically, so 40 parallel guesses cannot all be verified — and handed back when it succeeds:
 * - per account + address pair: `maxFailures`, then a lockout of `lockoutSeconds`, doubling with each
 *   further lockout of that pair up to `lockoutMaxSeconds`. An attacker elsewhere does not lock the
 *   clerk out of their own desk, and one behind the office's NAT locks out only the account it attacks;
 * - per account from every address: `accountMaxFailures` (a distributed guess), for the window;
 * - per address over every account: `addressMaxFailures`, high enough for a government office's NAT.
 * `unlock` (the office director of the tenant, or the platform admin) starts the account afresh on
 * every address: pair counters are keyed by an epoch that unlocking advances.
 */
@Injectable()
export class SignInLimiter implements OnModuleDestroy {
  private readonly logger = new Logger('SignInLimiter');
  private readonly limits: SignInLimits;
  private readonly redis: Redis | null;
  private readonly pair: RateLimiterAbstract;
  private readonly account: RateLimiterAbstract;
  private readonly address: RateLimiterAbstract;
  /** How many lockouts each pair has had in the last day (the backoff's exponent). */
  private readonly lockouts: RateLimiterAbstract;
  /** Per account: advanced by `unlock`, so every earlier pair counter is left behind. */
  private readonly epoch: RateLimiterAbstract;
  /** Where the counters live in Redis: under the deployment's prefix (`REDIS_KEY_PREFIX`), then `:signin`. */
  readonly keyPrefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(REDIS_KEY_PREFIX) deploymentPrefix: string) {
    this.limits = signInLimits(config);
    const { maxFailures, windowSeconds, accountMaxFailures, addressMaxFailures, lockoutMaxSeconds } = this.limits;
    // Counters outlive any lockout, and an epoch outlives every counter keyed by it.
    const day = Math.max(86_400, lockoutMaxSeconds);
    const specs: Record<'pair' | 'account' | 'address' | 'lockouts' | 'epoch', { points: number; duration: number }> = {
      pair: { points: maxFailures, duration: windowSeconds },
      account: { points: accountMaxFailures, duration: windowSeconds },
      address: { points: addressMaxFailures, duration: windowSeconds },
      lockouts: { points: 1_000_000, duration: day },
      epoch: { points: 1_000_000, duration: day + windowSeconds },
    };
    this.redis = config.redisUrl
      ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false })
      : null;
    this.redis?.on('error', (err: Error) => this.logger.warn(`redis: ${err.message}`));
    const prefix = `${deploymentPrefix}:signin`;
    this.keyPrefix = prefix;
    const make = (name: keyof typeof specs): RateLimiterAbstract => {
      const memory = new RateLimiterMemory({ keyPrefix: name, ...specs[name] });
      if (!this.redis) return memory;
      // While Redis is unreachable the process counts on its own (insurance) rather than letting all through.
      return new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${prefix}:${name}`,
        ...specs[name],
        insuranceLimiter: memory,
      });
    };
    this.pair = make('pair');
    this.account = make('account');
    this.address = make('address');
    this.lockouts = make('lockouts');
    this.epoch = make('epoch');
  }

  /** Waits (briefly) for Redis, so the first sign-ins after start already count in the shared store. */
  async onModuleInit(): Promise<void> {
    const redis = this.redis;
    if (!redis || redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 5000);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis) await this.redis.quit().catch(() => this.redis?.disconnect());
  }

  /**
   * Reserves this attempt on every counter before the password is checked; refuses with
   * UNAUTHENTICATED + `reason` + `retryAfterSeconds` when a limit is reached (no password is checked).
   */
  async begin(attempt: SignInAttempt): Promise<SignInTicket> {
    const pair = await this.pairKey(attempt.account, attempt.address);
    const address = await this.take(this.address, attempt.address);
    if (address.remainingPoints < 0) throw refusal(SignInRefusal.TOO_MANY_ATTEMPTS, address);
    const refused = async (res: RateLimiterRes, refund: [RateLimiterAbstract, string][]): Promise<never> => {
      await Promise.all(refund.map(([limiter, key]) => limiter.reward(key, 1).catch(() => undefined)));
      throw refusal(SignInRefusal.ACCOUNT_LOCKED, res);
    };
    const pairRes = await this.take(this.pair, pair);
    if (pairRes.remainingPoints < 0) await refused(pairRes, [[this.address, attempt.address]]);
    const accountRes = await this.take(this.account, attempt.account);
    if (accountRes.remainingPoints < 0)
      await refused(accountRes, [
        [this.address, attempt.address],
        [this.pair, pair],
      ]);
    return { ...attempt, pair, pairRemaining: pairRes.remainingPoints };
  }

  /** The password was right: the pair starts afresh and the reserved account/address points are returned. */
  async succeeded(ticket: SignInTicket): Promise<void> {
    await Promise.all([
      this.pair.delete(ticket.pair),
      this.lockouts.delete(ticket.pair),
      this.account.reward(ticket.account, 1),
      this.address.reward(ticket.address, 1),
    ]).catch((err: Error) => this.logger.warn(`could not clear sign-in counters: ${err.message}`));
  }

  /** The password was wrong: the reservation stands; the attempt that used the pair's last point locks it, with backoff. */
  async failed(ticket: SignInTicket): Promise<void> {
    if (ticket.pairRemaining > 0) return;
    const lockouts = await this.lockouts.penalty(ticket.pair, 1);
    const seconds = Math.min(
      this.limits.lockoutSeconds * 2 ** Math.min(lockouts.consumedPoints - 1, 30),
      this.limits.lockoutMaxSeconds,
    );
    await this.pair.block(ticket.pair, seconds);
  }

  /** Lifts every lockout of the account (on all addresses) and its account-wide count. */
  async unlock(account: string): Promise<void> {
    await this.epoch.penalty(account, 1);
    await this.account.delete(account);
  }

  private async pairKey(account: string, address: string): Promise<string> {
    const epoch = (await this.epoch.get(account))?.consumedPoints ?? 0;
    return `${account}#${epoch}@${address}`;
  }

  /** Consumes one point; a refusal (the limit passed) comes back as a result with negative remaining points. */
  private async take(limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes> {
    try {
      return await limiter.consume(key, 1);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Object.assign(rejection, { remainingPoints: -1 });
      throw rejection;
    }
  }
}

function refusal(reason: SignInRefusal, res: RateLimiterRes): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  const error = IDENTITY_ERRORS.unauthenticated(reason);
  Object.assign(error.extensions, { retryAfterSeconds });
  return error;
}
