// `| from datamodel[:]<Model>.<Dataset>`: the dataset's events themselves (no aggregation), built from the input events.
import type { GenericCommand, Span } from '../ast.js';
import { datasetEventsCommand } from '../datamodels/dataset-events.js';
import type { CommandDef } from '../engine/types.js';
import { SplError } from '../errors.js';
import { missingSpan } from './generic-args.js';

/** `datamodel Web.Web`, `datamodel:Web.Web`, `datamodel:"Web.Web"`: the dotted name and its span. */
function datasetArg(node: GenericCommand): { text: string; span: Span } {
  const args = node.clauses.flatMap((c) => (c.keyword === null ? c.args : []));
  const [first, second, ...rest] = args;
  if (first?.kind === 'word' && !first.quoted && /^datamodel:?$/i.test(first.text) && second?.kind === 'word' && rest.length === 0) {
    return { text: second.text, span: second.span };
  }
  if (first?.kind === 'word' && /^datamodel:./i.test(first.text) && !second) {
    return { text: first.text.slice('datamodel:'.length), span: { start: first.span.start + 'datamodel:'.length, end: first.span.end } };
  }
  const where = first?.span ?? missingSpan(node);
  if (node.clauses.some((c) => c.keyword !== null) || (first?.kind === 'word' && !/^datamodel/i.test(first.text))) {
    throw new SplError('unsupported-command', 'from: only `from datamodel <Model>.<Dataset>` is supported (no lookups, saved searches or inputs)', where);
  }
  throw new SplError('bad-argument', 'from: expected datamodel <Model>.<Dataset>', where);
}

export const fromCommand: CommandDef<GenericCommand> = {
  names: ['from'],
  kind: 'generating',
  notes: 'only `from datamodel`: the dataset\'s events built from the input',
  compile(node, ctx) {
    const { text, span } = datasetArg(node);
    const [model, ...rest] = text.split('.');
    const modelSpan = { start: span.start, end: span.start + model!.length };
    return datasetEventsCommand(model!, modelSpan, rest.length ? rest[rest.length - 1] : undefined, span, ctx);
  },
};
