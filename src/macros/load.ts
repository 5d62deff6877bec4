// Reading macro definition files: dispatch by file type, walking folders recursively.
import fs from 'node:fs';
import { SplError } from '../errors.js';
import { parseMacrosConf } from './load-conf.js';
import type { MacroDef } from './macro-def.js';
import { parseEscuMacroYaml } from './load-yaml.js';
import { loadFromPaths } from '../util/definition-files.js';

const YAML_FILE = /\.ya?ml$/i;

function isMacroFile(name: string): boolean {
  return YAML_FILE.test(name) || name === 'macros.conf';
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
  return loadFromPaths(paths, isMacroFile, loadMacroFile, (p) => new SplError('macro-load', `macro path not found: ${p}`));
}
