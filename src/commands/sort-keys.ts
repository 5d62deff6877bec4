// Sort keys shared by sort, dedup sortby and top/rare: `[+|-]field` / `num() str() ip() auto()` specs and their order.
import type { GenericArg } from '../ast.js';
import { SplError } from '../errors.js';
import { parseIPv4 } from '../search/cidr.js';
import { compareUtf8 } from '../search/utf8-order.js';
import { scalarToString, type Event, type FieldValue } from '../runtime/event.js';

export type SortType = 'auto' | 'num' | 'str' | 'ip';

export interface SortSpec {
  field: string;
  descending: boolean;
  type: SortType;
}

/** A value's place in the order: numbers first, then IP addresses, then text; missing values always last. */
export interface SortKey {
  rank: number;
  num: number;
  text: string;
}

const NUMBER = 0;
const IP = 1;
const TEXT = 2;
const MISSING = 3;
const MISSING_KEY: SortKey = { rank: MISSING, num: 0, text: '' };

/** Text that starts with a number sorts by that number (Splunk's auto order: "10abc" sorts as 10). */
const LEADING_NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;

function ipKey(text: string): SortKey | undefined {
  const words = parseIPv4(text);
  return words ? { rank: IP, num: words[0]! * 65536 + words[1]!, text } : undefined;
}

function numberKey(text: string): SortKey | undefined {
  const m = LEADING_NUMBER.exec(text);
  return m ? { rank: NUMBER, num: Number(m[0]), text } : undefined;
}

/** The sort key of a field value under a type; a multivalue sorts by its first value. */
export function sortKey(v: FieldValue | undefined, type: SortType): SortKey {
  const first = Array.isArray(v) ? v[0] : v;
  if (first === undefined) return MISSING_KEY;
  if (typeof first === 'number' && type !== 'str' && type !== 'ip') return { rank: NUMBER, num: first, text: scalarToString(first) };
  const text = scalarToString(first);
  const textKey = { rank: TEXT, num: 0, text };
  switch (type) {
    case 'str':
      return textKey;
    case 'ip':
      return ipKey(text) ?? textKey;
    case 'num':
      return numberKey(text) ?? textKey;
    case 'auto':
      return ipKey(text) ?? numberKey(text) ?? textKey;
  }
}

/** Ascending order of two keys (ties of equal numbers fall back to the text). */
export function compareKeys(a: SortKey, b: SortKey): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.rank === NUMBER || a.rank === IP) {
    if (a.num !== b.num) return a.num < b.num ? -1 : 1;
  }
  return compareUtf8(a.text, b.text);
}

/** A compiled multi-key order: keys are computed once per result, compared many times. */
export interface ResultOrder {
  keysOf(ev: Event): SortKey[];
  compare(a: SortKey[], b: SortKey[]): number;
}

export function compileOrder(specs: readonly SortSpec[]): ResultOrder {
  return {
    keysOf: (ev) => specs.map((s) => sortKey(ev.get(s.field), s.type)),
    compare: (a, b) => {
      for (let i = 0; i < specs.length; i++) {
        const x = a[i]!;
        const y = b[i]!;
        // Missing values sort last in either direction.
        if (x.rank === MISSING || y.rank === MISSING) {
          if (x.rank !== y.rank) return x.rank === MISSING ? 1 : -1;
          continue;
        }
        const c = compareKeys(x, y);
        if (c !== 0) return specs[i]!.descending ? -c : c;
      }
      return 0;
    },
  };
}

const TYPED = /^([+-]?)(num|str|ip|auto)$/i;

/** Read `[+|-]field`, `- field`, `[+|-]num(field)`... separated by spaces or commas. */
export function readSortSpecs(command: string, args: GenericArg[]): SortSpec[] {
  const specs: SortSpec[] = [];
  let pendingSign: string | null = null;
  for (const arg of args) {
    if (arg.kind === 'comma') continue;
    if (arg.kind === 'word' && !arg.quoted && (arg.text === '-' || arg.text === '+')) {
      pendingSign = arg.text;
      continue;
    }
    const spec = readOne(command, arg);
    if (pendingSign !== null) spec.descending = pendingSign === '-';
    pendingSign = null;
    specs.push(spec);
  }
  return specs;
}

function readOne(command: string, arg: GenericArg): SortSpec {
  if (arg.kind === 'word') {
    const sign = arg.quoted ? '' : arg.text[0];
    const signed = sign === '-' || sign === '+';
    return { field: signed ? arg.text.slice(1) : arg.text, descending: sign === '-', type: 'auto' };
  }
  if (arg.kind === 'call') {
    const m = TYPED.exec(arg.name);
    const inner = arg.args.length === 1 && arg.args[0]!.length === 1 ? arg.args[0]![0]! : undefined;
    if (m && inner?.kind === 'word') return { field: inner.text, descending: m[1] === '-', type: m[2]!.toLowerCase() as SortType };
    throw new SplError('bad-argument', `${command}: expected num(field), str(field), ip(field) or auto(field)`, arg.span);
  }
  throw new SplError('bad-argument', `${command}: expected a field to sort by`, arg.span);
}
