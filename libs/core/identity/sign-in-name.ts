import { isIPv4, isIPv6 } from 'node:net';

/** What a username may be once folded (CreateUserInput's alphabet, lower case). */
const USERNAME_FOLDED = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/**
 * The one spelling of a username that sign-in looks up and counts failures under: Unicode NFKC
 * (full-width `ｏｆｆｉｃｅ`, the Kelvin sign, ligatures become their plain letters), lower case, then
 * marks stripped after canonical decomposition — so `he-vİctim` (U+0130, which lower-cases to
 * `i` + U+0307) is `he-victim`. Anything still outside the username alphabet (Cyrillic `е`, the
 * dotless `ı`, …) is a confusable no account can have: null, and sign-in refuses it as bad input.
 */
export function foldUsername(raw: string): string | null {
  const folded = raw.normalize('NFKC').toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC');
  return USERNAME_FOLDED.test(folded) ? folded : null;
}

/** Tenant codes are lower-case ASCII: folded the same way (a wrong code simply matches no tenant). */
export function foldTenantCode(raw: string | undefined): string {
  return (raw ?? '').normalize('NFKC').toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
}

/**
 * The client address as a limiter key: IPv4 as is (an IPv4-mapped IPv6 address is its IPv4), IPv6
 * by its /64 — one subscriber's network, whose 2^64 addresses would otherwise each count apart.
 */
export function clientAddressKey(ip: string | null | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return 'unknown';
  const [head, tail = ''] = ip.split('%')[0].toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.padStart(4, '0'))
    .join(':')}::/64`;
}
