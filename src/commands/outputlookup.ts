// `outputlookup [append=] [create_empty=] [override_if_empty=] [max=] ... <table>`: write the results as a CSV table
// inside the lookups folder (--lookup-dir) and pass them on unchanged.
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { GenericCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import { SplError } from '../errors.js';
import { readTableFile } from '../lookups/table.js';
import { scalarToString, valuesOf, type Event } from '../runtime/event.js';
import { clauseArgs, missingSpan, readOptions, unexpectedArg } from './generic-args.js';

const OPTIONS = ['append', 'create_empty', 'override_if_empty', 'max', 'key_field', 'allow_updates', 'createinapp', 'create_context', 'output_format'];

/** Internal fields other than _time and _key are not written (as Splunk does not write _raw and friends to tables). */
const written = (field: string): boolean => !field.startsWith('_') || field === '_time' || field === '_key';

/** Rows of cells under the union of the results' fields, in order of first appearance; multivalues joined by newlines. */
function toRows(results: Event[], columns: string[]): string[][] {
  const seen = new Set(columns);
  for (const ev of results) for (const f of ev.names()) if (written(f) && !seen.has(f)) seen.add(f), columns.push(f);
  return results.map((ev) => columns.map((c) => valuesOf(ev.get(c)).map(scalarToString).join('\n')));
}

function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

export const outputlookupCommand: CommandDef<GenericCommand> = {
  names: ['outputlookup'],
  kind: 'dataset',
  notes: 'CSV only, only inside `--lookup-dir` ([lookups](lookups.md))',
  compile(node, ctx) {
    const { options, rest } = readOptions('outputlookup', clauseArgs(node).get(null) ?? [], OPTIONS);
    const [name, extra] = rest;
    if (!name) throw new SplError('bad-argument', 'outputlookup: expected a lookup table name', missingSpan(node));
    if (name.kind !== 'word') throw unexpectedArg('outputlookup', name);
    if (extra) throw unexpectedArg('outputlookup', extra);
    const append = options.bool('append', false);
    const createEmpty = options.bool('create_empty', true);
    const overrideIfEmpty = options.bool('override_if_empty', true);
    for (const flag of ['allow_updates', 'createinapp']) options.bool(flag, false);
    const max = options.int('max', Number.MAX_SAFE_INTEGER);
    const file = ctx.lookups.outputFile(name.text, name.span);
    const lookups = ctx.lookups;
    return {
      kind: 'dataset',
      reads: null,
      factory: (next) => {
        const held: Event[] = [];
        return {
          push: (ev) => void held.push(ev),
          end: () => {
            const results = held.slice(0, max);
            const exists = fs.existsSync(file);
            const skip = results.length === 0 && ((exists && (!overrideIfEmpty || append)) || (!exists && !createEmpty));
            if (!skip) {
              const old = append && exists ? readTableFile(file, name.text) : { columns: [], rows: [] };
              const columns = [...old.columns];
              const rows = toRows(results, columns);
              const oldRows = old.rows.map((r) => columns.map((_, i) => r[i] ?? ''));
              writeAtomically(file, stringify([columns, ...oldRows, ...rows], { record_delimiter: 'unix' }));
              lookups.tableWritten(name.text, file);
            }
            for (const ev of held) next.push(ev);
            next.end();
          },
        };
      },
    };
  },
};
