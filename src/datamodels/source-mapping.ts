// Raw events → CIM: apply a source's mapping (aliases, EVALs, eventtypes → tags) with splq's own search and eval compilers.
import { readFileSync } from 'node:fs';
import { SplError } from '../errors.js';
import { compileEval, type EvalCompileContext, type Evaluator } from '../eval/index.js';
import { toFieldValue } from '../eval/store.js';
import { parseEvalCached, parseSearchCached } from '../parse/parse-cache.js';
import { compileSearchExpr } from '../engine/search-predicate.js';
import { Event, type FieldValue } from '../runtime/event.js';
import { BUILTIN_MAPPING_FILES } from './builtin.js';
import type { ExtractDef, SourceMappingDef } from './types.js';
import { compilePcre } from '../regex/pcre.js';
import { checkSourceMapping } from './validate.js';
import { evalReads } from '../engine/eval-reads.js';
import { eventtypeIndex, matchedMask, type EventtypeIndex } from './eventtype-index.js';

type Predicate = (ev: Event) => boolean;

interface CompiledEventtype {
  name: string;
  matches: Predicate;
  tags: string[];
  evals: Array<[string, Evaluator]>;
}

interface CompiledExtract {
  regex: RegExp;
  groupNames: string[];
  field: string;
}

interface CompiledMapping {
  name: string;
  matches: Predicate;
  extracts: CompiledExtract[];
  aliases: Array<{ src: string; dest: string; asnew: boolean }>;
  evals: Array<[string, Evaluator]>;
  eventtypes: CompiledEventtype[];
  /** The early dataset check, when no EVAL it runs reads or writes what the check reads (so the order is free). */
  early: Predicate | null;
  /** Whether the early check reads `tag` and `eventtype` only: then its answer follows from the matched eventtypes. */
  earlyReadsTagsOnly: boolean;
  /** What a set of matched eventtypes does, by its bit mask (eventtype i is bit i; at most MASK_BITS eventtypes). */
  plans: Map<number, MatchedPlan>;
  /** The matched set by one lookup, when the eventtype searches allow it (eventtype-index.ts). */
  index: EventtypeIndex | null;
}

/** Eventtypes per mapping up to which matched sets are cached by bit mask (a mapping with more plans per event). */
const MASK_BITS = 30;

/**
 * What one set of matched eventtypes does to an event, worked out once per set: the names and tags it adds, the
 * EVALs to run (per field the last one writing it, in the order the fields are first written: what storing every
 * result in turn leaves), and the early check's answer for an event without its own `tag` and `eventtype`.
 */
interface MatchedPlan {
  matched: CompiledEventtype[];
  /** The eventtype names and tags, without repeats, for an event that has none of its own. */
  names: string[];
  tags: string[];
  evals: Array<[string, Evaluator]>;
  /** The EVALs' results, reused per event (all are computed before any is stored). */
  results: Array<FieldValue | undefined>;
  /** The early check over `names` and `tags` alone (earlyReadsTagsOnly), computed on first use. */
  early: boolean | undefined;
}

/** What mapping an event did: the early check rejected it, it was mapped, or mapped and the early check held. */
export const MAPPED_OUT = 0;
export const MAPPED = 1;
export const MAPPED_SELECTED = 2;
export type MapOutcome = typeof MAPPED_OUT | typeof MAPPED | typeof MAPPED_SELECTED;

/**
 * A dataset's constraint, tried by the mapper as soon as the eventtypes have tagged the event and before any EVAL
 * runs: an event it rejects is not mapped further (a tstats drops it anyway). `fields` are the fields it reads.
 */
export interface EarlyCheck {
  fields: ReadonlySet<string>;
  matches: Predicate;
}

/**
 * Applies the first mapping whose `match` holds to an event, in place; events no mapping matches keep their fields.
 * False when the mapper's early check (EarlyCheck) rejected the event; true otherwise.
 */
