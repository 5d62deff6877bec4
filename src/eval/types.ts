// Types shared by the eval compiler and its function library: values, evaluators, compile context, function definitions.
import type { EvalExpr } from '../ast.js';
import type { Span } from '../errors.js';
import type { Event, Scalar } from '../runtime/event.js';
import type { TimeZone } from '../time/zone.js';

/** An eval result: a scalar, a multivalue, or null (Splunk NULL). Booleans are condition results only. */
export type EvalValue = Scalar | Scalar[] | null;

/** A compiled expression: evaluates against one event. */
export type Evaluator = (ev: Event) => EvalValue;

export interface EvalCompileContext {
  /** Zone for strftime/strptime/relative_time. */
  zone: TimeZone;
  /** Search start time, epoch seconds (now() returns it). */
  now: number;
  /** Compiles a search-language string for searchmatch(); provided by the engine. May be absent in tests. */
  compileSearch?: (query: string, span: Span) => (ev: Event) => boolean;
  /** Where compile-time warnings go (the run's warning channel); absent in some tests, where they are dropped. */
  warn?: (message: string) => void;
}

/**
 * What an expression is known to produce, decided at compile time.
 * `any` marks values read from events (or mixed): a string there that reads as a number counts as a number
 * (Splunk field values are untyped text), while a `string` (literal or string function) stays a string.
 */
export type ValueKind = 'number' | 'string' | 'boolean' | 'json' | 'multivalue' | 'any';

/** A compiled function argument: its evaluator plus what is known about it at compile time. */
export interface CompiledArg {
  evaluate: Evaluator;
  node: EvalExpr;
  kind: ValueKind;
  /** The value when the argument is a literal (a constant the function may pre-compile). */
  literal?: Scalar;
}

/** The compile context handed to function definitions: the caller's context plus a sub-expression compiler. */
export interface FunctionCompileContext extends EvalCompileContext {
  compileNode(node: EvalExpr): CompiledArg;
}

/** One eval function: arity and a compiler from compiled arguments to an evaluator. */
export interface EvalFunction {
  name: string;
  minArgs: number;
  /** Infinity for variadic functions. */
  maxArgs: number;
  /** The static result kind, or a rule computing it from the arguments (e.g. `if` takes its branches' kind). */
  result: ValueKind | ((args: CompiledArg[]) => ValueKind);
  compile(args: CompiledArg[], ctx: FunctionCompileContext, span: Span): Evaluator;
}
