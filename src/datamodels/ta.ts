// `--ta <dir>`: a Splunk add-on folder (props.conf, eventtypes.conf, tags.conf) turned into raw-event → CIM mappings.
import { parseFieldAliasValue } from '../input/mapping/props.js';
import { SplError } from '../errors.js';
import { compilePcre } from '../regex/pcre.js';
import { parseEvalCached, parseSearchCached } from '../parse/parse-cache.js';
import { openAddonFolder, readConf, taError, type ConfStanza, type ConfValue } from './ta-conf.js';
import { compileEval, type EvalCompileContext as EvalContext } from '../eval/index.js';
import type { AliasDef, EventtypeDef, ExtractDef, SourceMappingDef } from './types.js';

/** Eval compiling context plus the folder as the user named it (for the mappings' `source`). */
type EvalCompileContext = EvalContext & { folder: string };

/** The settings of one props.conf stanza that splq applies (others, such as REPORT- or LOOKUP-, are ignored). */
interface StanzaSettings {
  extracts: Map<string, ConfValue>;
  aliases: Map<string, ConfValue>;
  evals: Map<string, ConfValue>;
}

const FALSE_WORDS = ['0', 'false', 'f', 'no', 'n'];
const TRUE_WORDS = ['1', 'true', 't', 'yes', 'y'];
const IGNORED_PROPS_STANZAS = ['host::', 'rule::', 'delayedrule::'];

function settingsOf(stanza: ConfStanza | undefined): StanzaSettings {
  const out: StanzaSettings = { extracts: new Map(), aliases: new Map(), evals: new Map() };
  for (const [key, value] of stanza?.keys ?? []) {
    const m = /^(EXTRACT|FIELDALIAS|EVAL)-(.+)$/i.exec(key);
    if (!m) continue;
    const kind = m[1]!.toUpperCase();
    const target = kind === 'EXTRACT' ? out.extracts : kind === 'FIELDALIAS' ? out.aliases : out.evals;
    target.set(m[2]!.trim(), value);
  }
  return out;
}

/** Settings of `over` replace those of `base` with the same class (or EVAL field). */
function layered(base: StanzaSettings, over: StanzaSettings): StanzaSettings {
  return {
    extracts: new Map([...base.extracts, ...over.extracts]),
    aliases: new Map([...base.aliases, ...over.aliases]),
    evals: new Map([...base.evals, ...over.evals]),
  };
}

/** `<regex> [in <field>]` */
function toExtract(cls: string, v: ConfValue): ExtractDef {
  const m = /^(.*\S)\s+in\s+([A-Za-z0-9_.{}@:-]+)$/s.exec(v.value);
  const def: ExtractDef = m ? { regex: m[1]!, field: m[2]! } : { regex: v.value };
  try {
    if (compilePcre(def.regex).groupNames.length === 0) throw taError(`${v.at}: EXTRACT-${cls} has no named group (?<field>...)`);
  } catch (e) {
    if (e instanceof SplError && e.code !== 'bad-ta') throw taError(`${v.at}: EXTRACT-${cls}: ${e.message}`);
    throw e;
  }
  return def;
}

function toAliases(cls: string, v: ConfValue): AliasDef[] {
  const fail = (message: string): never => {
    throw taError(`${v.at}: ${message}`);
  };
  return parseFieldAliasValue(v.value, cls, fail).map((a) => (a.mode === 'ASNEW' ? { src: a.src, dest: a.dest, asnew: true } : { src: a.src, dest: a.dest }));
}

function checkEval(field: string, v: ConfValue, ctx: EvalCompileContext): string {
  try {
    compileEval(parseEvalCached(v.value), ctx);
  } catch (e) {
    if (e instanceof SplError) throw taError(`${v.at}: EVAL-${field}: ${e.message}`);
    throw e;
  }
  return v.value;
}

