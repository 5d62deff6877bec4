// The lookups a run knows: definitions by name, tables loaded once and indexed once, KV-store stand-ins, warnings.
import fs from 'node:fs';
import path from 'node:path';
import type { Span } from '../ast.js';
import { closestNames, SplError } from '../errors.js';
import { appProviding } from './app-lookups.js';
import { fileDefinition, type LookupDefinition } from './definition.js';
import { loadDefinitions } from './load-definitions.js';
import { outputPathIn } from './output-path.js';
import { buildRowFinder, type RowFinder } from './row-finder.js';
import { readTableFile, type LookupTable } from './table.js';

export interface LookupLibraryOptions {
  /** Definition files and folders (ESCU lookups/*.yml, transforms.conf); CSV files in the folders are lookups by file name too. */
  paths?: string[];
  /** `name → table file` (CSV or JSON): supplies a KV-store lookup's table, overrides a definition's file, or defines a lookup. */
  tables?: Record<string, string>;
  /** The folder outputlookup writes into (and whose CSV files are lookups by file name); without it nothing is written. */
  lookupDir?: string;
  /** Where warnings go (each is given once); default: standard error. */
  onWarning?: (message: string) => void;
}

const TABLE_FILE = /\.(csv|csv\.gz)$/i;

/** A library as plain data (definitions with their files resolved), sent to worker threads. */
export interface LookupSpec {
  definitions: LookupDefinition[];
  lookupDir: string | undefined;
  /** Tables already read (so worker threads need not parse them again). */
  tables: Array<[string, LookupTable]>;
}

function csvFilesIn(dir: string): string[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return [];
  return fs.readdirSync(dir).filter((f) => TABLE_FILE.test(f)).sort().map((f) => path.join(dir, f));
}

/** Lookup definitions and their tables for one or more runs; a table is read and each index built once. */
export class LookupLibrary {
  private readonly defs = new Map<string, LookupDefinition>();
  private readonly tables = new Map<string, LookupTable>();
  private readonly finders = new Map<string, RowFinder>();
  private readonly warned = new Set<string>();
  readonly lookupDir: string | undefined;
  private readonly onWarning: (message: string) => void;
  /** Every warning given, in order. */
  readonly warnings: string[] = [];

  constructor(defs: Iterable<LookupDefinition> = [], opts: Pick<LookupLibraryOptions, 'lookupDir' | 'onWarning'> = {}) {
    for (const d of defs) this.defs.set(d.name, d);
    this.lookupDir = opts.lookupDir;
    this.onWarning = opts.onWarning ?? ((m) => void process.stderr.write(`splq: warning: ${m}\n`));
  }

  /** Load definitions from paths, add CSV files by file name, then apply `tables` overrides. */
  static load(opts: LookupLibraryOptions = {}): LookupLibrary {
    const paths = opts.paths ?? [];
    const lib = new LookupLibrary(loadDefinitions(paths), opts);
    const folders = [...paths.filter((p) => fs.statSync(p).isDirectory()), ...(opts.lookupDir ? [opts.lookupDir] : [])];
    for (const file of folders.flatMap(csvFilesIn)) {
      const name = path.basename(file);
      if (!lib.defs.has(name)) lib.defs.set(name, fileDefinition(name, file, file));
    }
    for (const [name, file] of Object.entries(opts.tables ?? {})) lib.supplyTable(name, file);
    return lib;
  }

  /** `--lookup name=file`: the lookup's table is this file (its definition's match settings are kept). */
  supplyTable(name: string, file: string): void {
    const existing = this.defs.get(name);
    const origin = `--lookup ${name}=${file}`;
    const def: LookupDefinition = existing ? { ...existing, file, origin } : fileDefinition(name, file, origin);
    delete def.collection;
    this.defs.set(name, def);
    this.forget(name);
  }

  /** What a worker thread needs to rebuild this library (structured-cloneable); its warnings were already given here. */
  toSpec(): LookupSpec {
    return { definitions: [...this.defs.values()], lookupDir: this.lookupDir, tables: [...this.tables] };
  }

  static fromSpec(spec: LookupSpec): LookupLibrary {
    const lib = new LookupLibrary(spec.definitions, { lookupDir: spec.lookupDir, onWarning: () => undefined });
    for (const [name, table] of spec.tables) lib.tables.set(name, table);
    return lib;
  }

  names(): string[] {
    return [...this.defs.keys()];
  }

  /** The definition of `name` (also found as `name.csv`'s file name); an unknown name is an `unknown-lookup` error. */
  definition(name: string, span?: Span): LookupDefinition {
    const def = this.defs.get(name) ?? this.defs.get(`${name}.csv`);
    if (def) return def;
    const app = appProviding(name);
    const hints = [
      ...closestNames(name, this.defs.keys()).map((n) => `did you mean \`${n}\`?`),
      ...(app ? [`${name} comes with ${app}: supply its table with --lookup ${name}=file.csv`] : []),
      ...(this.defs.size === 0 ? ['no lookups are loaded: name a folder of definitions with --lookups <dir>'] : []),
    ];
    throw new SplError('unknown-lookup', `unknown lookup \`${name}\``, span, hints);
  }

  /** The table of `name`, read once; a KV-store collection without a supplied table is empty (one warning). */
  table(name: string, span?: Span): LookupTable {
    const def = this.definition(name, span);
    const cached = this.tables.get(def.name);
    if (cached) return cached;
    let table: LookupTable;
    if (def.file === undefined) {
      this.warnOnce(`kv:${def.name}`, `lookup ${def.name} is a KV store collection (${def.collection}) with no table here: it is empty; supply one with --lookup ${def.name}=file.csv`);
      table = { columns: def.fieldsList, rows: [], source: `KV store collection ${def.collection}` };
    } else {
      try {
        table = readTableFile(def.file, def.name);
      } catch (e) {
        if (e instanceof SplError && span) e.span = span;
        throw e;
      }
    }
    this.tables.set(def.name, table);
    return table;
  }

  /** The row finder for these key columns of `name`'s table (built once per key list). */
  finder(name: string, keyColumns: readonly string[], span?: Span): { def: LookupDefinition; table: LookupTable; find: RowFinder } {
    const def = this.definition(name, span);
    const table = this.table(name, span);
    const cacheKey = JSON.stringify([def.name, keyColumns]);
    let find = this.finders.get(cacheKey);
    if (!find) this.finders.set(cacheKey, (find = buildRowFinder(def, table, keyColumns)));
    return { def, table, find };
  }

  /** The file outputlookup writes for `name`: a definition's file name, else `name` (+ `.csv`), inside the lookups folder. */
  outputFile(name: string, span?: Span): string {
    const def = this.defs.get(name);
    const target = def?.file !== undefined ? path.basename(def.file) : TABLE_FILE.test(name) ? name : `${name}.csv`;
    return outputPathIn(this.lookupDir, target, span);
  }

  /** After outputlookup wrote `file` for `name`: later reads see the new table. */
  tableWritten(name: string, file: string): void {
    const def = this.defs.get(name);
    if (def) this.supplyTable(def.name, file);
    else this.defs.set(name, fileDefinition(name, file, file));
    this.forget(name);
  }

  warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warnings.push(message);
    this.onWarning(message);
  }

  private forget(name: string): void {
    this.tables.delete(name);
    for (const key of [...this.finders.keys()]) if ((JSON.parse(key) as string[])[0] === name) this.finders.delete(key);
  }
}
