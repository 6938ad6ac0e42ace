// The address guard, table-driven from the IANA IPv4 and IPv6 Special-Purpose Address Registries
// (as we read them; each row names its registry entry), plus the forms outside them that a fetch
// must not reach. Then properties: random addresses inside each refused range are refused, random
// global addresses are allowed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isForbiddenAddress } from './platform.fetch.js';

interface Row {
  readonly cidr: string;
  readonly entry: string;
  /** The registry's "Globally Reachable" column (null: not applicable / not in the registry). */
  readonly global: boolean | null;
}

// IANA IPv4 Special-Purpose Address Registry, every entry; then multicast and reserved space.
const IPV4: readonly Row[] = [
  { cidr: '0.0.0.0/8', entry: '"This network"', global: false },
  { cidr: '0.0.0.0/32', entry: '"This host on this network"', global: false },
  { cidr: '10.0.0.0/8', entry: 'Private-Use', global: false },
  { cidr: '100.64.0.0/10', entry: 'Shared Address Space', global: false },
  { cidr: '127.0.0.0/8', entry: 'Loopback', global: false },
  { cidr: '169.254.0.0/16', entry: 'Link Local', global: false },
  { cidr: '172.16.0.0/12', entry: 'Private-Use', global: false },
  { cidr: '192.0.0.0/24', entry: 'IETF Protocol Assignments', global: false },
  { cidr: '192.0.0.0/29', entry: 'IPv4 Service Continuity Prefix', global: false },
  { cidr: '192.0.0.8/32', entry: 'IPv4 dummy address', global: false },
  { cidr: '192.0.0.9/32', entry: 'Port Control Protocol Anycast', global: true },
  { cidr: '192.0.0.10/32', entry: 'Traversal Using Relays around NAT Anycast', global: true },
  { cidr: '192.0.0.170/32', entry: 'NAT64/DNS64 Discovery', global: false },
  { cidr: '192.0.0.171/32', entry: 'NAT64/DNS64 Discovery', global: false },
  { cidr: '192.0.2.0/24', entry: 'Documentation (TEST-NET-1)', global: false },
  { cidr: '192.31.196.0/24', entry: 'AS112-v4', global: true },
  { cidr: '192.52.193.0/24', entry: 'AMT', global: true },
  { cidr: '192.88.99.0/24', entry: 'Deprecated (6to4 Relay Anycast)', global: null },
  { cidr: '192.88.99.2/32', entry: '6a44-relay anycast address', global: false },
  { cidr: '192.168.0.0/16', entry: 'Private-Use', global: false },
  { cidr: '192.175.48.0/24', entry: 'Direct Delegation AS112 Service', global: true },
  { cidr: '198.18.0.0/15', entry: 'Benchmarking', global: false },
  { cidr: '198.51.100.0/24', entry: 'Documentation (TEST-NET-2)', global: false },
  { cidr: '203.0.113.0/24', entry: 'Documentation (TEST-NET-3)', global: false },
  { cidr: '240.0.0.0/4', entry: 'Reserved', global: false },
  { cidr: '255.255.255.255/32', entry: 'Limited Broadcast', global: false },
  { cidr: '224.0.0.0/4', entry: 'Multicast (IPv4 Multicast Address Space Registry)', global: null },
];