/** A search-language quoted value. */
const quoted = (text: string) => `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** The match of a props.conf stanza: `[<sourcetype>]` or `[source::<pattern>]` (`...` and `*` both as `*`). */
function stanzaMatch(name: string): string {
  if (name.startsWith('source::')) return `source=${quoted(name.slice('source::'.length).replace(/\.\.\./g, '*'))}`;
  return `sourcetype=${quoted(name)}`;
}

function mappingOf(name: string, match: string, settings: StanzaSettings, eventtypes: EventtypeDef[], ctx: EvalCompileContext): SourceMappingDef {
  const source = [`add-on folder (--ta): ${ctx.folder}`];
  const def: SourceMappingDef = { name, source, match, eventtypes };
  const extracts = [...settings.extracts].map(([cls, v]) => toExtract(cls, v));
  const aliases = [...settings.aliases].flatMap(([cls, v]) => toAliases(cls, v));
  const evals = Object.fromEntries([...settings.evals].map(([field, v]) => [field, checkEval(field, v, ctx)]));
  if (extracts.length) def.extracts = extracts;
  if (aliases.length) def.aliases = aliases;
  if (Object.keys(evals).length) def.evals = evals;
  return def;
}

/** `eventtype=X` inside an eventtype's search, replaced by X's own search (as Splunk expands nested eventtypes). */
function expandEventtypes(searches: Map<string, ConfValue>): Map<string, string> {
  const out = new Map<string, string>();
  const expand = (name: string, chain: string[]): string => {
    const done = out.get(name);
    if (done !== undefined) return done;
    if (chain.includes(name)) throw taError(`${searches.get(name)!.at}: eventtype ${name} refers to itself (${[...chain, name].join(' → ')})`);
    const text = searches.get(name)!.value.replace(/\beventtype\s*=\s*(?:"([^"*]+)"|([^\s()"*]+))/gi, (whole, q?: string, w?: string) => {
      const ref = q ?? w!;
      return searches.has(ref) ? `(${expand(ref, [...chain, name])})` : whole;
    });
    out.set(name, text);
    return text;
  };
  for (const name of searches.keys()) expand(name, []);
  return out;
}

/** Eventtypes with their searches (nested ones expanded) and tags (tags.conf `[eventtype=X]`, and eventtypes.conf `tags`). */
function readEventtypes(folder: ReturnType<typeof openAddonFolder>): EventtypeDef[] {
  const searches = new Map<string, ConfValue>();
  const tags = new Map<string, Set<string>>();
  for (const stanza of readConf(folder, 'eventtypes.conf')) {
    if (stanza.name === 'default') continue;
    const disabled = stanza.keys.get('disabled');
    if (disabled && TRUE_WORDS.includes(disabled.value.toLowerCase())) continue;
    const search = stanza.keys.get('search');
    if (!search || search.value === '') throw taError(`${stanza.at}: eventtype [${stanza.name}] has no search`);
    try {
      parseSearchCached(search.value);
    } catch (e) {
      if (e instanceof SplError) throw taError(`${search.at}: eventtype [${stanza.name}]: ${e.message}`);
      throw e;
    }
    searches.set(stanza.name, search);
    const own = stanza.keys.get('tags')?.value.split(/[\s,]+/).filter((t) => t !== '') ?? [];
    tags.set(stanza.name, new Set(own));
  }
  for (const stanza of readConf(folder, 'tags.conf')) {
    const m = /^eventtype\s*=\s*(.+)$/.exec(stanza.name);
    if (!m) continue;
    const name = m[1]!.trim().replace(/^"(.*)"$/, '$1');
    const set = tags.get(name);
    if (!set) continue;
    for (const [tag, v] of stanza.keys) {
      const value = v.value.toLowerCase();
      if (value === 'enabled' || TRUE_WORDS.includes(value)) set.add(tag);
      else if (value === 'disabled' || FALSE_WORDS.includes(value)) set.delete(tag);
      else throw taError(`${v.at}: tag ${tag} in [${stanza.name}] must be enabled or disabled, got "${v.value}"`);
    }
  }
  const expanded = expandEventtypes(searches);
  return [...searches.keys()].map((name) => ({ name, search: expanded.get(name)!, tags: [...tags.get(name)!] }));
}

/**
 * The add-on at `dir` as mappings, tried in this order: each `[source::...]` stanza together with each sourcetype
 * stanza (source:: settings win, as in Splunk), each `[source::...]` alone, each `[<sourcetype>]` alone, then the
 * events only its eventtypes select. `[default]` settings apply under all of them. Every mapping carries all the
 * add-on's eventtypes, so tags come as Splunk gives them whatever the sourcetype.
 */
export function loadAddonFolder(dir: string, evalContext: EvalContext): SourceMappingDef[] {
  const folder = openAddonFolder(dir);
  const ctx = { ...evalContext, folder: dir };
  const eventtypes = readEventtypes(folder);
  const props = readConf(folder, 'props.conf');
  const defaults = settingsOf(props.find((s) => s.name === 'default'));
  const kept = props.filter((s) => s.name !== 'default' && !IGNORED_PROPS_STANZAS.some((k) => s.name.startsWith(k)));
  for (const s of kept) if (s.name === '' || s.name === 'source::') throw taError(`${s.at}: empty stanza name`);
  const sources = kept.filter((s) => s.name.startsWith('source::'));
  const sourcetypes = kept.filter((s) => !s.name.startsWith('source::'));
  const mappings: SourceMappingDef[] = [];
  for (const src of sources) {
    for (const st of sourcetypes) {
      const settings = layered(layered(defaults, settingsOf(st)), settingsOf(src));
      mappings.push(mappingOf(`${dir} [${src.name}] [${st.name}]`, `${stanzaMatch(src.name)} ${stanzaMatch(st.name)}`, settings, eventtypes, ctx));
    }
  }
  for (const s of [...sources, ...sourcetypes]) mappings.push(mappingOf(`${dir} [${s.name}]`, stanzaMatch(s.name), layered(defaults, settingsOf(s)), eventtypes, ctx));
  if (eventtypes.length > 0) {
    const anyEventtype = eventtypes.map((et) => `(${et.search})`).join(' OR ');
    mappings.push(mappingOf(`${dir} eventtypes`, anyEventtype, defaults, eventtypes, ctx));
  }
  return mappings;
}
