// props.conf-style field aliases (FIELDALIAS `AS` / `ASNEW`) and `--set` constants, compiled once, applied per event.
import { SplError } from '../../errors.js';
import type { Event, FieldValue } from '../../runtime/event.js';

/** `AS`: DEST takes SRC's value and is removed when SRC has none. `ASNEW`: DEST is only filled when absent. */
export type AliasMode = 'AS' | 'ASNEW';

export interface FieldAlias {
  src: string;
  dest: string;
  /** Default `AS`, Splunk's rule for `FIELDALIAS-x = src AS dest`. */
  mode?: AliasMode;
  /** Only for events of this sourcetype (a `[<sourcetype>]` stanza; exact, case-sensitive). */
  sourcetype?: string;
  /** Only for events whose source matches this `[source::<pattern>]` pattern. */
  sourceGlob?: string;
  /** The `<class>` of `FIELDALIAS-<class>`: for one class, a source stanza overrides a sourcetype stanza. */
  className?: string;
}

export interface FieldSetting {
  field: string;
  value: string;
}

export interface FieldMappingSpec {
  aliases: FieldAlias[];
  sets: FieldSetting[];
}

/** The event's metadata as the engine knows it; the event's own `sourcetype`/`source` fields win. */
export interface MappingContext {
  sourcetype?: string;
  source?: string;
}

export type FieldMapper = (ev: Event, ctx: MappingContext) => void;

/** Metadata fields: settings and aliases writing them always apply, whatever the query needs. */
const METADATA_FIELDS: ReadonlySet<string> = new Set(['sourcetype', 'source', 'host', 'index']);
const MAX_CACHED_SCOPES = 1024;

/**
 * Compile a mapping. With `needed` (the fields the query reads), only settings and aliases producing a needed
 * field (or metadata, or the source of another applied alias) run; `null` means all.
 */
export function compileFieldMapping(spec: FieldMappingSpec, needed: Set<string> | null): FieldMapper {
  const wanted = fieldsNeededForMapping(spec, needed);
  const sets = spec.sets.filter((s) => wanted === null || wanted.has(s.field) || METADATA_FIELDS.has(s.field));
  const aliases = spec.aliases.filter((a) => wanted === null || wanted.has(a.dest));
  const patterns = new Map<string, RegExp>();
  for (const a of aliases) {
    if (a.sourceGlob !== undefined && !patterns.has(a.sourceGlob)) patterns.set(a.sourceGlob, compileStanzaPattern(a.sourceGlob));
  }
  const cache = new Map<string, FieldAlias[]>();
  return (ev, ctx) => {
    for (const s of sets) ev.set(s.field, s.value);
    if (aliases.length === 0) return;
    const sourcetype = metadataValue(ev, 'sourcetype') ?? ctx.sourcetype;
    const source = metadataValue(ev, 'source') ?? ctx.source;
    const key = `${sourcetype ?? ''}\u0000${source ?? ''}`;
    let applicable = cache.get(key);
    if (applicable === undefined) {
      if (cache.size >= MAX_CACHED_SCOPES) cache.clear();
      applicable = aliasesFor(aliases, patterns, sourcetype, source);
      cache.set(key, applicable);
    }
    for (const alias of applicable) applyAlias(ev, alias);
  };
}

/**
 * The fields a decoder must materialise for `needed` once the mapping runs: `needed` plus the sources of the
 * aliases that produce them (transitively); `null` (all fields) stays `null`.
 */
export function fieldsNeededForMapping(spec: FieldMappingSpec, needed: Set<string> | null): Set<string> | null {
  if (needed === null) return null;
  const wanted = new Set([...needed, ...METADATA_FIELDS]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const a of spec.aliases) {
      if (wanted.has(a.dest) && !wanted.has(a.src)) {
        wanted.add(a.src);
        grew = true;
      }
    }
  }
  return wanted;
}

/**
 * A `[source::...]` stanza pattern as a RegExp matching the whole source: `...` matches anything, `*` anything
 * but a path separator, `.` a literal period; `\x` is kept as a regex escape; everything else is PCRE syntax.
 */
export function compileStanzaPattern(pattern: string): RegExp {
  let regex = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (pattern.startsWith('...', i)) {
      regex += '.*';
      i += 2;
    } else if (ch === '*') regex += '[^/\\\\]*';
    else if (ch === '.') regex += '\\.';
    else if (ch === '\\' && i + 1 < pattern.length) regex += ch + pattern[++i]!;
    else regex += ch;
  }
  try {
    return new RegExp(`^(?:${regex})$`);
  } catch (err) {
    throw new SplError('input-error', `invalid source pattern "${pattern}": ${(err as Error).message}`);
  }
}

function metadataValue(ev: Event, name: string): string | undefined {
  const value = ev.get(name);
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : String(first);
}

/** Scope rank: a source stanza overrides a sourcetype stanza, which overrides a global setting. */
function scopeRank(a: FieldAlias): number {
  if (a.sourceGlob !== undefined) return 2;
  return a.sourcetype !== undefined ? 1 : 0;
}

function scopeName(a: FieldAlias): string {
  return a.sourceGlob !== undefined ? `source::${a.sourceGlob}` : a.sourcetype ?? '';
}

/** The aliases that apply to one (sourcetype, source), with per-class overrides resolved; spec order kept. */
function aliasesFor(
  aliases: FieldAlias[],
  patterns: Map<string, RegExp>,
  sourcetype: string | undefined,
  source: string | undefined,
): FieldAlias[] {
  const matching = aliases.filter((a) => {
    if (a.sourceGlob !== undefined) return source !== undefined && patterns.get(a.sourceGlob)!.test(source);
    return a.sourcetype === undefined || a.sourcetype === sourcetype;
  });
  const winner = new Map<string, FieldAlias>();
  for (const a of matching) {
    if (a.className === undefined) continue;
    const current = winner.get(a.className);
    if (current === undefined || outranks(a, current)) winner.set(a.className, a);
  }
  return matching.filter((a) => a.className === undefined || scopeName(winner.get(a.className)!) === scopeName(a));
}

/** Higher scope rank wins; between two matching source patterns, the one first in ASCII order wins. */
function outranks(a: FieldAlias, b: FieldAlias): boolean {
  const rank = scopeRank(a) - scopeRank(b);
  return rank !== 0 ? rank > 0 : scopeName(a) < scopeName(b);
}

function hasValue(value: FieldValue | undefined): value is FieldValue {
  return value !== undefined && value !== '';
}

function applyAlias(ev: Event, alias: FieldAlias): void {
  const value = ev.get(alias.src);
  if (alias.mode === 'ASNEW') {
    if (hasValue(value) && !hasValue(ev.get(alias.dest))) ev.set(alias.dest, Array.isArray(value) ? [...value] : value);
    return;
  }
  if (hasValue(value)) ev.set(alias.dest, Array.isArray(value) ? [...value] : value);
  else ev.delete(alias.dest);
}
