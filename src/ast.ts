// The SPL abstract syntax tree: plain, JSON-serialisable typed objects, each with a span.
import type { Span } from './errors.js';

export type { Span };

/** A whole query: commands separated by pipes. `leadingPipe` marks generating searches (`| tstats ...`). */
export interface Pipeline {
  kind: 'pipeline';
  leadingPipe: boolean;
  commands: Command[];
  span: Span;
}

// ---------------------------------------------------------------- search expressions

/** A literal in a search: bare word or quoted phrase (already unescaped), maybe wrapped in CASE()/TERM(). */
export interface SearchLiteral {
  text: string;
  quoted: boolean;
  modifier?: 'CASE' | 'TERM';
  span: Span;
}

export type SearchCompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type SearchExpr =
  | { kind: 'and'; items: SearchExpr[]; span: Span }
  | { kind: 'or'; items: SearchExpr[]; span: Span }
  | { kind: 'not'; expr: SearchExpr; span: Span }
  /** A bare term or phrase matched against `_raw`. */
  | { kind: 'term'; value: SearchLiteral; span: Span }
  /** `field op value`; the field name is literal text (never a field reference on the right). */
  | { kind: 'compare'; field: string; fieldSpan: Span; op: SearchCompareOp; value: SearchLiteral; span: Span }
  /** `field IN (v1, v2, ...)`. */
  | { kind: 'in'; field: string; fieldSpan: Span; values: SearchLiteral[]; span: Span }
  /** `[ subsearch ]` inside a search: its results become search terms. */
  | { kind: 'subsearch'; pipeline: Pipeline; span: Span };

// ---------------------------------------------------------------- eval expressions

export type EvalBinaryOp =
  | '+' | '-' | '*' | '/' | '%' | '.'
  | '=' | '==' | '!=' | '<' | '<=' | '>' | '>='
  | 'AND' | 'OR' | 'XOR' | 'LIKE';

export type EvalExpr =
  | { kind: 'number'; value: number; text: string; span: Span }
  | { kind: 'string'; value: string; span: Span }
  /** A field reference: bare name, or `'quoted name'` (quoted=true). */
  | { kind: 'field'; name: string; quoted: boolean; span: Span }
  | { kind: 'call'; name: string; args: EvalExpr[]; span: Span }
  | { kind: 'binary'; op: EvalBinaryOp; left: EvalExpr; right: EvalExpr; span: Span }
  | { kind: 'unary'; op: 'NOT' | '-' | '+'; expr: EvalExpr; span: Span }
  /** `expr [NOT] IN (v1, ...)` in eval/where. */
  | { kind: 'in'; expr: EvalExpr; values: EvalExpr[]; negated: boolean; span: Span };

// ---------------------------------------------------------------- shared pieces

/** A field name as written in a command (may contain `*` wildcards). */
export interface FieldName {
  name: string;
  quoted: boolean;
  span: Span;
}

/** `key=value` option of a command, e.g. `max_match=0`. The value is kept as text (unescaped if quoted). */
export interface CommandOption {
  name: string;
  value: string;
  quoted: boolean;
  span: Span;
}

// ---------------------------------------------------------------- typed commands

export interface SearchCommand {
  kind: 'search';
  /** True for the search at the start of a query with no `search` keyword. */
  implicit: boolean;
  /** Null for an empty search (e.g. a query of only options). */
  expr: SearchExpr | null;
  span: Span;
}

export interface RexCommand {
  kind: 'rex';
  field: string | null;
  mode: 'sed' | null;
  /** The regex or sed expression, SPL escapes already removed. */
  pattern: string;
  patternSpan: Span;
  maxMatch: number | null;
  offsetField: string | null;
  options: CommandOption[];
  span: Span;
}

/** The argument of an aggregate: a field (maybe wildcarded) or `eval(expr)`. */
export type AggregateArg =
  | { kind: 'field'; name: string; quoted: boolean; span: Span }
  | { kind: 'eval'; expr: EvalExpr; span: Span };

export interface Aggregate {
  /** Function name as written, e.g. `count`, `dc`, `perc95`, `values`. */
  fn: string;
  /** Null for a bare `count`. */
  arg: AggregateArg | null;
  /** Extra non-field arguments, e.g. `percentile(x, 95)`. Rare. */
  params: string[];
  as: FieldName | null;
  span: Span;
}

/** `stats`, `eventstats`, `streamstats`, ...: aggregates with an optional by-list. */
export interface StatsCommand {
  kind: 'stats';
  command: 'stats' | 'eventstats' | 'streamstats';
  options: CommandOption[];
  aggregates: Aggregate[];
  by: FieldName[];
  /** Options written after the by-list (e.g. `dedup_splitvals=true`). */
  trailingOptions: CommandOption[];
  span: Span;
}

export interface RenameCommand {
  kind: 'rename';
  pairs: Array<{ from: FieldName; to: FieldName; span: Span }>;
  span: Span;
}

export interface Conversion {
  fn: string;
  field: FieldName;
  as: FieldName | null;
  span: Span;
}

export interface ConvertCommand {
  kind: 'convert';
  options: CommandOption[];
  conversions: Conversion[];
  span: Span;
}

export interface EvalAssignment {
  field: FieldName;
  expr: EvalExpr;
  span: Span;
}

export interface EvalCommand {
  kind: 'eval';
  assignments: EvalAssignment[];
  span: Span;
}

export interface WhereCommand {
  kind: 'where';
  expr: EvalExpr;
  span: Span;
}

export interface FieldsCommand {
  kind: 'fields';
  mode: '+' | '-';
  /** Whether the +/- sign was written (for printing). */
  explicitMode: boolean;
  fields: FieldName[];
  span: Span;
}

export interface TableCommand {
  kind: 'table';
  fields: FieldName[];
  span: Span;
}

export interface HeadCommand {
  kind: 'head';
  /** `head 5` or `head limit=5`; null means the default (10). */
  limit: number | null;
  /** `head (x > 5)`: stop at the first result where the expression is false. */
  expr: EvalExpr | null;
  options: CommandOption[];
  span: Span;
}

// ---------------------------------------------------------------- generic commands

/** One argument of a command the grammar has no dedicated rule for. */
export type GenericArg =
  | { kind: 'word'; text: string; quoted: boolean; span: Span }
  /** `name op value`, e.g. `type=outer`, `count>5`. */
  | { kind: 'assign'; name: string; op: SearchCompareOp; value: GenericArg; span: Span }
  /** `name(args, ...)`; args grouped by commas. */
  | { kind: 'call'; name: string; args: GenericArg[][]; span: Span }
  /** `( ... )` with no name before it. */
  | { kind: 'group'; items: GenericArg[]; span: Span }
  | { kind: 'subsearch'; pipeline: Pipeline; span: Span }
  | { kind: 'comma'; span: Span };

/** A run of generic arguments introduced by a clause keyword (`by`, `where`, `from`, `output`, ...); the head clause has keyword null. */
export interface GenericClause {
  keyword: string | null;
  args: GenericArg[];
  span: Span;
}

export interface GenericCommand {
  kind: 'generic';
  /** Command name, lower-cased. */
  name: string;
  clauses: GenericClause[];
  span: Span;
}

export type Command =
  | SearchCommand
  | RexCommand
  | StatsCommand
  | RenameCommand
  | ConvertCommand
  | EvalCommand
  | WhereCommand
  | FieldsCommand
  | TableCommand
  | HeadCommand
  | GenericCommand;

export function assertNever(x: never): never {
  throw new Error(`unexpected AST node: ${JSON.stringify(x)}`);
}
