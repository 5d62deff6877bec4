// Test helper: lookup tables written to a fresh temporary folder, and queries run with a library over it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compile } from '../../src/query.js';
import { LookupLibrary, type LookupLibraryOptions } from '../../src/lookups/index.js';
import type { FieldValue } from '../../src/runtime/event.js';
import { SplError } from '../../src/errors.js';

/** A fresh folder holding `files` (name → content). */
export function tempFolder(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'splq-lookups-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** A library over `dir` that collects warnings instead of printing them. */
export function libraryOver(dir: string, opts: Omit<LookupLibraryOptions, 'paths'> = {}): LookupLibrary {
  return LookupLibrary.load({ paths: [dir], onWarning: () => undefined, ...opts });
}

type Plain = Record<string, FieldValue | null | undefined>;

export function run(query: string, lookups: LookupLibrary, events: Plain[] = []): Array<Record<string, FieldValue>> {
  return compile(query, { lookups, now: 1700000000 }).runSync(events).map((e) => e.toObject());
}

/** The SplError compiling or running `query` throws. */
export function errorOf(query: string, lookups: LookupLibrary, events: Plain[] = []): SplError {
  try {
    run(query, lookups, events);
  } catch (e) {
    if (e instanceof SplError) return e;
    throw e;
  }
  throw new Error(`expected "${query}" to fail`);
}
