// CIDR patterns in search (`ip="10.0.0.0/8"`, `ip="2001:db8::/32"`, spec 1.13): parsing and subnet tests.

/** A subnet: the network address as 16-bit words (2 for IPv4, 8 for IPv6) and the prefix length in bits. */
export interface Cidr {
  family: 4 | 6;
  words: number[];
  prefix: number;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV6_CHARS = /^[0-9a-fA-F:.]+$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** An IPv4 address (decimal dotted quad) as two 16-bit words. */
export function parseIPv4(text: string): number[] | undefined {
  const m = IPV4.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1).map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  return [(octets[0]! << 8) | octets[1]!, (octets[2]! << 8) | octets[3]!];
}

/** An IPv6 address (with `::` compression and an optional trailing dotted quad) as eight 16-bit words. */
export function parseIPv6(text: string): number[] | undefined {
  if (!IPV6_CHARS.test(text)) return undefined;
  const gap = text.indexOf('::');
  if (gap < 0) {
    const words = parseGroups(text);
    return words?.length === 8 ? words : undefined;
  }
  const head = text.slice(0, gap);
  if (text.includes('::', gap + 1) || head.includes('.')) return undefined;
  const before = parseGroups(head);
  const after = parseGroups(text.slice(gap + 2));
  if (!before || !after || before.length + after.length > 7) return undefined;
  return [...before, ...new Array<number>(8 - before.length - after.length).fill(0), ...after];
}

function parseGroups(text: string): number[] | undefined {
  if (text === '') return [];
  const groups = text.split(':');
  const words: number[] = [];
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i]!;
    const quad = i === groups.length - 1 && group.includes('.') ? parseIPv4(group) : undefined;
    if (quad) words.push(...quad);
    else if (HEX_GROUP.test(group)) words.push(parseInt(group, 16));
    else return undefined;
  }
  return words;
}

/** The subnet a `address/prefix` text denotes, or undefined when it is not CIDR notation. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.lastIndexOf('/');
  if (slash < 0 || !/^\d{1,3}$/.test(text.slice(slash + 1))) return undefined;
  const address = text.slice(0, slash);
  const prefix = Number(text.slice(slash + 1));
  const v4 = parseIPv4(address);
  if (v4) return prefix <= 32 ? { family: 4, words: v4, prefix } : undefined;
  const v6 = parseIPv6(address);
  return v6 && prefix <= 128 ? { family: 6, words: v6, prefix } : undefined;
}

/** Is `address` (words of the same family) inside the subnet? */
export function inSubnet(address: readonly number[], cidr: Cidr): boolean {
  for (let i = 0, bits = cidr.prefix; bits > 0; i++, bits -= 16) {
    const mask = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
    if ((address[i]! & mask) !== (cidr.words[i]! & mask)) return false;
  }
  return true;
}

/** A test of address texts against the subnet; texts that are not addresses of its family never match. */
export function compileCidrMatcher(cidr: Cidr): (text: string) => boolean {
  const parse = cidr.family === 4 ? parseIPv4 : parseIPv6;
  return (text) => {
    const address = parse(text);
    return address !== undefined && inSubnet(address, cidr);
  };
}
