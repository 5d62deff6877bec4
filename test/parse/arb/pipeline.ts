// The whole-query AST arbitrary: one fc.letrec tying pipelines, commands, search and eval expressions, generic args.
import fc from 'fast-check';
import type { Command, EvalExpr, GenericArg, Pipeline, SearchExpr } from '../../../src/ast.js';
import { bracketCommands, explicitSearch, table } from './commands.js';
import { DEPTH, evalExprArbitrary } from './eval.js';
import { genericArbitraries, genericCommand } from './generic.js';
import { searchArbitraries } from './search.js';
import { SPAN } from './words.js';

/** A type alias (not an interface) so that fc.letrec's typed overload applies. */
type Tree = {
  pipeline: Pipeline;
  subPipeline: Pipeline;
  command: Command;
  search: SearchExpr;
  andItem: SearchExpr;
  orItem: SearchExpr;
  evalExpr: EvalExpr;
  genericArg: GenericArg;
  callArg: GenericArg;
};

const pipelineOf = (leadingPipe: boolean, commands: Command[]): Pipeline => ({ kind: 'pipeline', leadingPipe, commands, span: SPAN });
const implicitSearch = (expr: SearchExpr | null): Command => ({ kind: 'search', implicit: true, expr, span: SPAN });

export const trees = fc.letrec<Tree>((tie) => {
  const ties = {
    search: () => tie('search'),
    andItem: () => tie('andItem'),
    orItem: () => tie('orItem'),
    evalExpr: () => tie('evalExpr'),
    genericArg: () => tie('genericArg'),
    callArg: () => tie('callArg'),
    subPipeline: () => tie('subPipeline'),
  };
  const search = searchArbitraries(ties);
  const generic = genericArbitraries(ties);
  const typed = bracketCommands(ties);
  const later = fc.array(tie('command'), { maxLength: 3 });
  // Without a leading pipe the first command is the implicit search; an empty one only stands alone
  // (an empty search before `|` would print as a leading pipe).
  const searchFirst = fc.oneof(
    fc.constant(pipelineOf(false, [implicitSearch(null)])),
    fc.tuple(tie('search'), later).map(([expr, rest]) => pipelineOf(false, [implicitSearch(expr), ...rest])),
  );
  const pipeFirst = fc.tuple(tie('command'), later).map(([first, rest]) => pipelineOf(true, [first, ...rest]));
  // Inside brackets a typed command may also start the pipeline without a pipe: `[eval x=1]`.
  const commandFirst = fc.tuple(fc.oneof(...typed), later).map(([first, rest]) => pipelineOf(false, [first, ...rest]));
  return {
    pipeline: fc.oneof(searchFirst, pipeFirst),
    subPipeline: fc.oneof(DEPTH, searchFirst, pipeFirst, commandFirst),
    command: fc.oneof(DEPTH, table, ...typed.slice(1), explicitSearch(ties), genericCommand(ties)),
    search: search.search,
    andItem: search.andItem,
    orItem: search.orItem,
    evalExpr: evalExprArbitrary(() => tie('evalExpr')),
    genericArg: generic.genericArg,
    callArg: generic.callArg,
  };
});

/** A whole query's AST, as the parser could produce it. */
export const pipelineArbitrary: fc.Arbitrary<Pipeline> = trees.pipeline;
