// join's matching rules: key fields on each side (shared names, or `left=L right=R where L.a=R.b`), usetime/earlier.
import type { GenericArg, GenericCommand, Span } from '../ast.js';
import { SplError } from '../errors.js';
import type { Event } from '../runtime/event.js';
import { eventTime } from './transaction-merge.js';
import { valueKey } from './value-key.js';

/** The aliased form: each side's alias and key fields, in the where clause's order. */
export interface AliasedKeys {
  leftAlias: string;
  rightAlias: string;
  leftFields: string[];
  rightFields: string[];
}

/**
 * `where L.a=R.b [L.c=R.d]...` (either side first): the key fields of each side. Search Reference "join"
 * (help.splunk.com/splunk-enterprise/spl-search-reference/10.0/search-commands/join).
 */
export function aliasedKeys(node: GenericCommand, leftAlias: string, rightAlias: string, where: readonly GenericArg[], span: Span): AliasedKeys {
  const keys: AliasedKeys = { leftAlias, rightAlias, leftFields: [], rightFields: [] };
  const side = (text: string): ['left' | 'right', string] | null => {
    for (const [alias, which] of [[leftAlias, 'left'], [rightAlias, 'right']] as const) {
      if (text.startsWith(`${alias}.`) && text.length > alias.length + 1) return [which, text.slice(alias.length + 1)];
    }
    return null;
  };
  for (const arg of where) {
    if (arg.kind === 'comma' || (arg.kind === 'word' && !arg.quoted && arg.text.toUpperCase() === 'AND')) continue;
    const bad = () =>
      new SplError('bad-argument', `${node.name}: the where clause compares ${leftAlias}.<field>=${rightAlias}.<field>`, arg.span, [
        `e.g. join left=${leftAlias} right=${rightAlias} where ${leftAlias}.pid=${rightAlias}.pid [search ...]`,
      ]);
    if (arg.kind !== 'assign' || arg.op !== '=' || arg.value.kind !== 'word' || arg.value.quoted) throw bad();
    const a = side(arg.name);
    const b = side(arg.value.text);
    if (!a || !b || a[0] === b[0]) throw bad();
    const [l, r] = a[0] === 'left' ? [a[1], b[1]] : [b[1], a[1]];
    keys.leftFields.push(l);
    keys.rightFields.push(r);
  }
  if (keys.leftFields.length === 0) throw new SplError('bad-argument', `${node.name}: where needs at least one ${leftAlias}.<field>=${rightAlias}.<field>`, span);
  return keys;
}

/**
 * usetime=true: a right row joins only if it is not later (earlier=true) or not earlier (earlier=false) than the left
 * row; rows in the same second are kept either way (Search Reference "join", usetime/earlier). A row without a time
 * never passes.
 */
export function timeFilter(earlier: boolean): (left: Event, right: Event) => boolean {
  return (left, right) => {
    const l = Math.floor(eventTime(left));
    const r = Math.floor(eventTime(right));
    if (Number.isNaN(l) || Number.isNaN(r)) return false;
    return earlier ? r <= l : r >= l;
  };
}

/** The right side indexed by its key fields; without any, the fields common to the first left row and the right rows. */
export class RightSide {
  private index: Map<string, Event[]> | null = null;
  private leftFields: readonly string[];
  private rightFields: readonly string[];

  constructor(
    private readonly rows: Event[],
    leftFields: readonly string[],
    rightFields: readonly string[],
  ) {
    this.leftFields = leftFields;
    this.rightFields = rightFields;
  }

  matches(left: Event): Event[] {
    if (this.index === null) {
      if (this.leftFields.length === 0) this.leftFields = this.rightFields = commonFields(left, this.rows);
      this.index = new Map();
      for (const row of this.rows) {
        const key = valueKey(row, this.rightFields);
        if (key === null) continue;
        const list = this.index.get(key);
        if (list) list.push(row);
        else this.index.set(key, [row]);
      }
    }
    const key = this.leftFields.length === 0 ? null : valueKey(left, this.leftFields);
    return key === null ? [] : (this.index.get(key) ?? []);
  }
}

/** Fields (other than internal ones) present in the left row and in some right row. */
function commonFields(left: Event, rows: readonly Event[]): string[] {
  const right = new Set<string>();
  for (const row of rows) for (const name of row.names()) right.add(name);
  return left.names().filter((n) => right.has(n) && !n.startsWith('_'));
}
