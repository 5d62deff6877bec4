// `lookup [local=] [update=] <table> <field> [AS <event-field>]... [OUTPUT|OUTPUTNEW <field> [AS <event-field>]...]`.
import type { GenericCommand, Span } from '../ast.js';
import type { CommandDef, Stage } from '../engine/types.js';
import { SplError } from '../errors.js';
import type { LookupDefinition, LookupTable } from '../lookups/index.js';
import type { RowFinder } from '../lookups/row-finder.js';
import { scalarToString, valuesOf, type Event, type FieldValue } from '../runtime/event.js';
import { readFieldPairs, type FieldPair } from './field-pairs.js';
import { missingSpan, readOptions, unexpectedArg } from './generic-args.js';

interface LookupPlan {
  table: string;
  tableSpan: Span;
  keys: FieldPair[];
  /** null: no OUTPUT clause (every non-key column, overwriting). */
  outputs: FieldPair[] | null;
  /** OUTPUTNEW: only fields the event lacks are written. */
  onlyNew: boolean;
}

function readPlan(node: GenericCommand): LookupPlan {
  const head = node.clauses.find((c) => c.keyword === null)!;
  const outClauses = node.clauses.filter((c) => c.keyword !== null);
  for (const c of outClauses) {
    if (c.keyword !== 'output' && c.keyword !== 'outputnew') throw new SplError('bad-argument', `lookup: unexpected "${c.keyword}" clause`, c.span);
  }
  if (outClauses.length > 1) throw new SplError('bad-argument', 'lookup: only one OUTPUT or OUTPUTNEW clause', outClauses[1]!.span);
  const { options, rest } = readOptions('lookup', head.args, ['local', 'update']);
  options.bool('local', false);
  options.bool('update', false);
  const [name, ...fieldArgs] = rest;
  if (!name) throw new SplError('bad-argument', 'lookup: expected a lookup table name', missingSpan(node));
  if (name.kind !== 'word') throw unexpectedArg('lookup', name);
  const keys = readFieldPairs('lookup', fieldArgs);
  if (keys.length === 0) throw new SplError('bad-argument', `lookup: expected a field of ${name.text} to match on`, name.span);
  const out = outClauses[0];
  const outputs = out ? readFieldPairs('lookup', out.args) : null;
  if (out && outputs!.length === 0) throw new SplError('bad-argument', `lookup: expected fields after ${out.keyword!.toUpperCase()}`, out.span);
  return { table: name.text, tableSpan: name.span, keys, outputs, onlyNew: out?.keyword === 'outputnew' };
}

/** Table columns must exist: a misspelt field is an error at compile time, not a silent miss. */
function checkColumns(plan: LookupPlan, table: LookupTable, def: LookupDefinition): void {
  if (def.file === undefined) return; // a KV store stand-in: its fields_list may not name every field
  for (const pair of [...plan.keys, ...(plan.outputs ?? [])]) {
    if (!table.columns.includes(pair.name)) {
      throw new SplError('bad-argument', `lookup: ${def.name} has no field "${pair.name}" (fields: ${table.columns.join(', ')})`, pair.span);
    }
  }
}

interface Output {
  column: number;
  field: string;
}

/** Values of `column` over `rows` (empty cells are no value), padded with the default up to min_matches. */
function outputValue(table: LookupTable, rows: number[], column: number, def: LookupDefinition): FieldValue | undefined {
  const values: string[] = [];
  for (const r of rows) {
    const cell = column < 0 ? '' : table.rows[r]![column] ?? '';
    if (cell !== '') values.push(cell);
  }
  if (rows.length < def.minMatches && def.defaultMatch !== '') for (let n = rows.length; n < def.minMatches; n++) values.push(def.defaultMatch);
  if (values.length === 0) return undefined;
  return values.length === 1 ? values[0] : values;
}

function lookupStage(next: Stage, keys: FieldPair[], outputs: Output[], onlyNew: boolean, find: RowFinder, table: LookupTable, def: LookupDefinition): Stage {
  return {
    push(ev: Event) {
      const keyValues: string[][] = [];
      for (const k of keys) {
        const values = valuesOf(ev.get(k.alias));
        if (values.length === 0) return void next.push(ev); // a missing key field: no lookup for this event
        keyValues.push(values.map(scalarToString));
      }
      const rows = find(keyValues);
      for (const o of outputs) {
        if (onlyNew && ev.has(o.field)) continue;
        ev.set(o.field, outputValue(table, rows, o.column, def));
      }
      next.push(ev);
    },
    end: () => next.end(),
  };
}

export const lookupCommand: CommandDef<GenericCommand> = {
  names: ['lookup'],
  kind: 'streaming',
  threads: 'per-event',
  notes: 'exact, `WILDCARD`, `CIDR`; `OUTPUT`/`OUTPUTNEW`; match limits from the definition ([lookups](lookups.md))',
  compile(node, ctx) {
    const plan = readPlan(node);
    const lookups = ctx.lookups;
    // The table is read now (a bad name, file or field fails at compile time); its index is built on first use,
    // so a thread that never runs this lookup (the main thread when workers do) does not build it.
    const def = lookups.definition(plan.table, plan.tableSpan);
    const table = lookups.table(plan.table, plan.tableSpan);
    checkColumns(plan, table, def);
    const keyNames = new Set(plan.keys.map((k) => k.name));
    const pairs = plan.outputs ?? table.columns.filter((c) => !keyNames.has(c)).map((c) => ({ name: c, alias: c, span: plan.tableSpan }));
    const outputs = pairs.map((p) => ({ column: table.columns.indexOf(p.name), field: p.alias }));
    let finder: RowFinder | undefined;
    const find: RowFinder = (keys) => (finder ??= lookups.finder(plan.table, plan.keys.map((k) => k.name)).find)(keys);
    return {
      kind: 'streaming',
      reads: [...plan.keys.map((k) => k.alias), ...(plan.onlyNew ? outputs.map((o) => o.field) : [])],
      factory: (next) => lookupStage(next, plan.keys, outputs, plan.onlyNew, find, table, def),
    };
  },
};
