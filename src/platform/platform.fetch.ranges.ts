// The address guard of the server-side fetch: which IP addresses a pasted URL may reach.
// Allowed are only ordinary global unicast addresses. Refused is every range of the IANA IPv4 and
// IPv6 Special-Purpose Address Registries (RFC 6890 and its updates) — also the few entries marked
// globally reachable, which are anycast services or identifiers (PCP, TURN, AS112, AMT, ORCHIDv2,
// DETs), never a web site — and besides them multicast, the reserved IPv4 space, the deprecated
// IPv6 site-local range, and all IPv6 space outside 2000::/3 (the only block IANA allocates for
// global unicast). IPv6 forms that carry an IPv4 address are refused whole (IPv4-mapped,
// IPv4-compatible, 6to4, Teredo, local-use NAT64); the well-known NAT64 prefix 64:ff9b::/96 is
// judged by the IPv4 address inside it, so an IPv6-only server behind DNS64 still reaches the web.

interface Range {
  readonly cidr: string;
  readonly name: string;
}

/** Refused IPv4 ranges, with the name of their registry entry. */
export const REFUSED_IPV4: readonly Range[] = [
  { cidr: '0.0.0.0/8', name: '"This network" (RFC 791)' },
  { cidr: '10.0.0.0/8', name: 'Private-Use (RFC 1918)' },
  { cidr: '100.64.0.0/10', name: 'Shared Address Space (RFC 6598)' },
  { cidr: '127.0.0.0/8', name: 'Loopback (RFC 1122)' },
  { cidr: '169.254.0.0/16', name: 'Link Local (RFC 3927), cloud metadata' },
  { cidr: '172.16.0.0/12', name: 'Private-Use (RFC 1918)' },
  { cidr: '192.0.0.0/24', name: 'IETF Protocol Assignments (RFC 6890)' },
  { cidr: '192.0.2.0/24', name: 'Documentation, TEST-NET-1 (RFC 5737)' },
  { cidr: '192.31.196.0/24', name: 'AS112-v4 (RFC 7535)' },
  { cidr: '192.52.193.0/24', name: 'AMT (RFC 7450)' },
  { cidr: '192.88.99.0/24', name: 'Deprecated 6to4 Relay Anycast (RFC 7526)' },
  { cidr: '192.168.0.0/16', name: 'Private-Use (RFC 1918)' },
  { cidr: '192.175.48.0/24', name: 'Direct Delegation AS112 Service (RFC 7534)' },
  { cidr: '198.18.0.0/15', name: 'Benchmarking (RFC 2544)' },
  { cidr: '198.51.100.0/24', name: 'Documentation, TEST-NET-2 (RFC 5737)' },
  { cidr: '203.0.113.0/24', name: 'Documentation, TEST-NET-3 (RFC 5737)' },
  { cidr: '224.0.0.0/4', name: 'Multicast (RFC 5771)' },
  { cidr: '240.0.0.0/4', name: 'Reserved (RFC 1112), Limited Broadcast (RFC 919)' },
];

/** Refused IPv6 ranges inside 2000::/3 and the forms that carry IPv4 (outside it all is refused). */
export const REFUSED_IPV6: readonly Range[] = [
  { cidr: '::/96', name: 'IPv4-compatible (deprecated, RFC 4291), with :: and ::1' },
  { cidr: '::ffff:0:0/96', name: 'IPv4-mapped Address (RFC 4291)' },
  { cidr: '64:ff9b:1::/48', name: 'IPv4-IPv6 Translation, local use (RFC 8215)' },
  { cidr: '2001::/23', name: 'IETF Protocol Assignments (RFC 2928), Teredo (RFC 4380) inside' },
  { cidr: '2001:db8::/32', name: 'Documentation (RFC 3849)' },
  { cidr: '2002::/16', name: '6to4 (RFC 3056)' },
  { cidr: '2620:4f:8000::/48', name: 'Direct Delegation AS112 Service (RFC 7534)' },
  { cidr: '3fff::/20', name: 'Documentation (RFC 9637)' },
];

const NAT64 = { cidr: '64:ff9b::/96', name: 'IPv4-IPv6 Translation (RFC 6052)' };

/** An IPv4 address as a number, or undefined when it is not four decimal parts. */
export function parseIpv4(address: string): bigint | undefined {
  const parts = address.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

/** An IPv6 address (also with an IPv4 tail or a zone) as a number, or undefined. */
export function parseIpv6(address: string): bigint | undefined {
  let text = address.replace(/%.*$/, '');
  const tail = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail?.[1] !== undefined && tail[2] !== undefined) {
    const v4 = parseIpv4(tail[2]);
    if (v4 === undefined) return undefined;
    text = `${tail[1]}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...Array<string>(missing).fill('0'), ...rest];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return undefined;
    value = (value << 16n) | BigInt(`0x${group}`);
  }
  return value;
}

interface Block {
  readonly base: bigint;
  readonly mask: bigint;
}

function blockOf(cidr: string, bits: 32 | 128): Block {
  const [address = '', prefix = ''] = cidr.split('/');
  const base = (bits === 32 ? parseIpv4(address) : parseIpv6(address)) ?? 0n;
  const all = (1n << BigInt(bits)) - 1n;
  const mask = all ^ ((1n << BigInt(bits - Number(prefix))) - 1n);
  return { base: base & mask, mask };
}

const V4_BLOCKS = REFUSED_IPV4.map((range) => blockOf(range.cidr, 32));
const V6_BLOCKS = REFUSED_IPV6.map((range) => blockOf(range.cidr, 128));
const NAT64_BLOCK = blockOf(NAT64.cidr, 128);
const GLOBAL_UNICAST = blockOf('2000::/3', 128);

const inside = (value: bigint, block: Block) => (value & block.mask) === block.base;

function refusedIpv4(value: bigint): boolean {
  return V4_BLOCKS.some((block) => inside(value, block));
}

function refusedIpv6(value: bigint): boolean {
  if (inside(value, NAT64_BLOCK)) return refusedIpv4(value & 0xffffffffn);
  if (V6_BLOCKS.some((block) => inside(value, block))) return true;
  return !inside(value, GLOBAL_UNICAST);
}

/** True for any address a server-side fetch must never reach; anything unparsable is refused. */
export function isRefusedAddress(address: string): boolean {
  const text = address.trim().replace(/^\[|\]$/g, '');
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return refusedIpv4(v4);
  const v6 = text.includes(':') ? parseIpv6(text) : undefined;
  if (v6 !== undefined) return refusedIpv6(v6);
  return true;
}
