// What a tstats needs from the input: the CIM fields to compute, the raw fields to read, and raw literals every line it keeps holds.
import type { SearchExpr } from '../ast.js';
import { evalReads } from '../engine/eval-reads.js';
import { searchReads } from '../engine/search-predicate.js';
import { parseEvalCached, parseSearchCached } from '../parse/parse-cache.js';
import { stringLiterals } from '../parse/string-literals.js';
import { toNumber } from '../runtime/event.js';
import { requiredLiterals } from '../search/terms.js';
import type { ResolvedDataset } from './catalog.js';
import { BASE_FIELDS, UNDEFINED_FIELD_PREFIX } from './dataset.js';
import type { SourceMappingDef } from './types.js';
import { extractFields } from './source-mapping.js';

export interface DatasetPlan {
  /** CIM fields the mapping and the calculations must produce (others are never looked at). */
  needed: ReadonlySet<string>;
  /** Raw input fields read, or null when any may matter. */
  reads: string[] | null;
  /** Raw fields each needed CIM field's value may come from (itself included). */
  sources: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every string constant the mappings and calculations can write into a field, lower-cased. */
  constants: string[];
}

/** A field a mapping or calculation writes, and the raw or CIM fields it reads (null: any), worked out on first ask. */
interface Rule {
  field: string;
  reads: () => string[] | null;
}

/** An EVAL's rule: its text is parsed only when a plan needs the field it writes (most EVALs of a mapping set never are). */
function evalRule(field: string, text: string): Rule {
  let reads: string[] | null | undefined;
  return { field, reads: () => (reads === undefined ? (reads = evalReads(parseEvalCached(text))) : reads) };
}

/** A rule whose reads are known. */
function knownRule(field: string, reads: string[]): Rule {
  return { field, reads: () => reads };
}

function searchFields(text: string): string[] {
  const out = new Set<string>();
  searchReads(parseSearchCached(text), out);
  return [...out];
}

/** The string constants of an EVAL, lower-cased: its string literals, found by the lexer (no parse). */
function evalConstants(text: string, out: Set<string>): void {
  for (const value of stringLiterals(text)) out.add(value.toLowerCase());
}

/** What one mapping set contributes to every plan (the same for each query): its rules, the fields its selections read, its constants. */
interface MappingFacts {
  rules: Rule[];
  selectionReads: string[];
  constants: Set<string>;
}

const mappingFacts = new WeakMap<SourceMappingDef, MappingFacts>();

/** A mapping set's facts, worked out once per mapping object (a pack plans hundreds of tstats over the same mappings). */
function factsOf(m: SourceMappingDef): MappingFacts {
  let facts = mappingFacts.get(m);
  if (facts) return facts;
  const evals = [...Object.entries(m.evals ?? {}), ...m.eventtypes.flatMap((et) => Object.entries(et.evals ?? {}))];
  const rules = [
    ...(m.extracts ?? []).flatMap((x) => extractFields(x).map((f) => knownRule(f, [x.field ?? '_raw']))),
    ...evals.map(([f, t]) => evalRule(f, t)),
  ];
  const selectionReads = [...searchFields(m.match), ...m.eventtypes.flatMap((et) => searchFields(et.search))];
  const constants = new Set<string>();
  for (const [, t] of evals) evalConstants(t, constants);
  facts = { rules, selectionReads, constants };
  mappingFacts.set(m, facts);
  return facts;
}

/**
 * The plan for one dataset: start from the fields the query reads (`wanted`: where, by, functions, after renaming),
 * add what the constraint reads, then close over the calculations and the mappings' EVALs that write a needed field.
 */
export function planDataset(ds: ResolvedDataset, mappings: SourceMappingDef[], wanted: Iterable<string>): DatasetPlan {
  const needed = new Set<string>(['tag', 'eventtype', '_time']);
  for (const f of wanted) if (!f.startsWith(UNDEFINED_FIELD_PREFIX)) needed.add(f);
  for (const c of ds.constraints) for (const f of searchFields(c)) needed.add(f);
  const calcRules: Rule[] = ds.calculations.map((c) => ('fill' in c ? knownRule(c.field, [c.field]) : evalRule(c.field, c.eval)));
  const mapRules: Rule[] = mappings.flatMap((m) => factsOf(m).rules);
  let anyField = false;
  // Calculated fields read other CIM fields (process_name reads process): close `needed` over them.
  for (let changed = true; changed;) {
    changed = false;
    for (const rule of calcRules) {
      if (!needed.has(rule.field)) continue;
      const reads = rule.reads();
      if (reads === null) anyField = true;
      for (const f of reads ?? []) if (!needed.has(f)) { needed.add(f); changed = true; }
    }
  }
  // Raw fields: the needed ones as they are (events that carry CIM fields), what the needed EVALs read, the
  // mappings' selections, and alias sources of anything read.
  const sources = new Map<string, Set<string>>();
  for (const f of needed) sources.set(f, new Set([f]));
  for (const rule of [...mapRules, ...calcRules]) {
    if (!needed.has(rule.field)) continue;
    const reads = rule.reads();
    if (reads === null) anyField = true;
    for (const r of reads ?? []) sources.get(rule.field)!.add(r);
  }
  // A calculated field's sources include those of the CIM fields it reads (process_name ← process ← CommandLine).
  for (let changed = true; changed;) {
    changed = false;
    for (const set of sources.values()) {
      for (const f of [...set]) {
        for (const s of sources.get(f) ?? []) if (!set.has(s)) { set.add(s); changed = true; }
      }
    }
  }
  const reads = new Set<string>([...sources.values()].flatMap((s) => [...s]));
  for (const m of mappings) for (const f of factsOf(m).selectionReads) reads.add(f);
  for (const m of mappings) for (const a of m.aliases ?? []) if (reads.has(a.dest)) { reads.add(a.src); for (const s of sources.values()) if (s.has(a.dest)) s.add(a.src); }
  for (const f of BASE_FIELDS) if (f !== '_raw') reads.add(f);
  if (reads.has('_raw')) anyField = true;
  const constants = new Set<string>();
  for (const m of mappings) for (const c of factsOf(m).constants) constants.add(c);
  for (const c of ds.calculations) if ('fill' in c) constants.add(c.fill.toLowerCase()); else evalConstants(c.eval, constants);
  return { needed, reads: anyField ? null : [...reads].sort(), sources, constants: [...constants] };
}

/**
 * Raw literals every line that can pass `where` holds: from top-level `field=value` conjuncts on dataset fields whose
 * value comes only from raw fields the reader does not inject, cut at spaces and quotes (where mappings join values),
 * and never a piece of a constant a mapping or calculation may write (`unknown`, `allowed`, ...).
 */
export function whereLiterals(where: SearchExpr | null, plan: DatasetPlan, injected: (field: string) => boolean): string[] {
  const out: string[] = [];
  const visit = (e: SearchExpr): void => {
    if (e.kind === 'and') return e.items.forEach(visit);
    if (e.kind !== 'compare' || e.op !== '=' || BASE_FIELDS.has(e.field)) return;
    const from = plan.sources.get(e.field);
    if (!from || [...from].some(injected) || !Number.isNaN(toNumber(e.value.text))) return;
    for (const lit of requiredLiterals(e.value.text)) {
      for (const piece of lit.split(/[\s"]+/)) {
        if (piece !== '' && !plan.constants.some((c) => c.includes(piece))) out.push(piece);
      }
    }
  };
  if (where) visit(where);
  return out;
}
