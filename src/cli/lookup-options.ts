// The CLI's lookup flags (-l/--lookups, --lookup name=path, --lookup-dir), shared by `splq run` and `splq test`.
import type { Command } from 'commander';
import { SplError } from '../errors.js';
import { LookupLibrary } from '../lookups/index.js';

export interface LookupCliOptions {
  lookups: string[];
  lookup: string[];
  lookupDir?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Declare the flags on a command. */
export function addLookupOptions(command: Command): Command {
  return command
    .option('-l, --lookups <dir>', 'lookup definitions: ESCU lookups/*.yml or transforms.conf files or folders, CSVs beside them (repeatable)', collect, [])
    .option('--lookup <name=path>', 'the table of lookup <name> is this CSV or JSON file: supplies KV-store lookups, overrides or adds one (repeatable)', collect, [])
    .option('--lookup-dir <dir>', 'the folder outputlookup writes into (nothing is written elsewhere); its CSVs are lookups too');
}

/** `name=path` pairs, checked. */
export function parseTableFlags(flags: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq <= 0 || eq === flag.length - 1) throw new SplError('usage', `--lookup expects name=path, got "${flag}"`);
    out[flag.slice(0, eq)] = flag.slice(eq + 1);
  }
  return out;
}

/** The library the flags describe; warnings (a KV store lookup with no table) go to standard error once each. */
export function loadLookups(opts: Partial<LookupCliOptions>): LookupLibrary {
  return LookupLibrary.load({ paths: opts.lookups ?? [], tables: parseTableFlags(opts.lookup ?? []), lookupDir: opts.lookupDir });
}