// IANA IPv6 Special-Purpose Address Registry, every entry; then the space outside 2000::/3.
const IPV6: readonly Row[] = [
  { cidr: '::1/128', entry: 'Loopback Address', global: false },
  { cidr: '::/128', entry: 'Unspecified Address', global: false },
  { cidr: '::ffff:0:0/96', entry: 'IPv4-mapped Address', global: false },
  { cidr: '64:ff9b:1::/48', entry: 'IPv4-IPv6 Translat. (local use)', global: false },
  { cidr: '100::/64', entry: 'Discard-Only Address Block', global: false },
  { cidr: '100:0:0:1::/64', entry: 'Dummy IPv6 Prefix', global: false },
  { cidr: '2001::/23', entry: 'IETF Protocol Assignments', global: false },
  { cidr: '2001::/32', entry: 'TEREDO', global: null },
  { cidr: '2001:1::1/128', entry: 'Port Control Protocol Anycast', global: true },
  { cidr: '2001:1::2/128', entry: 'Traversal Using Relays around NAT Anycast', global: true },
  { cidr: '2001:1::3/128', entry: 'DNS-SD Service Registration Protocol Anycast', global: true },
  { cidr: '2001:2::/48', entry: 'Benchmarking', global: false },
  { cidr: '2001:3::/32', entry: 'AMT', global: true },
  { cidr: '2001:4:112::/48', entry: 'AS112-v6', global: true },
  { cidr: '2001:10::/28', entry: 'Deprecated (previously ORCHID)', global: null },
  { cidr: '2001:20::/28', entry: 'ORCHIDv2', global: true },
  {
    cidr: '2001:30::/28',
    entry: 'Drone Remote ID Protocol Entity Tags (DETs) Prefix',
    global: true,
  },
  { cidr: '2001:db8::/32', entry: 'Documentation', global: false },
  { cidr: '2002::/16', entry: '6to4', global: null },
  { cidr: '2620:4f:8000::/48', entry: 'Direct Delegation AS112 Service', global: true },
  { cidr: '3fff::/20', entry: 'Documentation', global: false },
  { cidr: '5f00::/16', entry: 'Segment Routing (SRv6) SIDs', global: false },
  { cidr: 'fc00::/7', entry: 'Unique-Local', global: false },
  { cidr: 'fe80::/10', entry: 'Link-Local Unicast', global: false },
  { cidr: '::/96', entry: 'IPv4-compatible (deprecated, RFC 4291)', global: null },
  { cidr: 'fec0::/10', entry: 'Site-local (deprecated, RFC 3879)', global: null },
  { cidr: 'ff00::/8', entry: 'Multicast (IPv6 Multicast Address Space Registry)', global: null },
  { cidr: '::/8', entry: 'Reserved by IETF (IPv6 Address Space)', global: null },
  { cidr: '4000::/3', entry: 'Reserved by IETF (IPv6 Address Space)', global: null },
  { cidr: 'e000::/4', entry: 'Reserved by IETF (IPv6 Address Space)', global: null },
];

// --- address arithmetic for the test, independent of the code under test ---

function v4ToBig(text: string): bigint {
  return text.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}
