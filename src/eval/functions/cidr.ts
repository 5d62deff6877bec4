// cidrmatch(): IPv4 and IPv6 CIDR blocks parsed once (when literal) and tested against each IP value.
import { SplError } from '../../errors.js';
import type { Scalar } from '../../runtime/event.js';
import type { CompiledArg, Evaluator } from '../types.js';
import { valueList } from '../values.js';
import { preparedArg } from './define.js';

interface CidrBlock {
  v6: boolean;
  network: bigint;
  mask: bigint;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** An IPv4 address as a 32-bit integer, or null. */
function parseIPv4(text: string): bigint | null {
  const m = IPV4.exec(text);
  if (m === null) return null;
  let out = 0n;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255) return null;
    out = (out << 8n) | BigInt(octet);
  }
  return out;
}

function parseHextets(part: string): bigint[] | null {
  if (part === '') return [];
  const out: bigint[] = [];
  const pieces = part.split(':');
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (i === pieces.length - 1 && piece.includes('.')) {
      const v4 = parseIPv4(piece);
      if (v4 === null) return null;
      out.push(v4 >> 16n, v4 & 0xffffn);
    } else if (/^[0-9a-f]{1,4}$/i.test(piece)) {
      out.push(BigInt(`0x${piece}`));
    } else {
      return null;
    }
  }
  return out;
}

/** An IPv6 address (with `::` compression, embedded IPv4, optional %zone) as a 128-bit integer, or null. */
function parseIPv6(text: string): bigint | null {
  const address = text.replace(/%.*$/, '');
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const head = parseHextets(halves[0]!);
  const tail = halves.length === 2 ? parseHextets(halves[1]!) : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...Array<bigint>(missing).fill(0n), ...tail];
  return groups.reduce((acc, g) => (acc << 16n) | g, 0n);
}

function blockMask(bits: number, prefix: number): bigint {
  const all = (1n << BigInt(bits)) - 1n;
  return all ^ ((1n << BigInt(bits - prefix)) - 1n);
}

/** Parse `address[/prefix]`; throws a plain Error when malformed (callers decide how to report it). */
function parseCidr(text: string): CidrBlock {
  const [address, prefixText, extra] = text.trim().split('/');
  const v6 = address!.includes(':');
  const network = v6 ? parseIPv6(address!) : parseIPv4(address!);
  const bits = v6 ? 128 : 32;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (network === null || extra !== undefined || !/^\d+$/.test(prefixText ?? '0') || prefix > bits) {
    throw new Error(`"${text}" is not a CIDR block`);
  }
  const mask = blockMask(bits, prefix);
  return { v6, network: network & mask, mask };
}

function inBlock(block: CidrBlock, ip: Scalar): boolean {
  if (typeof ip !== 'string') return false;
  const address = block.v6 ? parseIPv6(ip.trim()) : parseIPv4(ip.trim());
  return address !== null && (address & block.mask) === block.network;
}

/** cidrmatch(cidr, ip): true when any value of ip lies in the block; null when ip has no value. */
export function compileCidrMatch(cidr: CompiledArg, ip: CompiledArg): Evaluator {
  const block = preparedArg(cidr, (text) => {
    try {
      return parseCidr(text);
    } catch (e) {
      throw new SplError('bad-argument', (e as Error).message, cidr.node.span);
    }
  });
  return (ev) => {
    const b = block(ev);
    const ips = ip.evaluate(ev);
    if (b === null || ips === null) return null;
    return valueList(ips).some((v) => inBlock(b, v));
  };
}
