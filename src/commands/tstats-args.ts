// Reading `| tstats` arguments: options, aggregates, FROM datamodel=, WHERE (with nodename), BY and span=.
import type { Aggregate, FieldName, GenericArg, GenericClause, GenericCommand, SearchExpr, Span } from '../ast.js';
import { SplError } from '../errors.js';
import { parseSearchCached } from '../parse/parse-cache.js';

/** Options tstats accepts; the ones offline runs cannot change are accepted and ignored (docs/datamodels.md). */
export const TSTATS_OPTIONS = ['prestats', 'local', 'append', 'summariesonly', 'include_reduced_buckets', 'allow_old_summaries', 'chunk_size', 'fillnull_value'];

export interface TstatsArgs {
  options: Map<string, { text: string; span: Span }>;
  aggregates: Aggregate[];
  /** `Model` or `Model.Dataset` as written, with its span. */
  datamodel: { text: string; span: Span } | null;
  /** `nodename=Root.Child` from the where clause. */
  nodename: { text: string; span: Span } | null;
  /** The where clause without nodename, or null. */
  where: SearchExpr | null;
  by: FieldName[];
  span: { text: string; span: Span } | null;
}

const spanOf = (args: GenericArg[], fallback: Span): Span =>
  args.length ? { start: args[0]!.span.start, end: args[args.length - 1]!.span.end } : fallback;

function wordText(arg: GenericArg): string | null {
  return arg.kind === 'word' ? arg.text : null;
}

/** `count`, `count(f)`, `min(_time) as firstTime`, `values(Processes.user)`, ... */
function readAggregates(args: GenericArg[], options: TstatsArgs['options']): Aggregate[] {
  const out: Aggregate[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.kind === 'comma') continue;
    if (arg.kind === 'assign' && arg.op === '=' && arg.value.kind === 'word') {
      const name = arg.name.toLowerCase();
      if (!TSTATS_OPTIONS.includes(name)) throw new SplError('bad-option', `tstats: unknown option \`${arg.name}\` (tstats takes ${TSTATS_OPTIONS.join(', ')})`, arg.span);
      options.set(name, { text: arg.value.text, span: arg.value.span });
      continue;
    }
    let agg: Aggregate;
    if (arg.kind === 'word' && !arg.quoted) {
      agg = { fn: arg.text, arg: null, params: [], as: null, span: arg.span };
    } else if (arg.kind === 'call') {
      const inner = arg.args[0] ?? [];
      const field = inner[0];
      if (inner.length !== 1 || !field || field.kind !== 'word' || arg.args.length > 1) {
        throw new SplError('bad-argument', `tstats: ${arg.name}() takes one field name`, arg.span);
      }
      agg = { fn: arg.name, arg: { kind: 'field', name: field.text, quoted: field.quoted, span: field.span }, params: [], as: null, span: arg.span };
    } else {
      throw new SplError('bad-argument', 'tstats: expected a statistical function such as count, values(field) or max(_time)', arg.span);
    }
    const next = args[i + 1];
    if (next && wordText(next)?.toLowerCase() === 'as' && next.kind === 'word' && !next.quoted) {
      const name = args[i + 2];
      if (!name || name.kind !== 'word') throw new SplError('bad-argument', 'tstats: expected a field name after AS', next.span);
      agg.as = { name: name.text, quoted: name.quoted, span: name.span };
      agg.span = { start: agg.span.start, end: name.span.end };
      i += 2;
    }
    out.push(agg);
  }
  return out;
}

/** `datamodel=Endpoint.Processes`, `datamodel="Endpoint.Processes"`, `datamodel:Endpoint.Processes`. */
function readFrom(clause: GenericClause): { text: string; span: Span } {
  const [first, ...rest] = clause.args;
  if (first?.kind === 'assign' && first.name.toLowerCase() === 'datamodel' && first.value.kind === 'word' && rest.length === 0) {
    return { text: first.value.text, span: first.value.span };
  }
  if (first?.kind === 'word' && /^datamodel:/i.test(first.text) && rest.length === 0) {
    return { text: first.text.slice('datamodel:'.length), span: { start: first.span.start + 10, end: first.span.end } };
  }
  throw new SplError('bad-argument', 'tstats: expected FROM datamodel=<model> or datamodel=<model>.<dataset>', spanOf(clause.args, clause.span));
}

/** The where clause as search language, parsed from the query text so values read exactly as in `search`. */
function readWhere(clause: GenericClause, queryText: string | undefined): SearchExpr | null {
  if (clause.args.length === 0) return null;
  const span = spanOf(clause.args, clause.span);
  if (queryText === undefined) throw new SplError('bad-argument', 'tstats: the where clause needs the query text', span);
  // Padding keeps the parser's spans equal to offsets in the query.
  return parseSearchCached(' '.repeat(span.start) + queryText.slice(span.start, span.end));
}

/** Take a top-level `nodename=X` out of the where clause. */
function takeNodename(expr: SearchExpr | null): { where: SearchExpr | null; nodename: TstatsArgs['nodename'] } {
  if (!expr) return { where: null, nodename: null };
  const isNode = (e: SearchExpr) => e.kind === 'compare' && e.op === '=' && e.field.toLowerCase() === 'nodename';
  const items = expr.kind === 'and' ? expr.items : [expr];
  const node = items.find(isNode);
  if (!node || node.kind !== 'compare') return { where: expr, nodename: null };
  const rest = items.filter((e) => e !== node);
  const where = rest.length === 0 ? null : rest.length === 1 ? rest[0]! : { ...(expr as Extract<SearchExpr, { kind: 'and' }>), items: rest };
  return { where, nodename: { text: node.value.text, span: node.value.span } };
}

function readBy(clause: GenericClause): { by: FieldName[]; span: TstatsArgs['span'] } {
  const by: FieldName[] = [];
  let span: TstatsArgs['span'] = null;
  for (const arg of clause.args) {
    if (arg.kind === 'comma') continue;
    if (arg.kind === 'word') by.push({ name: arg.text, quoted: arg.quoted, span: arg.span });
    else if (arg.kind === 'assign' && arg.name.toLowerCase() === 'span' && arg.value.kind === 'word') span = { text: arg.value.text, span: arg.value.span };
    else if (arg.kind === 'call' && arg.name.toUpperCase() === 'PREFIX') throw new SplError('unsupported-command', 'tstats: BY PREFIX() is not supported yet', arg.span);
    else throw new SplError('bad-argument', 'tstats: expected field names (and span=) after BY', arg.span);
  }
  return { by, span };
}

/** All of a tstats command's arguments, checked. */
export function readTstatsArgs(node: GenericCommand, queryText: string | undefined): TstatsArgs {
  const options: TstatsArgs['options'] = new Map();
  const aggregates = readAggregates(node.clauses.filter((c) => c.keyword === null).flatMap((c) => c.args), options);
  let datamodel: TstatsArgs['datamodel'] = null;
  let whereExpr: SearchExpr | null = null;
  let by: FieldName[] = [];
  let span: TstatsArgs['span'] = null;
  for (const clause of node.clauses) {
    if (clause.keyword === 'from') datamodel = readFrom(clause);
    else if (clause.keyword === 'where') whereExpr = readWhere(clause, queryText);
    else if (clause.keyword === 'by') ({ by, span } = readBy(clause));
    else if (clause.keyword !== null) throw new SplError('bad-argument', `tstats: unexpected ${clause.keyword.toUpperCase()} clause`, clause.span);
  }
  const { where, nodename } = takeNodename(whereExpr);
  return { options, aggregates, datamodel, nodename, where, by, span };
}
