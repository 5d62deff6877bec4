// Reading only a detection's `name` and `search` (what a pack needs): the two top-level entries parsed alone, the whole file parsed only when in doubt.
import fs from 'node:fs';
import YAML from 'yaml';
import { readDetection } from './detection.js';
import { SplError } from './errors.js';

/** A detection as a pack runs it. */
export interface DetectionFields {
  name: string;
  search: string;
}

/** A top-level key at the start of a line (`key:` then a space or the line's end). */
const TOP_KEY = /^([A-Za-z_][\w.-]*):(?=\s|$)/;

/**
 * The text of each top-level entry, by key: from its key's line to the next top-level key. Null when the file is
 * not a plain block mapping the reader can cut so: a line at column 0 that is neither a plain `key:`, a comment, a
 * list item nor blank (directives, `---`, anchors or tags on the root, `<<:` merges, `? ` keys, quoted keys, tabs,
 * a flow mapping), or a repeated key.
 */
export function topLevelEntries(text: string): Map<string, string> | null {
  const entries = new Map<string, string>();
  let key: string | null = null;
  let start = 0;
  for (let at = 0; at < text.length; ) {
    const eol = text.indexOf('\n', at);
    const next = eol < 0 ? text.length : eol + 1;
    const c = text.charCodeAt(at);
    // Indented lines, blank lines, comments and list items (`- ...` at column 0 under a key) continue the entry.
    const continues = c === 32 || c === 10 || c === 13 || c === 35 || (c === 45 && (next - at <= 2 || text.charCodeAt(at + 1) === 32));
    if (!continues) {
      const m = TOP_KEY.exec(text.slice(at, next));
      if (!m) return null;
      if (key !== null) entries.set(key, text.slice(start, at));
      key = m[1]!;
      if (entries.has(key)) return null;
      start = at;
    }
    at = next;
  }
  if (key !== null) entries.set(key, text.slice(start));
  return entries;
}

/** The inside of a `'...'` scalar: any text whose quotes are doubled (YAML's only escape in it). */
const SINGLE_QUOTED_BODY = /^(?:[^']|'')*$/;
/** A one-line plain scalar that YAML's core schema reads as a string: starts with a letter, no `:` or `#`, not null/true/false. */
const PLAIN_STRING = /^[A-Za-z][^:#\r\n]*$/;
const NOT_STRING = /^(?:null|true|false)$/i;

/**
 * A single-quoted scalar's inside, folded as YAML folds a flow scalar over lines: white space around line breaks
 * goes, a break between two lines becomes a space, each empty line a newline. Undefined for a continuation line
 * at column 0 (left to the yaml package).
 */
export function foldSingleQuoted(body: string): string | undefined {
  const lines = body.split(/\r?\n/);
  let out = lines.length === 1 ? lines[0]! : lines[0]!.replace(/[ \t]+$/, '');
  let empty = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const last = i === lines.length - 1;
    if (line !== '' && line[0] !== ' ' && line[0] !== '\t') return undefined;
    const text = last ? line.replace(/^[ \t]+/, '') : line.replace(/^[ \t]+|[ \t]+$/g, '');
    if (text === '' && !last) {
      empty++;
      continue;
    }
    out += (empty ? '\n'.repeat(empty) : ' ') + text;
    empty = 0;
  }
  return out.replace(/''/g, "'");
}

/**
 * The value of an entry written as a single-quoted string (on one line or several) or a one-line plain string
 * (most ESCU detections' name and search), as YAML reads it; undefined for anything else.
 */
export function quickString(text: string, key: string): { value: string } | undefined {
  const raw = text.slice(key.length + 1).replace(/^[ \t]+/, '').replace(/[\r\n \t]+$/, '');
  if (raw.length >= 2 && raw.startsWith("'") && raw.endsWith("'")) {
    const body = raw.slice(1, -1);
    if (!SINGLE_QUOTED_BODY.test(body)) return undefined;
    const value = foldSingleQuoted(body);
    return value === undefined ? undefined : { value };
  }
  if (PLAIN_STRING.test(raw) && !NOT_STRING.test(raw)) return { value: raw };
  return undefined;
}

/** One entry's value, parsed alone as the mapping `key: ...` (the yaml package, as for the whole file); undefined when absent or unparsable. */
function entryValue(entries: Map<string, string>, key: string): { value: unknown } | undefined {
  const text = entries.get(key);
  if (text === undefined) return undefined;
  const quick = quickString(text, key);
  if (quick) return quick;
  try {
    const doc: unknown = YAML.parse(text);
    if (doc === null || typeof doc !== 'object' || !(key in doc)) return undefined;
    return { value: (doc as Record<string, unknown>)[key] };
  } catch {
    return undefined;
  }
}

/**
 * `name` and `search` from the text, as readDetection reads them from the whole file; null when the fast way is in
 * doubt (the caller then parses the whole file).
 */
export function fastDetectionFields(text: string, file: string): DetectionFields | null {
  const entries = topLevelEntries(text);
  if (!entries) return null;
  const search = entryValue(entries, 'search');
  if (!search || typeof search.value !== 'string' || search.value.trim() === '') return null;
  const name = entries.has('name') ? entryValue(entries, 'name') : { value: undefined };
  if (!name) return null;
  const value = name.value;
  return { name: typeof value === 'string' || typeof value === 'number' ? String(value) : file, search: search.value };
}

/** A detection's name and search: the fast reader, else readDetection (its errors too). */
export function readDetectionFields(file: string): DetectionFields {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new SplError('usage', `cannot read detection file ${file}: ${(e as Error).message}`);
  }
  const fast = fastDetectionFields(text, file);
  if (fast) return fast;
  const { name, search } = readDetection(file);
  return { name, search };
}
