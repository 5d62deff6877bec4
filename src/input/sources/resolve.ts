// Resolve command-line input arguments (files, globs, folders, `-`) into the ordered list of inputs to read.
import { access, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import { SplError } from '../../errors.js';
import { expandGlob, filesUnder, isGlob } from './glob.js';
import { cannotRead } from './input-error.js';

/** The argument meaning standard input. */
export const STDIN = '-';

/** Extensions read when a folder is given (a `.gz` suffix may follow any of them). Named files are always read. */
export const FOLDER_EXTENSIONS: readonly string[] = ['.json', '.ndjson', '.jsonl', '.log', '.xml'];

/**
 * Inputs in reading order: each argument in turn; a glob expands to its sorted matches, a folder to its
 * files (recursive, sorted, hidden names skipped, only FOLDER_EXTENSIONS); `-` is stdin; no arguments means stdin.
 */
export async function resolveInputs(args: readonly string[]): Promise<string[]> {
  if (args.length === 0) return [STDIN];
  const inputs: string[] = [];
  for (const arg of args) inputs.push(...(await resolveOne(arg)));
  return inputs;
}

async function resolveOne(arg: string): Promise<string[]> {
  if (arg === STDIN) return [STDIN];
  if (isGlob(arg)) {
    const matches = await expandGlob(arg);
    if (matches.length === 0) throw new SplError('input-error', `no files match ${arg}`);
    return matches;
  }
  try {
    if ((await stat(arg)).isDirectory()) return await folderInputs(arg);
    await access(arg, constants.R_OK);
    return [arg];
  } catch (err) {
    throw cannotRead(arg, err);
  }
}

async function folderInputs(dir: string): Promise<string[]> {
  const files = (await filesUnder(dir)).filter(hasInputExtension);
  if (files.length === 0) {
    throw new SplError('input-error', `no input files in folder ${dir}`, undefined, [
      `a folder contributes files ending in ${FOLDER_EXTENSIONS.join(', ')} (optionally .gz); name other files explicitly`,
    ]);
  }
  return files;
}

/** True for a file name ending in one of FOLDER_EXTENSIONS, optionally followed by `.gz`. */
export function hasInputExtension(path: string): boolean {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  return FOLDER_EXTENSIONS.some((ext) => name.endsWith(ext));
}
