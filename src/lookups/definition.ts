// A lookup definition (an ESCU lookups/*.yml file or a transforms.conf stanza): where its table is and how it matches.
import { SplError } from '../errors.js';

/** How a lookup field's table values are matched against event values (transforms.conf `match_type`). */
export type MatchType = 'EXACT' | 'WILDCARD' | 'CIDR';

export interface LookupDefinition {
  name: string;
  /** The table file, resolved to a path (CSV, or JSON from `--lookup name=path.json`); absent for KV-store collections. */
  file?: string;
  /** The KV-store collection name (`collection`), when the definition has one. */
  collection?: string;
  /** Columns of a KV-store collection (`fields_list`), used as the columns of its empty stand-in table. */
  fieldsList: string[];
  /** Fields whose table values are WILDCARD or CIDR patterns; every other field matches exactly. */
  matchTypes: Map<string, MatchType>;
  /** `case_sensitive_match` (default true). */
  caseSensitive: boolean;
  /** `min_matches` (default 0) and `default_match` (default ""): fewer matches than min are padded with the default. */
  minMatches: number;
  defaultMatch: string;
  /** `max_matches`: at most this many matching rows per input value, in file order (default 100; range 1-1000). */
  maxMatches: number;
  /** Where the definition came from (file, or file:line), for messages. */
  origin: string;
}

/** The settings of a definition as written (strings), before checking. */
export interface RawDefinition {
  name: string;
  filename?: string;
  collection?: string;
  fields_list?: string;
  match_type?: string;
  case_sensitive_match?: string;
  min_matches?: string;
  max_matches?: string;
  default_match?: string;
}

const TRUE_WORDS = new Set(['1', 'true', 't', 'yes', 'y']);
const FALSE_WORDS = new Set(['0', 'false', 'f', 'no', 'n']);
const MATCH_TYPE = /^\s*(WILDCARD|CIDR|EXACT)\s*\(\s*([^)]*?)\s*\)\s*$/i;

export const DEFAULT_MAX_MATCHES = 100;

function bad(origin: string, message: string): SplError {
  return new SplError('lookup-load', `bad lookup definition ${origin}: ${message}`);
}

/** `WILDCARD(a), CIDR(b)` → field → type. */
export function parseMatchTypes(text: string | undefined, origin: string): Map<string, MatchType> {
  const out = new Map<string, MatchType>();
  if (text === undefined || text.trim() === '') return out;
  for (const part of text.split(/,(?![^(]*\))/)) {
    const m = MATCH_TYPE.exec(part);
    if (!m) throw bad(origin, `match_type "${part.trim()}" is not WILDCARD(field) or CIDR(field)`);
    out.set(m[2]!, m[1]!.toUpperCase() as MatchType);
  }
  return out;
}

function parseBool(value: string | undefined, fallback: boolean, key: string, origin: string): boolean {
  if (value === undefined) return fallback;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  throw bad(origin, `${key} must be true or false, not "${value}"`);
}

function parseCount(value: string | undefined, fallback: number, key: string, origin: string, min: number, max: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < min || n > max) throw bad(origin, `${key} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

/** Check a definition's settings; `resolveFile` turns `filename` into a path (relative to where the definition lives). */
export function toDefinition(raw: RawDefinition, origin: string, resolveFile: (name: string) => string): LookupDefinition {
  if (!raw.name) throw bad(origin, 'it has no name');
  if (raw.filename === undefined && raw.collection === undefined) throw bad(origin, 'it has neither filename nor collection');
  const def: LookupDefinition = {
    name: raw.name,
    fieldsList: (raw.fields_list ?? '').split(',').map((f) => f.trim()).filter((f) => f !== ''),
    matchTypes: parseMatchTypes(raw.match_type, origin),
    caseSensitive: parseBool(raw.case_sensitive_match, true, 'case_sensitive_match', origin),
    minMatches: parseCount(raw.min_matches, 0, 'min_matches', origin, 0, 1000),
    defaultMatch: raw.default_match ?? '',
    maxMatches: parseCount(raw.max_matches, DEFAULT_MAX_MATCHES, 'max_matches', origin, 1, 1000),
    origin,
  };
  if (raw.filename !== undefined) def.file = resolveFile(raw.filename);
  if (raw.collection !== undefined) def.collection = raw.collection;
  return def;
}

/** A plain file lookup with default settings (`--lookup name=path`, or a table named by its file). */
export function fileDefinition(name: string, file: string, origin: string): LookupDefinition {
  return toDefinition({ name, filename: file }, origin, (f) => f);
}
