// Compile a pack of detections with one macro and lookup library; those that fail are listed with their error, not fatal.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readDetectionFields } from '../detection-fields.js';
import { formatError, SplError } from '../errors.js';
import { LookupLibrary } from '../lookups/index.js';
import { MacroLibrary } from '../macros/index.js';
import { compile, type CompileOptions, type Query } from '../query.js';

/** One detection to run: its name (the `detection` field of its rows) and SPL. */
export interface PackEntry {
  name: string;
  spl: string;
  /** The file it came from, for messages. */
  file?: string;
}

/** A detection that compiled. */
export interface PackMember {
  name: string;
  file?: string;
  query: Query;
}

/** A detection that did not compile (or could not be read, or failed while running): skipped, with its error. */
export interface PackFailure {
  name: string;
  file?: string;
  /** The error as the CLI shows it (with the caret under the query text when there is one). */
  message: string;
  error: unknown;
}

export interface CompiledPack {
  members: PackMember[];
  failed: PackFailure[];
}

/** The error's text: an SplError formatted against the query text, else its message. */
export function failureText(error: unknown, spl?: string): string {
  if (error instanceof SplError) return formatError(error, error.source ?? spl);
  return error instanceof Error ? error.message : String(error);
}

/** Compile every entry with the same options; macros and lookups given as paths are loaded once for all. */
export function compilePack(entries: readonly PackEntry[], options: CompileOptions = {}): CompiledPack {
  const macros = options.macros instanceof MacroLibrary ? options.macros : MacroLibrary.load(options.macros ?? []);
  const lookups = options.lookups instanceof LookupLibrary ? options.lookups : LookupLibrary.load({ paths: options.lookups ?? [] });
  const shared: CompileOptions = { ...options, macros, lookups, now: options.now ?? Date.now() / 1000 };
  const pack: CompiledPack = { members: [], failed: [] };
  for (const entry of entries) {
    try {
      pack.members.push({ name: entry.name, file: entry.file, query: compile(entry.spl, shared) });
    } catch (error) {
      pack.failed.push({ name: entry.name, file: entry.file, message: failureText(error, entry.spl), error });
    }
  }
  return pack;
}

/** YAML files under a folder, recursively, in name order. */
function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/i.test(name)) out.push(path);
  }
  return out;
}

/**
 * The detections in `paths` (ESCU YAML files, or folders searched recursively for *.yml/*.yaml). A path that does
 * not exist is a usage error; a YAML file that is not a detection becomes a failure of the pack, not an error.
 */
export function readPackEntries(paths: readonly string[]): { entries: PackEntry[]; failed: PackFailure[] } {
  const entries: PackEntry[] = [];
  const failed: PackFailure[] = [];
  for (const path of paths) {
    let files: string[];
    try {
      files = statSync(path).isDirectory() ? yamlFiles(path) : [path];
    } catch (e) {
      throw new SplError('usage', `cannot read detection path ${path}: ${(e as Error).message}`);
    }
    for (const file of files) {
      try {
        // Only the name and the search are read (detection-fields.ts: the two entries, not the whole file).
        const detection = readDetectionFields(file);
        entries.push({ name: detection.name, spl: detection.search, file });
      } catch (error) {
        failed.push({ name: file, file, message: failureText(error), error });
      }
    }
  }
  return { entries, failed };
}
