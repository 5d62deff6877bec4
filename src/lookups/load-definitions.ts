// Reading lookup definitions: ESCU lookups/*.yml files and Splunk transforms.conf stanzas, from files or folders.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { SplError } from '../errors.js';
import { toDefinition, type LookupDefinition, type RawDefinition } from './definition.js';
import { loadFromPaths } from '../util/definition-files.js';

const YAML_FILE = /\.ya?ml$/i;
const SETTINGS = ['filename', 'collection', 'fields_list', 'match_type', 'case_sensitive_match', 'min_matches', 'max_matches', 'default_match'] as const;

function loadError(where: string, message: string): SplError {
  return new SplError('lookup-load', `bad lookup definition ${where}: ${message}`);
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new SplError('lookup-load', `cannot read lookup definition ${file}: ${(e as Error).message}`);
  }
}

/** The settings of a parsed object, as strings (YAML gives numbers for `min_matches: 1`). */
function rawFrom(get: (key: string) => unknown, name: string): RawDefinition {
  const raw: RawDefinition = { name };
  for (const key of SETTINGS) {
    const value = get(key);
    if (value !== undefined && value !== null) raw[key] = String(value);
  }
  return raw;
}

/** One ESCU lookup YAML file (`name`, `filename` or `collection`, match settings); the CSV sits beside it. */
export function parseLookupYaml(text: string, file: string): LookupDefinition {
  let doc: unknown;
  try {
    doc = YAML.parse(text);
  } catch (e) {
    throw loadError(file, (e as Error).message.split('\n')[0]!);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw loadError(file, 'expected a mapping');
  const obj = doc as Record<string, unknown>;
  if (typeof obj.name !== 'string' || obj.name.trim() === '') throw loadError(file, 'expected a `name:`');
  const dir = path.dirname(file);
  return toDefinition(rawFrom((k) => obj[k], obj.name.trim()), file, (f) => path.join(dir, f));
}

/**
 * transforms.conf: `[name]` stanzas with `filename` (looked for in the conf file's folder, then its `../lookups/`, as
 * in an app) or `collection`. Stanzas with neither (field extractions, external lookups) are not lookups and are skipped.
 */
export function parseTransformsConf(text: string, file: string): LookupDefinition[] {
  const dir = path.dirname(file);
  const findFile = (name: string) => {
    const inAppLookups = path.join(dir, '..', 'lookups', name);
    return !fs.existsSync(path.join(dir, name)) && fs.existsSync(inAppLookups) ? inAppLookups : path.join(dir, name);
  };
  const defs: LookupDefinition[] = [];
  for (const stanza of readStanzas(text, file)) {
    if (stanza.header === 'default' || (!stanza.keys.has('filename') && !stanza.keys.has('collection'))) continue;
    const origin = `${file}:${stanza.line}`;
    defs.push(toDefinition(rawFrom((k) => stanza.keys.get(k), stanza.header), origin, findFile));
  }
  return defs;
}

interface Stanza {
  header: string;
  line: number;
  keys: Map<string, string>;
}

/** `[stanza]` headers and `key = value` lines; `#` comments; a trailing `\` continues the line. */
function readStanzas(text: string, file: string): Stanza[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const stanzas: Stanza[] = [];
  let current: Stanza | undefined;
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let line = lines[i]!;
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i]!;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const header = /^\[(.*)\]$/.exec(trimmed);
    if (header) {
      current = { header: header[1]!.trim(), line: lineNo, keys: new Map() };
      stanzas.push(current);
      continue;
    }
    const eq = trimmed.indexOf('=');
    if (eq <= 0) throw loadError(`${file}:${lineNo}`, `expected \`[stanza]\` or \`key = value\`, got "${trimmed}"`);
    current?.keys.set(trimmed.slice(0, eq).trim(), trimmed.slice(eq + 1).trim());
  }
  return stanzas;
}

/** A lookup definition file: ESCU YAML or transforms.conf. */
const isDefinitionFile = (name: string): boolean => YAML_FILE.test(name) || name === 'transforms.conf';

/** Definitions in one file, by its type. */
export function loadDefinitionFile(file: string): LookupDefinition[] {
  const text = readText(file);
  return YAML_FILE.test(file) ? [parseLookupYaml(text, file)] : parseTransformsConf(text, file);
}

/** Definitions from files and folders (a folder: its *.yml and transforms.conf files, recursively), in order. */
export function loadDefinitions(paths: string[]): LookupDefinition[] {
  return loadFromPaths(paths, isDefinitionFile, loadDefinitionFile, (p) => new SplError('lookup-load', `lookups path not found: ${p}`));
}
