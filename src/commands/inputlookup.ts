// `| inputlookup [append=<bool>] [start=<int>] [max=<int>] [strict=] <table> [WHERE <search>]`: a lookup table's rows as results.
import type { GenericCommand } from '../ast.js';
import type { CommandDef, Stage } from '../engine/types.js';
import { SplError } from '../errors.js';
import type { LookupTable } from '../lookups/index.js';
import { printGenericArg } from '../parse/print.js';
import { Event } from '../runtime/event.js';
import { clauseArgs, missingSpan, readOptions, unexpectedArg } from './generic-args.js';

/** Row `r` as a result: one field per non-empty cell, in column order (also `from lookup:`). */
export function rowEvent(table: LookupTable, r: number): Event {
  const ev = new Event();
  const row = table.rows[r]!;
  for (let c = 0; c < table.columns.length; c++) {
    const cell = row[c] ?? '';
    if (cell !== '') ev.set(table.columns[c]!, cell);
  }
  return ev;
}

export const inputlookupCommand: CommandDef<GenericCommand> = {
  names: ['inputlookup'],
  kind: 'generating',
  notes: '`where`, `append=`, `start=`, `max=`; a missing table is an error ([lookups](lookups.md))',
  compile(node, ctx) {
    const clauses = clauseArgs(node, ['where']);
    const { options, rest } = readOptions('inputlookup', clauses.get(null) ?? [], ['append', 'start', 'max', 'strict']);
    const [name, extra] = rest;
    if (!name) throw new SplError('bad-argument', 'inputlookup: expected a lookup table name', missingSpan(node));
    if (name.kind !== 'word') throw unexpectedArg('inputlookup', name);
    if (extra) throw unexpectedArg('inputlookup', extra);
    const append = options.bool('append', false);
    options.bool('strict', false);
    const start = options.int('start', 0);
    const max = options.int('max', 1_000_000_000);
    const whereClause = node.clauses.find((c) => c.keyword === 'where');
    const where = whereClause ? ctx.compileSearchText(whereClause.args.map(printGenericArg).join(' '), whereClause.span) : null;
    const table = ctx.lookups.table(name.text, name.span);
    const emitRows = (next: Stage) => {
      let sent = 0;
      for (let r = start; r < table.rows.length && sent < max; r++) {
        const ev = rowEvent(table, r);
        if (where && !where(ev)) continue;
        next.push(ev);
        sent++;
      }
    };
    return {
      kind: append ? 'streaming' : 'generating',
      reads: [],
      factory: (next) => ({
        // append=true: results so far pass through, the table's rows follow them; otherwise input is not expected.
        push: (ev) => void (append && next.push(ev)),
        end: () => {
          emitRows(next);
          next.end();
        },
      }),
    };
  },
};
