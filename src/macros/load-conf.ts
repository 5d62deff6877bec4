// Splunk macros.conf: `[name]` / `[name(N)]` stanzas with args, definition, iseval and friends.
import { SplError } from '../errors.js';
import type { MacroDef } from './macro-def.js';
import { boolWord } from '../util/bool-word.js';

interface Stanza {
  header: string;
  line: number;
  keys: Map<string, { value: string; line: number }>;
}

const STANZA = /^\[(.*)\]\s*$/;
const KEY_VALUE = /^([^=\s][^=]*?)\s*=(.*)$/s;
const NAME_WITH_ARITY = /^(.+?)\((\d+)\)$/;
const ARG_NAME = /^[A-Za-z0-9_-]+$/;

function loadError(file: string, line: number, message: string): SplError {
  return new SplError('macro-load', `bad macros.conf ${file}:${line}: ${message}`);
}

function parseBool(value: string, file: string, line: number, key: string): boolean {
  // macros.conf leaves a key empty to mean false.
  const bool = value.trim() === '' ? false : boolWord(value);
  if (bool !== undefined) return bool;
  throw loadError(file, line, `\`${key}\` must be true or false, got "${value}"`);
}

/** Split the file into stanzas; a line ending in `\` continues on the next line (the line break is kept). */
function readStanzas(text: string, file: string): Stanza[] {
  const lines = text.split(/\r?\n/);
  const stanzas: Stanza[] = [];
  let current: Stanza | undefined;
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let line = lines[i]!;
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + '\n' + lines[++i]!;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const header = STANZA.exec(trimmed);
    if (header) {
      current = { header: header[1]!.trim(), line: lineNo, keys: new Map() };
      stanzas.push(current);
      continue;
    }
    const kv = KEY_VALUE.exec(trimmed);
    if (!kv) throw loadError(file, lineNo, `expected \`[stanza]\` or \`key = value\`, got "${trimmed.split('\n')[0]}"`);
    if (!current) continue; // keys before the first stanza belong to [default], which we ignore
    current.keys.set(kv[1]!.trim(), { value: kv[2]!.trim(), line: lineNo });
  }
  return stanzas;
}

/** The stanza's argument names, checked against the arity in its header. */
function stanzaArgs(stanza: Stanza, arity: number, file: string): string[] {
  if (arity === 0) return [];
  const names = (stanza.keys.get('args')?.value ?? '').split(',').map((a) => a.trim()).filter((a) => a !== '');
  const fail = (message: string) => loadError(file, stanza.line, message);
  if (names.length !== arity) {
    throw fail(`[${stanza.header}] declares ${arity} argument(s) but args lists ${names.length}`);
  }
  const bad = names.find((n) => !ARG_NAME.test(n));
  if (bad !== undefined) throw fail(`bad argument name "${bad}" (letters, digits, _ and - only)`);
  if (new Set(names).size !== names.length) throw fail(`repeated argument name in [${stanza.header}]`);
  return names;
}

function stanzaToMacro(stanza: Stanza, file: string): MacroDef | undefined {
  if (stanza.header === 'default') return undefined;
  if (stanza.header === '') throw loadError(file, stanza.line, 'empty stanza name');
  const withArity = NAME_WITH_ARITY.exec(stanza.header);
  const name = withArity ? withArity[1]!.trim() : stanza.header;
  const arity = withArity ? Number(withArity[2]) : 0;
  const get = (key: string) => stanza.keys.get(key)?.value;
  const flag = (key: string) => {
    const entry = stanza.keys.get(key);
    return entry !== undefined && parseBool(entry.value, file, entry.line, key);
  };
  if (flag('disabled')) return undefined;
  const definition = get('definition');
  if (definition === undefined) throw loadError(file, stanza.line, `[${stanza.header}] has no definition`);
  const def: MacroDef = {
    name,
    args: stanzaArgs(stanza, arity, file),
    definition,
    iseval: flag('iseval'),
    origin: `${file}:${stanza.line}`,
  };
  for (const key of ['description', 'validation', 'errormsg'] as const) {
    const value = get(key);
    if (value !== undefined) def[key] = value;
  }
  return def;
}

/** Parse the text of a macros.conf file. */
export function parseMacrosConf(text: string, file: string): MacroDef[] {
  const defs: MacroDef[] = [];
  for (const stanza of readStanzas(text, file)) {
    const def = stanzaToMacro(stanza, file);
    if (def) defs.push(def);
  }
  return defs;
}
