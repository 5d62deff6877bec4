// `| from datamodel:<Model>.<Dataset>` (the dataset's events, built from the input) or `| from lookup:<name>` (a table's rows).
import type { GenericCommand, Span } from '../ast.js';
import { datasetEventsCommand } from '../datamodels/dataset-events.js';
import type { CommandDef, CompiledCommand, CompileContext } from '../engine/types.js';
import { SplError } from '../errors.js';
import { missingSpan } from './generic-args.js';
import { rowEvent } from './inputlookup.js';
import { rowsAtEnd } from './rows-at-end.js';

/**
 * Search Reference "from" (help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/from):
 * `from <dataset_type>:<dataset_name> | <dataset_type> <dataset_name>`, types datamodel, lookup and savedsearch.
 * `inputlookup` is accepted as another name for `lookup` (the corpus spelling).
 */
const TYPES = ['datamodel', 'lookup', 'inputlookup'];

interface DatasetRef {
  type: string;
  name: string;
  span: Span;
}

/** `datamodel Web.Web`, `datamodel:Web.Web`, `lookup:"my table"`: the dataset type, its name and the name's span. */
function datasetArg(node: GenericCommand): DatasetRef {
  const args = node.clauses.flatMap((c) => (c.keyword === null ? c.args : []));
  const [first, second, ...rest] = args;
  const where = first?.span ?? missingSpan(node);
  const usage = 'from expects datamodel:<Model>.<Dataset> or lookup:<name>';
  if (node.clauses.some((c) => c.keyword !== null) || rest.length > 0 || (first && first.kind !== 'word') || (second && second.kind !== 'word')) {
    throw new SplError('bad-argument', usage, where);
  }
  if (!first || first.kind !== 'word') throw new SplError('bad-argument', usage, where);
  const colon = first.quoted ? -1 : first.text.indexOf(':');
  const type = (colon >= 0 ? first.text.slice(0, colon) : first.text).toLowerCase();
  if (!TYPES.includes(type)) {
    const known = type === 'savedsearch' ? 'saved searches are not supported (splq has no saved searches)' : `unknown dataset type "${type}"`;
    throw new SplError('unsupported-command', `from: ${known}; splq reads datamodel:<Model>.<Dataset> and lookup:<name>`, where);
  }
  if (colon >= 0 && colon < first.text.length - 1 && !second) {
    return { type, name: first.text.slice(colon + 1), span: { start: first.span.start + colon + 1, end: first.span.end } };
  }
  if (second?.kind === 'word' && (colon === -1 || colon === first.text.length - 1)) return { type, name: second.text, span: second.span };
  throw new SplError('bad-argument', usage, where);
}

/** The lookup table's rows, in file order, as a generating command (the table is loaded once, at compile time). */
function lookupRowsCommand(ref: DatasetRef, ctx: CompileContext): CompiledCommand {
  const table = ctx.lookups.table(ref.name, ref.span);
  return rowsAtEnd(function* () {
    for (let r = 0; r < table.rows.length; r++) yield rowEvent(table, r);
  });
}

export const fromCommand: CommandDef<GenericCommand> = {
  names: ['from'],
  kind: 'generating',
  notes: '`datamodel:` (the dataset\'s events built from the input) and `lookup:`/`inputlookup:` (the table\'s rows); no savedsearch',
  compile(node, ctx) {
    const ref = datasetArg(node);
    if (ref.type !== 'datamodel') return lookupRowsCommand(ref, ctx);
    const [model, ...rest] = ref.name.split('.');
    const modelSpan = { start: ref.span.start, end: ref.span.start + model!.length };
    return datasetEventsCommand(model!, modelSpan, rest.length ? rest[rest.length - 1] : undefined, ref.span, ctx);
  },
};
