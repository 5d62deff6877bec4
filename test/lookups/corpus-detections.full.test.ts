// The ESCU detections (not tstats) whose only missing piece was `lookup`: each runs over no events and over one
// synthetic event made from its lookups' first rows, and each of its lookup commands finds that row.
// Lookups that ship with other apps (Enterprise Security, URL Toolbox) and KV-store collections get a one-row
// stand-in table through `tables` (what `--lookup name=file` does). Skipped with a notice without ../shared.
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import type { Command, GenericCommand, Pipeline } from '../../src/ast.js';
import { listFiles, sharedDir } from '../../src/corpus.js';
import { readDetection } from '../../src/detection.js';
import { compilePipeline, createCompileContext } from '../../src/engine/compile-pipeline.js';
import { isSplError } from '../../src/errors.js';
import { LookupLibrary } from '../../src/lookups/index.js';
import { MacroLibrary } from '../../src/macros/index.js';
import { printCommand } from '../../src/parse/print.js';
import { compile } from '../../src/query.js';
import { parseSpl } from '../../src/query-text.js';
import { valuesOf, type FieldValue } from '../../src/runtime/event.js';
import { UTC } from '../../src/time/zone.js';
import { readFieldPairs, type FieldPair } from '../../src/commands/field-pairs.js';
import { tempFolder } from './helpers.js';

const shared = sharedDir();
const root = shared && path.join(shared, 'corpus/security_content');
const available = root !== undefined && fs.existsSync(path.join(root, 'lookups'));
if (!available) console.warn('corpus-detections.test: ../shared/corpus/security_content not found; skipping the lookup detections');

const NOW = 1700000000;
const quiet = { onWarning: () => undefined };

interface LookupUse {
  table: string;
  keys: FieldPair[];
  outputs: FieldPair[] | null;
  text: string;
}

const isLookup = (c: Command): c is GenericCommand => c.kind === 'generic' && c.name === 'lookup';

function lookupUse(c: GenericCommand): LookupUse {
  const head = c.clauses[0]!.args.filter((a) => a.kind !== 'assign');
  const out = c.clauses.find((cl) => cl.keyword === 'output' || cl.keyword === 'outputnew');
  const table = head[0]!.kind === 'word' ? head[0]!.text : '';
  return { table, keys: readFieldPairs('lookup', head.slice(1)), outputs: out ? readFieldPairs('lookup', out.args) : null, text: printCommand(c) };
}

/** Non-tstats detections with a lookup, whose every command that fails without lookups is a lookup. */
function lookupOnlyDetections(macros: MacroLibrary): Array<{ file: string; ast: Pipeline; search: string }> {
  const ctx = createCompileContext(UTC, NOW, { lookups: new LookupLibrary([], quiet) });
  const out: Array<{ file: string; ast: Pipeline; search: string }> = [];
  for (const file of listFiles(path.join(root!, 'detections'), '.yml')) {
    const search = readDetection(file).search;
    if (/^\s*\|\s*tstats\b/.test(search)) continue;
    const ast = parseSpl(search, { macros }).ast;
    if (!ast.commands.some(isLookup)) continue;
    const failing = ast.commands.filter((c, i) => {
      try {
        compilePipeline({ ...ast, commands: [c], leadingPipe: ast.leadingPipe && i === 0 }, ctx);
        return false;
      } catch (e) {
        if (!isSplError(e)) throw e;
        return true;
      }
    });
    if (failing.every(isLookup)) out.push({ file: path.relative(root!, file), ast, search });
  }
  return out;
}

/** A value the cell matches: WILDCARD `*` filled in. */
const sample = (cell: string) => cell.replace(/\*/g, 'x');

describe.skipIf(!available)('ESCU detections that need only lookup', () => {
  const macros = MacroLibrary.load([path.join(root!, 'macros')]);
  const detections = available ? lookupOnlyDetections(macros) : [];
  const corpusLookups = available ? LookupLibrary.load({ paths: [path.join(root!, 'lookups')], ...quiet }) : new LookupLibrary();

  /** One-row stand-ins for lookups the corpus lacks or keeps in the KV store: the columns this query names. */
  function standIns(uses: LookupUse[]): Record<string, string> {
    const dir = tempFolder();
    const tables: Record<string, string> = {};
    for (const use of uses) {
      const known = corpusLookups.names().includes(use.table);
      if (known && corpusLookups.definition(use.table).file !== undefined) continue;
      const columns = [...new Set([...use.keys.map((k) => k.name), ...(use.outputs ?? [{ name: `${use.table}_value` }]).map((o) => o.name)])];
      const file = path.join(dir, `${use.table}.csv`);
      fs.writeFileSync(file, stringify([columns, columns.map((c) => `${c}_1`)]));
      tables[use.table] = file;
    }
    return tables;
  }

  it('finds the detections (38 when the issue was filed: 33 with corpus lookups, 5 with app lookups)', () => {
    expect(detections.length).toBeGreaterThanOrEqual(38);
  });

  for (const d of detections) {
    it(d.file, () => {
      const uses = d.ast.commands.filter(isLookup).map(lookupUse);
      const lookups = LookupLibrary.load({ paths: [path.join(root!, 'lookups')], tables: standIns(uses), ...quiet });
      const query = compile(d.search, { macros, lookups, now: NOW });
      expect(Array.isArray(query.runSync([]))).toBe(true);
      // One event holding, for every lookup, the key values of its table's first row.
      const event: Record<string, FieldValue> = {};
      for (const use of uses) {
        const table = lookups.table(use.table);
        const row = table.rows[0]!;
        for (const k of use.keys) event[k.alias] ??= sample(row[table.columns.indexOf(k.name)] ?? '');
      }
      expect(Array.isArray(query.runSync([event]))).toBe(true);
      // Each lookup command alone finds its first row for that event (unless an earlier lookup took the field).
      let checked = 0;
      for (const use of uses) {
        const table = lookups.table(use.table);
        if (!use.keys.every((k) => event[k.alias] === sample(table.rows[0]![table.columns.indexOf(k.name)] ?? ''))) continue;
        checked++;
        const [result] = compile(`search * | ${use.text}`, { lookups, now: NOW }).runSync([{ ...event }]).map((e) => e.toObject());
        const keyNames = new Set(use.keys.map((k) => k.name));
        const outputs = use.outputs ?? table.columns.filter((c) => !keyNames.has(c)).map((c) => ({ name: c, alias: c }));
        for (const o of outputs) {
          const cell = table.rows[0]![table.columns.indexOf(o.name)] ?? '';
          if (cell !== '') expect(valuesOf(result![o.alias])[0], `${use.table}.${o.name} → ${o.alias}`).toBe(cell);
        }
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
});
