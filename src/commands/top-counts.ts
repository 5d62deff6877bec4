// Shared engine of `top` and `rare`: count value combinations per by-group, order them, keep the first N with count/percent.
import type { GenericCommand } from '../ast.js';
import type { CommandDef, CompiledCommand, Stage } from '../engine/types.js';
import { SplError } from '../errors.js';
import { Event, scalarToString, valuesOf, type Scalar } from '../runtime/event.js';
import { clauseArgs, fieldList, missingSpan, parseIntArg, readOptions } from './generic-args.js';
import { compareKeys, sortKey, type SortKey } from './sort-keys.js';

interface TopPlan {
  fields: string[];
  by: string[];
  limit: number;
  countField: string | null;
  percentField: string | null;
  otherText: string | null;
  /** +1 for top (most common first), -1 for rare. */
  direction: 1 | -1;
}

interface Tally {
  values: Scalar[];
  count: number;
}

interface Group {
  byValues: Scalar[];
  total: number;
  tallies: Map<string, Tally>;
}

const OPTIONS = ['limit', 'countfield', 'percentfield', 'showcount', 'showperc', 'useother', 'otherstr'];

function readPlan(node: GenericCommand, direction: 1 | -1): TopPlan {
  const clauses = clauseArgs(node, ['by']);
  const { options, rest } = readOptions(node.name, clauses.get(null) ?? [], OPTIONS);
  const words = fieldList(node.name, rest);
  let limit = options.int('limit', 10);
  if (words.length > 1 && /^\d+$/.test(words[0]!.name)) {
    const count = words.shift()!;
    limit = parseIntArg(node.name, 'the count', count.name, count.span);
  }
  if (words.length === 0) throw new SplError('bad-argument', `${node.name}: expected at least one field`, missingSpan(node));
  return {
    fields: words.map((w) => w.name),
    by: fieldList(node.name, clauses.get('by') ?? []).map((w) => w.name),
    limit,
    countField: options.bool('showcount', true) ? options.text('countfield', 'count') : null,
    percentField: options.bool('showperc', true) ? options.text('percentfield', 'percent') : null,
    otherText: options.bool('useother', false) ? options.text('otherstr', 'OTHER') : null,
    direction,
  };
}

/** Every combination of the fields' values (a multivalue contributes each value); empty when a field is missing. */
function combinations(ev: Event, fields: string[]): Scalar[][] {
  let combos: Scalar[][] = [[]];
  for (const f of fields) {
    const values = valuesOf(ev.get(f));
    combos = combos.flatMap((c) => values.map((v) => [...c, v]));
  }
  return combos;
}

const keyOf = (values: Scalar[]): string => JSON.stringify(values.map(scalarToString));

/** Order value lists by their values' auto sort keys (computed once per list, not per comparison). */
function sortByValues<T>(items: T[], valuesOf: (item: T) => Scalar[], first: (a: T, b: T) => number = () => 0): T[] {
  const keyed = items.map((item) => ({ item, keys: valuesOf(item).map((v) => sortKey(v, 'auto')) }));
  keyed.sort((a, b) => first(a.item, b.item) || compareKeyLists(a.keys, b.keys));
  return keyed.map((k) => k.item);
}

function compareKeyLists(a: SortKey[], b: SortKey[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareKeys(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return 0;
}

function emitGroup(plan: TopPlan, group: Group, next: Stage): void {
  const tallies = sortByValues([...group.tallies.values()], (t) => t.values, (x, y) => plan.direction * (y.count - x.count));
  const kept = plan.limit === 0 ? tallies : tallies.slice(0, plan.limit);
  const rows = kept.map((t) => ({ values: t.values, count: t.count }));
  const otherCount = tallies.slice(kept.length).reduce((sum, t) => sum + t.count, 0);
  if (plan.otherText !== null && otherCount > 0) rows.push({ values: plan.fields.map(() => plan.otherText!), count: otherCount });
  for (const row of rows) {
    const out = new Event();
    plan.by.forEach((f, i) => out.set(f, group.byValues[i]));
    plan.fields.forEach((f, i) => out.set(f, row.values[i]));
    if (plan.countField !== null) out.set(plan.countField, row.count);
    if (plan.percentField !== null) out.set(plan.percentField, ((row.count / group.total) * 100).toFixed(6));
    next.push(out);
  }
}

/** Transforming: memory is one counter per distinct (by-group, value combination). */
function topStage(plan: TopPlan, next: Stage): Stage {
  const groups = new Map<string, Group>();
  return {
    push: (ev) => {
      const valueCombos = combinations(ev, plan.fields);
      if (valueCombos.length === 0) return;
      for (const byValues of combinations(ev, plan.by)) {
        const byKey = keyOf(byValues);
        let group = groups.get(byKey);
        if (!group) groups.set(byKey, (group = { byValues, total: 0, tallies: new Map() }));
        group.total++;
        for (const values of valueCombos) {
          const key = keyOf(values);
          const tally = group.tallies.get(key);
          if (tally) tally.count++;
          else group.tallies.set(key, { values, count: 1 });
        }
      }
    },
    end: () => {
      for (const group of sortByValues([...groups.values()], (g) => g.byValues)) emitGroup(plan, group, next);
      next.end();
    },
  };
}

/** The command definition for `top` (direction 1) or `rare` (direction -1). */
export function topLikeCommand(name: string, direction: 1 | -1): CommandDef<GenericCommand> {
  return {
    names: [name],
    kind: 'transforming',
    compile(node): CompiledCommand {
      const plan = readPlan(node, direction);
      return { kind: 'transforming', reads: [...plan.by, ...plan.fields], limitsFields: true, factory: (next) => topStage(plan, next) };
    },
  };
}
