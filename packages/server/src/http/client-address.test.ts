import { describe, expect, it } from 'vitest';
import { clientAddressResolver, normalizeAddress, parseTrustProxy } from './client-address';

describe('clientAddressResolver', () => {
  it('believes no X-Forwarded-For when no proxy is trusted', () => {
    for (const trust of [false, 0] as const) {
      const addressOf = clientAddressResolver(trust);
      expect(addressOf('198.51.100.9', '203.0.113.1')).toBe('198.51.100.9');
      expect(addressOf(undefined, '203.0.113.1')).toBe('unknown');
    }
  });

  it('takes the address the trusted proxy saw, whatever the client wrote left of it', () => {
    const addressOf = clientAddressResolver(true);
    // nginx's $proxy_add_x_forwarded_for: the client's header, then the address nginx saw.
    expect(addressOf('10.0.0.2', '198.51.100.7')).toBe('198.51.100.7');
    expect(addressOf('10.0.0.2', '203.0.113.1, 198.51.100.7')).toBe('198.51.100.7');
    expect(addressOf('10.0.0.2', '203.0.113.1, 203.0.113.2 ,198.51.100.7')).toBe('198.51.100.7');
    expect(addressOf('10.0.0.2', 'garbage, 198.51.100.7')).toBe('198.51.100.7');
    expect(addressOf('10.0.0.2', undefined)).toBe('10.0.0.2');
    expect(addressOf('10.0.0.2', '')).toBe('10.0.0.2');
  });

  it('counts hops: n proxies in a row, the connecting one first', () => {
    const two = clientAddressResolver(2);
    // client → CDN (appends the client) → load balancer (appends the CDN) → server.
    expect(two('10.0.0.2', '203.0.113.66, 198.51.100.7, 192.0.2.10')).toBe('198.51.100.7');
    expect(two('10.0.0.2', '198.51.100.7, 192.0.2.10')).toBe('198.51.100.7');
    // Fewer hops than configured: the left-most is as far as there is to go.
    expect(two('10.0.0.2', '192.0.2.10')).toBe('192.0.2.10');
    const three = clientAddressResolver(3);
    expect(three('10.0.0.2', '203.0.113.66, 198.51.100.7, 192.0.2.10')).toBe('203.0.113.66');
  });

  it('with a list, skips the hops from trusted proxies, IPv4 and IPv6', () => {
    const addressOf = clientAddressResolver(['10.0.0.0/8', '192.0.2.10', 'fd00::/8', '::1']);
    expect(addressOf('10.1.2.3', '203.0.113.66, 198.51.100.7, 192.0.2.10')).toBe('198.51.100.7');
    expect(addressOf('::1', '203.0.113.66, 2001:db8::7, fd12::1')).toBe('2001:db8::7');
    expect(addressOf('::ffff:10.1.2.3', '[2001:DB8::7]:4711')).toBe('2001:db8::7');
    expect(addressOf('10.1.2.3', '198.51.100.7:4711, 10.9.9.9')).toBe('198.51.100.7');
    // A connection that does not come from a trusted proxy: its header is the client's own.
    expect(addressOf('198.51.100.8', '203.0.113.66')).toBe('198.51.100.8');
    // Every hop trusted: the left-most, the farthest anyone vouched for.
    expect(addressOf('10.1.2.3', '10.4.4.4, 192.0.2.10')).toBe('10.4.4.4');
    // A trusted proxy that wrote something that is no address: stop at that proxy.
    expect(addressOf('10.1.2.3', '203.0.113.66, unknown')).toBe('10.1.2.3');
  });
});

describe('parseTrustProxy', () => {
  it('reads booleans, hop counts and lists of addresses and CIDRs', () => {
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.0/8, 192.0.2.10,fd00::/8 , ::1')).toEqual([
      '10.0.0.0/8',
      '192.0.2.10',
      'fd00::/8',
      '::1',
    ]);
  });

  it.each(['10.0.0.0/33', 'fd00::/129', 'example.com', '10.0.0.0/8/1', '10.0.0.1/x', ','])(
    'refuses %s',
    (text) => {
      expect(() => parseTrustProxy(text)).toThrow();
    },
  );
});

describe('normalizeAddress', () => {
  it('makes addresses as hops write them comparable', () => {
    expect(normalizeAddress(' 198.51.100.7 ')).toBe('198.51.100.7');
    expect(normalizeAddress('198.51.100.7:80')).toBe('198.51.100.7');
    expect(normalizeAddress('[::1]:80')).toBe('::1');
    expect(normalizeAddress('::FFFF:198.51.100.7')).toBe('198.51.100.7');
    expect(normalizeAddress('unknown')).toBeUndefined();
    expect(normalizeAddress('')).toBeUndefined();
  });
});
