import { loadConfig } from '@engine/config';
import { AppError } from '@engine/errors';
import { SignInLimiter } from './sign-in-limiter';
import { clientAddressKey, foldTenantCode, foldUsername } from './sign-in-name';

describe('sign-in names and addresses', () => {
  it('folds NFKC, case and marks to one spelling; refuses what no username can be', () => {
    expect(foldUsername('he-vİctim')).toBe('he-victim');
    expect(foldUsername('ＯＦＦＩＣＥ')).toBe('office');
    expect(foldUsername('\u212Aey')).toBe('key');
    expect(foldUsername('hе-victim')).toBeNull(); // Cyrillic е
    expect(foldUsername('he-vıctim')).toBeNull(); // dotless ı
    expect(foldUsername('a')).toBeNull();
    expect(foldTenantCode('ＳＨＩＺＩ')).toBe('shizi');
  });

  it('keys IPv4 as is, IPv4-mapped IPv6 as IPv4, IPv6 by its /64', () => {
    expect(clientAddressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(clientAddressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientAddressKey('2001:db8:1:2:3:4:5:6')).toBe('2001:0db8:0001:0002::/64');
    expect(clientAddressKey('2001:db8:1:2::99')).toBe('2001:0db8:0001:0002::/64');
    expect(clientAddressKey('2001:db8::1')).toBe('2001:0db8:0000:0000::/64');
    expect(clientAddressKey(null)).toBe('unknown');
  });
});

describe('SignInLimiter (memory store)', () => {
  const limiter = (env: Record<string, string> = {}): SignInLimiter =>
    new SignInLimiter(
      loadConfig({
        LOGIN_MAX_FAILURES: '2',
        LOGIN_LOCKOUT_SECONDS: '1',
        LOGIN_ACCOUNT_MAX_FAILURES: '5',
        LOGIN_ADDRESS_MAX_FAILURES: '4',
        ...env,
      }),
      '{jm}',
    );
  const refusal = async (p: Promise<unknown>): Promise<Record<string, unknown>> => {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).extensions;
  };
  const fail = async (l: SignInLimiter, account: string, address: string): Promise<void> =>
    l.failed(await l.begin({ account, address }));

  it('reserves before the check: of parallel attempts only the limit get through', async () => {
    const l = limiter();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () => l.begin({ account: 't|a', address: '1.1.1.1' })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(2);
  });

  it('locks a pair after its failures with a lockout that doubles; another address is not locked', async () => {
    const l = limiter({ LOGIN_ADDRESS_MAX_FAILURES: '100', LOGIN_ACCOUNT_MAX_FAILURES: '100' });
    await fail(l, 't|a', '1.1.1.1');
    await fail(l, 't|a', '1.1.1.1');
    const first = await refusal(l.begin({ account: 't|a', address: '1.1.1.1' }));
    expect(first).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_LOCKED', retryAfterSeconds: 1 });
    await l.succeeded(await l.begin({ account: 't|a', address: '2.2.2.2' }));
    await new Promise((r) => setTimeout(r, 1200));
    await fail(l, 't|a', '1.1.1.1');
    await fail(l, 't|a', '1.1.1.1');
    const second = await refusal(l.begin({ account: 't|a', address: '1.1.1.1' }));
    expect(second).toMatchObject({ reason: 'ACCOUNT_LOCKED', retryAfterSeconds: 2 });
  });

  it('unlock lifts the lockout on every address', async () => {
    const l = limiter();
    for (const address of ['1.1.1.1', '3.3.3.3']) {
      await fail(l, 't|b', address);
      await fail(l, 't|b', address);
      expect((await refusal(l.begin({ account: 't|b', address }))).reason).toBe('ACCOUNT_LOCKED');
    }
    await l.unlock('t|b');
    await l.begin({ account: 't|b', address: '1.1.1.1' });
    await l.begin({ account: 't|b', address: '3.3.3.3' });
  });

  it('limits an address over all accounts, and an account over all addresses', async () => {
    const l = limiter();
    for (let i = 0; i < 4; i++) await fail(l, `t|n${i}`, '4.4.4.4');
    expect((await refusal(l.begin({ account: 't|other', address: '4.4.4.4' }))).reason).toBe('TOO_MANY_ATTEMPTS');
    for (let i = 0; i < 5; i++) await fail(l, 't|c', `5.5.5.${i}`);
    expect((await refusal(l.begin({ account: 't|c', address: '6.6.6.6' }))).reason).toBe('ACCOUNT_LOCKED');
  });
});
