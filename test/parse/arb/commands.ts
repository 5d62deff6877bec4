// fast-check arbitraries for the typed commands (search, rex, stats, rename, convert, eval, where, fields, table, head).
import fc from 'fast-check';
import type { Aggregate, AggregateArg, Command, CommandOption, EvalExpr, SearchExpr } from '../../../src/ast.js';
import { commandOptions, fieldName, quotedText, SPAN, wordText } from './words.js';

export interface CommandTies {
  search: () => fc.Arbitrary<SearchExpr>;
  evalExpr: () => fc.Arbitrary<EvalExpr>;
}

const option = (name: string, value: string, quoted = false): CommandOption => ({ name, value, quoted, span: SPAN });
const optionValue = fc.oneof(
  wordText.map((value) => ({ value, quoted: false })),
  quotedText.map((value) => ({ value, quoted: true })),
);

/** rex: the typed fields (field, mode, max_match, offset_field) are read back from the options list. */
const rex = fc
  .record({
    field: fc.option(optionValue, { nil: undefined }),
    sed: fc.boolean(),
    maxMatch: fc.option(fc.integer({ min: -1, max: 100 }), { nil: undefined }),
    offsetField: fc.option(optionValue, { nil: undefined }),
    pattern: quotedText,
  })
  .chain(({ field, sed, maxMatch, offsetField, pattern }) => {
    const options = [
      ...(field ? [option('field', field.value, field.quoted)] : []),
      ...(sed ? [option('mode', 'sed')] : []),
      ...(maxMatch !== undefined ? [option('max_match', String(maxMatch))] : []),
      ...(offsetField ? [option('offset_field', offsetField.value, offsetField.quoted)] : []),
    ];
    return fc.shuffledSubarray(options, { minLength: options.length }).map((shuffled): Command => ({
      kind: 'rex', field: field?.value ?? null, mode: sed ? 'sed' : null, pattern, patternSpan: SPAN,
      maxMatch: maxMatch ?? null, offsetField: offsetField?.value ?? null, options: shuffled, span: SPAN,
    }));
  });

const AGGREGATE_FUNCTIONS = ['count', 'dc', 'values', 'min', 'max', 'sum', 'avg', 'latest', 'perc95', 'p50', 'distinct_count', 'list'];

function aggregate(tie: CommandTies): fc.Arbitrary<Aggregate> {
  const arg: fc.Arbitrary<AggregateArg | null> = fc.oneof(
    fc.constant(null),
    fieldName.map((f): AggregateArg => ({ kind: 'field', name: f.name, quoted: f.quoted, span: SPAN })),
    tie.evalExpr().map((expr): AggregateArg => ({ kind: 'eval', expr, span: SPAN })),
  );
  return fc.record({
    fn: fc.constantFrom(...AGGREGATE_FUNCTIONS),
    arg,
    params: fc.array(fc.constantFrom('95', '0.5', 'x', 'web-01'), { maxLength: 2 }),
    as: fc.option(fieldName, { nil: null }),
    span: fc.constant(SPAN),
  });
}

function stats(tie: CommandTies): fc.Arbitrary<Command> {
  return fc
    .record({
      command: fc.constantFrom('stats' as const, 'eventstats' as const, 'streamstats' as const),
      options: commandOptions,
      by: fc.array(fieldName, { maxLength: 3 }),
    })
    .chain(({ command, options, by }) =>
      fc.record({
        kind: fc.constant('stats' as const),
        command: fc.constant(command),
        options: fc.constant(options),
        // Only streamstats may have no aggregate; options after the aggregates need a by-list before them.
        aggregates: fc.array(aggregate(tie), { minLength: command === 'streamstats' ? 0 : 1, maxLength: 3 }),
        by: fc.constant(by),
        trailingOptions: by.length ? commandOptions : fc.constant([]),
        span: fc.constant(SPAN),
      }),
    );
}

const rename = fc
  .array(fc.record({ from: fieldName, to: fieldName, span: fc.constant(SPAN) }), { minLength: 1, maxLength: 3 })
  .map((pairs): Command => ({ kind: 'rename', pairs, span: SPAN }));

const convert = fc.record({
  kind: fc.constant('convert' as const),
  options: commandOptions,
  conversions: fc.array(
    fc.record({
      fn: fc.constantFrom('ctime', 'mktime', 'dur2sec', 'auto', 'num', 'rmunit', 'memk', 'none'),
      field: fieldName,
      as: fc.option(fieldName, { nil: null }),
      span: fc.constant(SPAN),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  span: fc.constant(SPAN),
});

const fieldsCommand = fc
  .record({ mode: fc.constantFrom('+' as const, '-' as const), explicitMode: fc.boolean(), fields: fc.array(fieldName, { maxLength: 3 }) })
  .map(({ mode, explicitMode, fields }): Command => ({ kind: 'fields', mode: explicitMode ? mode : '+', explicitMode, fields, span: SPAN }));

export const table = fc.array(fieldName, { maxLength: 3 }).map((fields): Command => ({ kind: 'table', fields, span: SPAN }));

/** head: a limit given as a number, as `limit=N`, or not at all; other options never named limit. */
function head(tie: CommandTies): fc.Arbitrary<Command> {
  return fc
    .record({
      limit: fc.oneof(fc.constant(null), fc.record({ n: fc.nat(500), asOption: fc.boolean() })),
      options: commandOptions,
      expr: fc.option(tie.evalExpr(), { nil: null }),
    })
    .map(({ limit, options, expr }): Command => ({
      kind: 'head',
      limit: limit?.n ?? null,
      expr,
      options: limit?.asOption ? [option('limit', String(limit.n)), ...options] : options,
      span: SPAN,
    }));
}

/** Typed commands that may start a bracketed pipeline without a pipe (`[eval x=1]`), i.e. all but search. */
export function bracketCommands(tie: CommandTies): fc.Arbitrary<Command>[] {
  const evalCommand = fc
    .array(fc.record({ field: fieldName, expr: tie.evalExpr(), span: fc.constant(SPAN) }), { minLength: 1, maxLength: 3 })
    .map((assignments): Command => ({ kind: 'eval', assignments, span: SPAN }));
  const where = tie.evalExpr().map((expr): Command => ({ kind: 'where', expr, span: SPAN }));
  return [table, fieldsCommand, rename, convert, rex, stats(tie), evalCommand, where, head(tie)];
}

/** `search <expr>` in a later position (never implicit). */
export function explicitSearch(tie: CommandTies): fc.Arbitrary<Command> {
  return fc
    .option(tie.search(), { nil: null })
    .map((expr): Command => ({ kind: 'search', implicit: false, expr, span: SPAN }));
}
