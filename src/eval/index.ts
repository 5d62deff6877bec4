// Public API of the eval engine: compile eval expressions and conditions, store results, list function names.
export { compileCondition, compileEval } from './compile.js';
export { EVAL_FUNCTION_NAMES } from './functions/index.js';
export { compileAssignment, toFieldValue } from './store.js';
export type { EvalCompileContext, EvalValue, Evaluator } from './types.js';
