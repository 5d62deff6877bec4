// Guess from the command line alone how many pool workers a `splq run` will start, so they can load while the CLI does.
import { DEFAULT_SPLIT_BYTES, SMALL_INPUT_BYTES } from './limits.js';

/** What the guess needs from the command line (read the way commander reads `run`'s options). */
export interface RunArgs {
  command: string | undefined;
  /** Values of `-i`/`--input`. */
  inputs: string[];
  /** `--threads`, as written. */
  threads: string | undefined;
  /** Values of `--detection`. */
  detections: string[];
  pack: boolean;
}

/** What the guess may ask about a path: its size when it is a regular file, else undefined (folder, glob, missing). */
export type FileProbe = (path: string) => number | undefined;

/** An option word (not a value): starts with '-' and is not '-' alone (stdin). */
const isOptionWord = (arg: string): boolean => arg.startsWith('-') && arg !== '-';

/**
 * The command and the few options the guess reads. Variadic options (-i, --detection) take the words up to the next
 * option word, as commander does; `--` ends the options.
 */
export function readRunArgs(argv: readonly string[]): RunArgs {
  const args: RunArgs = { command: undefined, inputs: [], threads: undefined, detections: [], pack: false };
  let collecting: string[] | null = null;
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (!isOptionWord(arg)) {
      if (collecting) collecting.push(arg);
      else args.command ??= arg;
      continue;
    }
    collecting = null;
    const [name, inline] = splitInline(arg);
    if (name === '-i' || name === '--input') collecting = inline === undefined ? args.inputs : (args.inputs.push(inline), null);
    else if (name === '--detection') collecting = inline === undefined ? args.detections : (args.detections.push(inline), null);
    else if (name === '--pack') args.pack = true;
    else if (name === '--threads') args.threads = inline ?? argv[++i];
  }
  return args;
}

/** `--name=value` as [name, value]; other words as [word, undefined]. */
function splitInline(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
}

/**
 * Workers the run will most likely use, by the rules of units.ts and plan.ts (threads: `--threads`, else every
 * core from SMALL_INPUT_BYTES of input; a plain file over DEFAULT_SPLIT_BYTES is cut into up to one range per
 * thread; one thread fewer than units at most, the main thread being one). 0 whenever the command line leaves it
 * unsure: not `run`, a pack, standard input, an input that is not a regular file (a folder or glob is not listed
 * here). A wrong guess costs a worker's start, never a result: the query may still run on one thread.
 */
export function prestartCount(argv: readonly string[], probe: FileProbe, cores: number): number {
  const args = readRunArgs(argv);
  if (args.command !== 'run' || args.pack || args.detections.length > 1 || args.inputs.length === 0) return 0;
  if (args.detections.length === 1 && probe(args.detections[0]!) === undefined) return 0; // a folder is a pack
  if (args.threads !== undefined && !/^[1-9]\d*$/.test(args.threads)) return 0;
  const sizes: number[] = [];
  for (const input of args.inputs) {
    const size = input === '-' ? undefined : probe(input);
    if (size === undefined) return 0;
    sizes.push(size);
  }
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const threads = args.threads !== undefined ? Number(args.threads) : total < SMALL_INPUT_BYTES ? 1 : cores;
  const units = args.inputs.reduce((sum, input, i) => sum + unitsOf(input, sizes[i]!, threads), 0);
  return Math.max(0, Math.min(threads, units) - 1);
}

/** Units planUnits makes of one file (a .gz file is never cut). */
function unitsOf(file: string, size: number, threads: number): number {
  if (size <= DEFAULT_SPLIT_BYTES || file.toLowerCase().endsWith('.gz')) return 1;
  return Math.max(1, Math.min(threads, Math.floor(size / DEFAULT_SPLIT_BYTES)));
}