function v6ToBig(text: string): bigint {
  const [head = '', tail = ''] = text.split('::');
  const a = head ? head.split(':') : [];
  const b = text.includes('::') && tail ? tail.split(':') : [];
  const groups = [...a, ...Array<string>(8 - a.length - b.length).fill('0'), ...b];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(`0x${g}`), 0n);
}
function bigToV4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 255n)).join('.');
}
function bigToV6(value: bigint): string {
  return Array.from({ length: 8 }, (_, i) =>
    ((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16),
  ).join(':');
}
function span(row: Row): { first: bigint; last: bigint; v6: boolean } {
  const [address = '', prefix = ''] = row.cidr.split('/');
  const v6 = address.includes(':');
  const bits = v6 ? 128n : 32n;
  const size = 1n << (bits - BigInt(prefix));
  const first = ((v6 ? v6ToBig(address) : v4ToBig(address)) / size) * size;
  return { first, last: first + size - 1n, v6 };
}
const show = (value: bigint, v6: boolean) => (v6 ? bigToV6(value) : bigToV4(value));
const inRow = (value: bigint, v6: boolean) => (row: Row) => {
  const s = span(row);
  return s.v6 === v6 && value >= s.first && value <= s.last;
};

describe('the address guard, from the registries', () => {
  describe.each([...IPV4, ...IPV6])('$cidr — $entry', (row) => {
    const { first, last, v6 } = span(row);
    it('refuses its first and last address', () => {
      expect(isForbiddenAddress(show(first, v6))).toBe(true);
      expect(isForbiddenAddress(show(last, v6))).toBe(true);
    });
    it('refuses random addresses inside it', () => {
      fc.assert(
        fc.property(fc.bigInt({ min: first, max: last }), (value) => {
          expect(isForbiddenAddress(show(value, v6))).toBe(true);
        }),
        { numRuns: 200 },
      );
    });
  });

  it('the table covers every row named in the issue', () => {
    const cidrs = new Set([...IPV4, ...IPV6].map((row) => row.cidr));
    for (const cidr of ['::/96', 'fec0::/10', '2001:20::/28', '2002::/16', '2001::/32'])
      expect(cidrs).toContain(cidr);
  });
});

describe('IPv4 carried inside IPv6', () => {
  const refusedV4 = fc.constantFrom(...IPV4).chain((row) => {
    const { first, last } = span(row);
    return fc.bigInt({ min: first, max: last });
  });
  const globalV4 = fc
    .bigInt({ min: 0n, max: 0xffffffffn })
    .filter((value) => !IPV4.some(inRow(value, false)));

  it('IPv4-mapped, IPv4-compatible, 6to4 and Teredo forms are refused, in every spelling', () => {
    fc.assert(
      fc.property(fc.oneof(refusedV4, globalV4), (v4) => {
        const dotted = bigToV4(v4);
        for (const form of [
          `::ffff:${dotted}`,
          `::${dotted}`,
          `0:0:0:0:0:ffff:${dotted}`,
          bigToV6((0xffffn << 32n) | v4),
          bigToV6((0x2002n << 112n) | (v4 << 80n) | 1n),
          bigToV6((0x20010000n << 96n) | 0x1234n),
          `[::ffff:${dotted}]`,
        ])
          expect(isForbiddenAddress(form)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('NAT64 (64:ff9b::/96) is judged by the IPv4 address inside it', () => {
    fc.assert(
      fc.property(refusedV4, globalV4, (bad, good) => {
        expect(isForbiddenAddress(`64:ff9b::${bigToV4(bad)}`)).toBe(true);
        expect(isForbiddenAddress(bigToV6((0x64ff9bn << 96n) | bad))).toBe(true);
        expect(isForbiddenAddress(`64:ff9b::${bigToV4(good)}`)).toBe(false);
      }),
      { numRuns: 300 },
    );
    expect(isForbiddenAddress('64:ff9b::127.0.0.1')).toBe(true);
    expect(isForbiddenAddress('64:ff9b::169.254.169.254')).toBe(true);
    expect(isForbiddenAddress('64:ff9b:1::8.8.8.8')).toBe(true);
  });
});

describe('global addresses', () => {
  it('random global IPv4 addresses are allowed', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 0xffffffffn }).filter((v) => !IPV4.some(inRow(v, false))),
        (value) => {
          expect(isForbiddenAddress(bigToV4(value))).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('random global unicast IPv6 addresses (2000::/3) are allowed, also compressed', () => {
    fc.assert(
      fc.property(
        fc
          .bigInt({ min: 0x2n << 124n, max: (0x4n << 124n) - 1n })
          .filter((v) => !IPV6.some(inRow(v, true))),
        (value) => {
          expect(isForbiddenAddress(bigToV6(value))).toBe(false);
          const compressed = bigToV6(value).replace(/(^|:)0(:0)+(:|$)/, '::');
          expect(isForbiddenAddress(compressed)).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
    for (const address of ['2a00:1450:4001:81b::200e', '2606:4700::6810:84e5', '8.8.8.8'])
      expect(isForbiddenAddress(address)).toBe(false);
  });

  it('anything that is not an address is refused', () => {
    for (const text of [
      '',
      'localhost',
      '1.2.3',
      '1.2.3.4.5',
      '256.1.1.1',
      '01.2.3.4',
      ':::',
      'g::1',
    ])
      expect(isForbiddenAddress(text)).toBe(true);
  });
});
