import { BlockList, isIP } from 'node:net';

/**
 * Which proxies in front of the server to believe about the client's address:
 * - `false` or `0`: none, the connecting address is the client's;
 * - `true` or a number `n`: the `n` nearest hops (the connecting one first) are proxies you run;
 * - a list of addresses and CIDRs (`10.0.0.0/8`, `::1`, `fd00::/8`): hops from these are proxies.
 */
export type TrustProxy = boolean | number | readonly string[];

/** The client's address of a request, from its connecting address and `X-Forwarded-For`. */
export type ClientAddressResolver = (
  connecting: string | undefined,
  forwardedFor: string | undefined,
) => string;

/**
 * Resolves client addresses under a {@link TrustProxy} setting. Proxies append the address they
 * saw to `X-Forwarded-For`, so everything left of a proxy you trust was written by someone you
 * don't: the client is the right-most hop that is not a trusted proxy, never the left-most entry.
 *
 * @example
 * const addressOf = clientAddressResolver(['10.0.0.0/8']);
 * addressOf('10.0.0.5', 'spoofed, 203.0.113.7'); // '203.0.113.7'
 */
export function clientAddressResolver(trust: TrustProxy): ClientAddressResolver {
  const trusted = trustPredicate(trust);
  return (connecting, forwardedFor) => {
    const client = normalizeAddress(connecting ?? '') ?? 'unknown';
    if (!trusted || !forwardedFor) return client;
    const hops = forwardedFor.split(',').map((entry) => normalizeAddress(entry));
    let address = client;
    // Walk from the server outwards while the hop we stand on is a proxy we trust.
    for (let hop = 0; hop < hops.length && trusted(address, hop); hop++) {
      const next = hops[hops.length - 1 - hop];
      // Garbage where an address should be: the hop that wrote it is the last one we can believe.
      if (next === undefined) break;
      address = next;
    }
    return address;
  };
}

/** Parses `TRUST_PROXY`: `true`/`false`, a number of hops, or comma-separated addresses/CIDRs. */
export function parseTrustProxy(text: string): TrustProxy {
  const value = text.trim().toLowerCase();
  if (['true', 'yes'].includes(value)) return true;
  if (['false', 'no'].includes(value)) return false;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (!parseRange(entry)) throw new Error(`"${entry}" is not an IP address or CIDR range`);
  }
  if (entries.length === 0) throw new Error('must be true, false, a number of hops or addresses/CIDRs');
  return entries;
}

function trustPredicate(trust: TrustProxy): ((address: string, hop: number) => boolean) | undefined {
  if (trust === false || trust === 0) return undefined;
  if (trust === true) return (_, hop) => hop < 1;
  if (typeof trust === 'number') return (_, hop) => hop < trust;
  const list = new BlockList();
  for (const entry of trust) {
    const range = parseRange(entry);
    if (!range) throw new Error(`trustProxy: "${entry}" is not an IP address or CIDR range.`);
    list.addSubnet(range.address, range.prefix, range.family);
  }
  return (address) => {
    const family = isIP(address);
    return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
}

function parseRange(entry: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | undefined {
  const [rawAddress = '', rawPrefix, extra] = entry.split('/');
  const address = normalizeAddress(rawAddress);
  if (!address || extra !== undefined) return undefined;
  const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
  const bits = family === 'ipv4' ? 32 : 128;
  if (rawPrefix !== undefined && !/^\d{1,3}$/.test(rawPrefix)) return undefined;
  const prefix = rawPrefix === undefined ? bits : Number(rawPrefix);
  return prefix <= bits ? { address, prefix, family } : undefined;
}

/**
 * An address as a hop wrote it, made comparable: no brackets or port, IPv4-mapped IPv6 as IPv4,
 * lower case; `undefined` when it is not an IP address.
 */
export function normalizeAddress(entry: string): string | undefined {
  let address = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  address = address.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) address = mapped[1]!;
  return isIP(address) ? address : undefined;
}
