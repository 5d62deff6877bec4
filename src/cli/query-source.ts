// Where the CLI gets its query: an argument, -q/--query-file, --detection <yml>, or standard input.
import { readFileSync } from 'node:fs';
import { readDetection, type Detection } from '../detection.js';
import { SplError } from '../errors.js';
import { MacroLibrary } from '../macros/index.js';

export interface QuerySourceOptions {
  queryFile?: string;
  detection?: string;
  macros?: string[];
}

export interface QuerySource {
  text: string;
  /** Where it came from, for messages. */
  origin: string;
  detection?: Detection;
}

/**
 * Resolve the query text from the options, in order: argument, -q, --detection, stdin. An empty (or blank) query
 * is a usage error wherever it came from: in CI an unset variable must not turn a detection into "match everything".
 */
export function readQuery(arg: string | undefined, opts: QuerySourceOptions, allowStdin: boolean): QuerySource {
  const source = querySource(arg, opts, allowStdin);
  if (source.text.trim() === '') {
    throw new SplError('usage', `empty query (from ${source.origin}): give the SPL to run; to match every event, say so with "search *"`);
  }
  return source;
}

function querySource(arg: string | undefined, opts: QuerySourceOptions, allowStdin: boolean): QuerySource {
  const given = [arg !== undefined, opts.queryFile !== undefined, opts.detection !== undefined].filter(Boolean).length;
  if (given > 1) throw new SplError('usage', 'give the query one way only: as an argument, with -q/--query-file, or with --detection');
  if (arg !== undefined) return { text: arg, origin: 'argument' };
  if (opts.queryFile !== undefined) return { text: readText(opts.queryFile).trim(), origin: opts.queryFile };
  if (opts.detection !== undefined) {
    const detection = readDetection(opts.detection);
    return { text: detection.search, origin: opts.detection, detection };
  }
  if (!allowStdin || process.stdin.isTTY) throw new SplError('usage', 'no query given: pass it as an argument, with -q <file>, or with --detection <file.yml>');
  return { text: readFileSync(0, 'utf8').trim(), origin: 'stdin' };
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new SplError('usage', `cannot read query file ${path}: ${(e as Error).message}`);
  }
}

/** Load macro definitions from the -m paths (files or folders). */
export function loadMacros(paths: string[] | undefined): MacroLibrary {
  return MacroLibrary.load(paths ?? []);
}
