// Index of a CIDR column: for each prefix length present, a hash from the masked network address to rows.
import { parseCidr, parseIPv4, parseIPv6, type Cidr } from '../search/cidr.js';
import { exactIndex, type ColumnIndex } from './wildcard-index.js';

/** The address's first `prefix` bits as a key (words masked, joined). */
function networkKey(words: readonly number[], prefix: number): string {
  let key = '';
  for (let i = 0, bits = prefix; bits > 0; i++, bits -= 16) {
    const mask = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
    key += (words[i]! & mask).toString(16) + ':';
  }
  return key;
}

/** A cell as a subnet: CIDR notation, or a plain address as a single-address subnet; undefined otherwise. */
function subnetOf(cell: string): Cidr | undefined {
  const text = cell.trim();
  const cidr = parseCidr(text);
  if (cidr) return cidr;
  const v4 = parseIPv4(text);
  if (v4) return { family: 4, words: v4, prefix: 32 };
  const v6 = parseIPv6(text);
  return v6 ? { family: 6, words: v6, prefix: 128 } : undefined;
}

interface FamilyIndex {
  lengths: number[];
  byLength: Map<number, Map<string, number[]>>;
}

function emptyFamily(): FamilyIndex {
  return { lengths: [], byLength: new Map() };
}

/** Build the index; cells that are not subnets or addresses match exactly, as text. */
export function cidrIndex(cells: readonly string[]): ColumnIndex {
  const families = { 4: emptyFamily(), 6: emptyFamily() };
  const subnets: Array<Cidr | undefined> = cells.map(subnetOf);
  const others = exactIndex(cells.map((c, i) => (subnets[i] ? '\u0000' : c)), (s) => s);
  subnets.forEach((subnet, row) => {
    if (!subnet) return;
    const family = families[subnet.family];
    let byKey = family.byLength.get(subnet.prefix);
    if (!byKey) family.byLength.set(subnet.prefix, (byKey = new Map()));
    const key = networkKey(subnet.words, subnet.prefix);
    const rows = byKey.get(key);
    if (rows) rows.push(row);
    else byKey.set(key, [row]);
  });
  for (const f of [families[4], families[6]]) f.lengths = [...f.byLength.keys()].sort((a, b) => a - b);
  const addressOf = (value: string): { family: FamilyIndex; words: number[] } | undefined => {
    const v4 = parseIPv4(value.trim());
    if (v4) return { family: families[4], words: v4 };
    const v6 = parseIPv6(value.trim());
    return v6 ? { family: families[6], words: v6 } : undefined;
  };
  return {
    rowsMatching(value) {
      const address = addressOf(value);
      if (!address) return others.rowsMatching(value);
      const rows: number[] = [];
      for (const n of address.family.lengths) {
        const hit = address.family.byLength.get(n)!.get(networkKey(address.words, n));
        if (hit) rows.push(...hit);
      }
      return rows.sort((a, b) => a - b);
    },
    rowMatches(row, value) {
      const subnet = subnets[row];
      if (!subnet) return others.rowMatches(row, value);
      const address = addressOf(value);
      return address !== undefined && address.family === families[subnet.family] && networkKey(address.words, subnet.prefix) === networkKey(subnet.words, subnet.prefix);
    },
  };
}
