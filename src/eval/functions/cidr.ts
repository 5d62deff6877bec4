// cidrmatch(): the CIDR block (IPv4 or IPv6, parsed by src/search/cidr.ts) compiled once when literal, tested per IP value.
import { SplError } from '../../errors.js';
import { compileCidrMatcher, parseCidr } from '../../search/cidr.js';
import type { CompiledArg, Evaluator } from '../types.js';
import { valueList } from '../values.js';
import { preparedArg } from './define.js';

/** A matcher for `address[/prefix]`; a bare address is a single-host block. */
function blockMatcher(text: string): (ip: string) => boolean {
  const trimmed = text.trim();
  const withPrefix = trimmed.includes('/') ? trimmed : `${trimmed}/${trimmed.includes(':') ? 128 : 32}`;
  const cidr = parseCidr(withPrefix);
  if (cidr === undefined) throw new Error(`"${text}" is not a CIDR block`);
  return compileCidrMatcher(cidr);
}

/** cidrmatch(cidr, ip): true when any value of ip lies in the block; null when ip has no value. */
export function compileCidrMatch(cidr: CompiledArg, ip: CompiledArg): Evaluator {
  const matcher = preparedArg(cidr, (text) => {
    try {
      return blockMatcher(text);
    } catch (e) {
      throw new SplError('bad-argument', (e as Error).message, cidr.node.span);
    }
  });
  return (ev) => {
    const inBlock = matcher(ev);
    const ips = ip.evaluate(ev);
    if (inBlock === null || ips === null) return null;
    return valueList(ips).some((v) => typeof v === 'string' && inBlock(v.trim()));
  };
}