export type EventMapper = (ev: Event) => boolean;

let builtins: SourceMappingDef[] | undefined;

/** The shipped mappings (Sysmon, Windows Security, Windows System), checked on first use. */
export function builtinMappings(): SourceMappingDef[] {
  builtins ??= BUILTIN_MAPPING_FILES.map(({ file, json }) => checkSourceMapping(json, `datamodels/mappings/${file}`));
  return builtins;
}

/** Read a user's mapping file (`--datamodel-map`): JSON in the same format as the shipped ones. */
export function loadMappingFile(path: string): SourceMappingDef {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new SplError('bad-datamodel-map', `cannot read data model map ${path}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new SplError('bad-datamodel-map', `${path}: not valid JSON: ${(e as Error).message}`);
  }
  return checkSourceMapping(json, path);
}

/** Compile a search string from a mapping file; its errors name the file and the place. */
function compileSearch(text: string, where: string, ctx: EvalCompileContext): Predicate {
  try {
    return compileSearchExpr(parseSearchCached(text), { zone: ctx.zone, now: ctx.now });
  } catch (e) {
    if (e instanceof SplError) throw new SplError('bad-datamodel-map', `${where}: ${e.message} in "${text}"`);
    throw e;
  }
}

/** Compile an eval expression from a data file; errors name the file and the place. */
export function compileDataEval(text: string, where: string, ctx: EvalCompileContext, code: 'bad-datamodel-map' | 'unknown-datamodel' = 'bad-datamodel-map'): Evaluator {
  try {
    return compileEval(parseEvalCached(text), ctx);
  } catch (e) {
    if (e instanceof SplError) throw new SplError(code, `${where}: ${e.message} in "${text}"`);
    throw e;
  }
}

function compileEvals(evals: Record<string, string> | undefined, where: string, ctx: EvalCompileContext, needed?: ReadonlySet<string>): Array<[string, Evaluator]> {
  return Object.entries(evals ?? {}).filter(([field]) => !needed || needed.has(field)).map(([field, text]) => [field, compileDataEval(text, `${where}.evals.${field}`, ctx)]);
}

function compileMapping(def: SourceMappingDef, ctx: EvalCompileContext, needed?: ReadonlySet<string>, early?: EarlyCheck): CompiledMapping {
  const where = `mapping ${def.name}`;
  const earlyMatches = early && evalsLeaveAlone(def, needed, early.fields) ? early.matches : null;
  return {
    name: def.name,
    matches: compileSearch(def.match, `${where}: match`, ctx),
    extracts: (def.extracts ?? []).map((x, i) => compileExtract(x, `${where}: extracts[${i}]`)),
    aliases: (def.aliases ?? []).map((a) => ({ src: a.src, dest: a.dest, asnew: a.asnew === true })),
    evals: compileEvals(def.evals, where, ctx, needed),
    eventtypes: def.eventtypes.map((et) => ({
      name: et.name,
      matches: compileSearch(et.search, `${where}: eventtype ${et.name}`, ctx),
      tags: et.tags,
      evals: compileEvals(et.evals, `${where}: eventtype ${et.name}`, ctx, needed),
    })),
    early: earlyMatches,
    earlyReadsTagsOnly: early !== undefined && [...early.fields].every((f) => f === 'tag' || f === 'eventtype'),
    plans: new Map(),
    index: eventtypeIndex(def.eventtypes.map((et) => parseSearchCached(et.search)), MASK_BITS),
  };
}

/** The plan of a set of matched eventtypes (see MatchedPlan). */
function matchedPlan(m: CompiledMapping, matched: CompiledEventtype[]): MatchedPlan {
  const names = withoutRepeats(matched.map((et) => et.name));
  const tags = withoutRepeats(matched.flatMap((et) => et.tags));
  const last = new Map<string, Evaluator>();
  for (const [field, evaluate] of [...m.evals, ...matched.flatMap((et) => et.evals)]) last.set(field, evaluate);
  const evals = [...last];
  return { matched, names, tags, evals, results: evals.map(() => undefined), early: undefined };
}

function withoutRepeats(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * True when no EVAL the mapping runs (those writing `needed` fields) reads or writes `tag`, `eventtype` or a field
 * in `fields`: then tagging the event and checking `fields` before the EVALs gives what checking after them gives.
 */
function evalsLeaveAlone(def: SourceMappingDef, needed: ReadonlySet<string> | undefined, fields: ReadonlySet<string>): boolean {
  const touched = (f: string) => f === 'tag' || f === 'eventtype' || fields.has(f);
  const evals = [...Object.entries(def.evals ?? {}), ...def.eventtypes.flatMap((et) => Object.entries(et.evals ?? {}))];
  for (const [field, text] of evals) {
    if (needed && !needed.has(field)) continue;
    const reads = evalReads(parseEvalCached(text));
    if (touched(field) || reads === null || reads.some(touched)) return false;
  }
  return true;
}

/** An EXTRACT's regex (PCRE as Splunk writes it); errors name the file and the place. */
function compileExtract(def: ExtractDef, where: string): CompiledExtract {
  try {
    const { regex, groupNames } = compilePcre(def.regex);
    return { regex, groupNames, field: def.field ?? '_raw' };
  } catch (e) {
    if (e instanceof SplError) throw new SplError('bad-datamodel-map', `${where}: ${e.message} in "${def.regex}"`);
    throw e;
  }
}

/** The named groups an EXTRACT sets (the plan reads them as written fields). */
export function extractFields(def: ExtractDef): string[] {
  return compilePcre(def.regex).groupNames;
}

/** Run the EXTRACTs: each named group that matched sets its field unless the event already has one. */
function applyExtracts(extracts: CompiledExtract[], ev: Event): void {
  for (const x of extracts) {
    const text = ev.get(x.field);
    if (typeof text !== 'string') continue;
    const groups = x.regex.exec(text)?.groups;
    if (!groups) continue;
    for (const name of x.groupNames) {
      const v = groups[name];
      if (v !== undefined && v !== '' && !ev.has(name)) ev.set(name, v);
    }
  }
}

/** An eval result as a field value; the empty string is no value (as the add-ons treat it). */
function present(v: FieldValue | undefined): FieldValue | undefined {
  return v === '' ? undefined : v;
}

/** The eventtypes an event matches, as the plan of that set. */
function planOf(m: CompiledMapping, ev: Event): MatchedPlan {
  const { eventtypes } = m;
  if (eventtypes.length > MASK_BITS) return matchedPlan(m, eventtypes.filter((et) => et.matches(ev)));
  let mask = 0;
  if (m.index !== null) mask = matchedMask(m.index, ev);
  else for (let i = 0; i < eventtypes.length; i++) if (eventtypes[i]!.matches(ev)) mask |= 1 << i;
  let plan = m.plans.get(mask);
  if (plan === undefined) {
    plan = matchedPlan(m, eventtypes.filter((_, i) => (mask & (1 << i)) !== 0));
    m.plans.set(mask, plan);
  }
  return plan;
}

/** Maps the event in place (MapOutcome); an event the early check rejected is left half-mapped. */
function applyMapping(m: CompiledMapping, ev: Event): MapOutcome {
  if (m.extracts.length > 0) applyExtracts(m.extracts, ev);
  for (const a of m.aliases) {
    const v = ev.get(a.src);
    if (v !== undefined && !(a.asnew && ev.has(a.dest))) ev.set(a.dest, v);
  }
  const plan = planOf(m, ev);
  if (m.early !== null) {
    // No EVAL reads or writes what the check reads (evalsLeaveAlone): tag first, check, then only kept events pay the EVALs.
    if (m.earlyReadsTagsOnly && !ev.has('tag') && !ev.has('eventtype')) {
      // The check reads only the tags and eventtypes this set adds: its answer is the same for every such event.
      plan.early ??= m.early(taggedProbe(plan));
      if (!plan.early) return MAPPED_OUT;
      tagEvent(ev, plan);
    } else {
      tagEvent(ev, plan);
      if (!m.early(ev)) return MAPPED_OUT;
    }
    storeEvals(plan, ev);
    return MAPPED_SELECTED;
  }
  storeEvals(plan, ev);
  tagEvent(ev, plan);
  return MAPPED;
}

/** An event holding only what tagging an untagged event with this set gives it (for the early check). */
function taggedProbe(plan: MatchedPlan): Event {
  const probe = new Event();
  tagEvent(probe, plan);
  return probe;
}

/** Every EVAL sees the aliased event; the results are stored after all are computed. */
function storeEvals(plan: MatchedPlan, ev: Event): void {
  const { evals, results } = plan;
  for (let i = 0; i < evals.length; i++) results[i] = present(toFieldValue(evals[i]![1](ev)));
  for (let i = 0; i < evals.length; i++) {
    ev.set(evals[i]![0], results[i]);
    results[i] = undefined;
  }
}

/** The matched eventtypes' names and tags, added to the event's own. */
function tagEvent(ev: Event, plan: MatchedPlan): void {
  if (plan.matched.length === 0) return;
  const eventtype = ev.get('eventtype');
  const tag = ev.get('tag');
  ev.set('eventtype', eventtype === undefined ? fresh(plan.names) : mergeValues(eventtype, plan.names));
  ev.set('tag', tag === undefined ? fresh(plan.tags) : mergeValues(tag, plan.tags));
}

/** A value of its own for an event: the one string, or a copy of the list (events never share a multivalue). */
function fresh(values: string[]): FieldValue {
  return values.length === 1 ? values[0]! : values.slice();
}

/** Existing values (kept) plus new ones, without repeats. */
function mergeValues(existing: FieldValue, added: string[]): FieldValue {
  const out = Array.isArray(existing) ? existing.map(String) : [String(existing)];
  for (const v of added) if (!out.includes(v)) out.push(v);
  return out.length === 1 ? out[0]! : out;
}

/** Mapping definitions already compiled whole in this thread (their EVALs and searches are known to compile). */
const checkedWhole = new WeakSet<SourceMappingDef>();

/**
 * Compile mappings once (user ones first, so they override the shipped ones for the events they match). With
 * `needed`, only EVALs writing those fields run (every EVAL reads the aliased event, so skipping one changes no other).
 */
export function compileEventMapper(defs: SourceMappingDef[], ctx: EvalCompileContext, needed?: ReadonlySet<string>, early?: EarlyCheck): EventMapper {
  const map = compileDatasetMapper(defs, ctx, needed, early);
  return (ev) => map(ev) !== MAPPED_OUT;
}

/**
 * compileEventMapper, telling also when the early check held (MAPPED_SELECTED: the dataset's constraint need not
 * be tried again) or did not run (MAPPED).
 */
export function compileDatasetMapper(defs: SourceMappingDef[], ctx: EvalCompileContext, needed?: ReadonlySet<string>, early?: EarlyCheck): (ev: Event) => MapOutcome {
  // Every file is checked whole once (a bad EVAL is an error even when this query would not run it); the shipped
  // ones are known to compile (test/datamodels/catalog.test.ts), so no thread spends its start on them.
  const shipped = builtinMappings();
  if (needed) for (const d of defs) if (!shipped.includes(d) && !checkedWhole.has(d)) { compileMapping(d, ctx); checkedWhole.add(d); }
  const mappings = defs.map((d) => compileMapping(d, ctx, needed, early));
  return (ev) => {
    for (const m of mappings) if (m.matches(ev)) return applyMapping(m, ev);
    return MAPPED;
  };
}
