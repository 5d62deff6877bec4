// Reading macro definition files: dispatch by file type, walking folders recursively.
import fs from 'node:fs';
import path from 'node:path';
import { SplError } from '../errors.js';
import { parseMacrosConf } from './load-conf.js';
import type { MacroDef } from './macro-def.js';
import { parseEscuMacroYaml } from './load-yaml.js';

const YAML_FILE = /\.ya?ml$/i;

function isMacroFile(name: string): boolean {
  return YAML_FILE.test(name) || name === 'macros.conf';
}

/** Every macro file under `dir` (ESCU YAML and `macros.conf`), recursively, in sorted order. */
function listMacroFiles(dir: string): string[] {
  // Code-unit order: localeCompare would first build an ICU collator (~10 ms of start-up).
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listMacroFiles(full));
    else if (entry.isFile() && isMacroFile(entry.name)) files.push(full);
  }
  return files;
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new SplError('macro-load', `cannot read macro file ${file}: ${(e as Error).message}`);
  }
}

/** Parse one file by its type: `.yml`/`.yaml` is ESCU YAML, anything else is macros.conf syntax. */
export function loadMacroFile(file: string): MacroDef[] {
  const text = readText(file);
  return YAML_FILE.test(file) ? [parseEscuMacroYaml(text, file)] : parseMacrosConf(text, file);
}

/** Load all macro definitions from files and folders, in the order given. */
export function loadMacroFiles(paths: string[]): MacroDef[] {
  const defs: MacroDef[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new SplError('macro-load', `macro path not found: ${p}`);
    }
    const files = stat.isDirectory() ? listMacroFiles(p) : [p];
    for (const file of files) defs.push(...loadMacroFile(file));
  }
  return defs;
}
