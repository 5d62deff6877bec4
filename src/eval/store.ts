// How eval results are stored into fields, and the compile-time rule that `eval` cannot assign a Boolean.
import type { EvalExpr } from '../ast.js';
import { SplError } from '../errors.js';
import type { FieldValue } from '../runtime/event.js';
import { compileExpression } from './compile.js';
import type { EvalCompileContext, EvalValue, Evaluator } from './types.js';

/**
 * The field value for an eval result: null → no value (the field is removed). A Boolean true is stored as
 * "true" and false as no value, so `count(eval(cond))` counts exactly the events where cond holds.
 */
export function toFieldValue(v: EvalValue): FieldValue | undefined {
  if (v === null) return undefined;
  if (typeof v === 'boolean') return v ? 'true' : undefined;
  if (Array.isArray(v)) return v.length === 0 ? undefined : v;
  return Number.isNaN(v) ? undefined : v;
}

/**
 * compileEval for `eval field=expr`: rejects an expression that always yields a Boolean, as Splunk does
 * ("Fields cannot be assigned a boolean result. Instead, try if([bool expr], [expr], [expr])").
 */
export function compileAssignment(expr: EvalExpr, ctx: EvalCompileContext): Evaluator {
  const compiled = compileExpression(expr, ctx);
  if (compiled.kind === 'boolean') {
    throw new SplError('bad-argument', 'eval cannot assign a Boolean result to a field; wrap it in if(<condition>, <value>, <value>)', expr.span, [
      'for example: eval flag=if(x > 1, "yes", "no")',
    ]);
  }
  return compiled.evaluate;
}

