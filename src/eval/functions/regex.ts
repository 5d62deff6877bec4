// Regex arguments of eval functions: PCRE patterns translated by src/regex, compiled once when literal.
import { isSplError, SplError } from '../../errors.js';
import { annotateRegexLimit } from '../../regex/budget.js';
import { compilePcre, type CompiledRegex } from '../../regex/pcre.js';
import type { CompiledArg, Evaluator } from '../types.js';
import { preparedArg } from './define.js';

/** The compiled regex of a pattern argument; a bad literal pattern throws `bad-regex` at the argument. */
export function compiledRegexArg(arg: CompiledArg, global: boolean): (ev: Parameters<Evaluator>[0]) => CompiledRegex | null {
  const span = arg.node.span;
  return preparedArg(arg, (pattern) => {
    try {
      return compilePcre(pattern, { global, span });
    } catch (e) {
      if (isSplError(e)) {
        e.span ??= span;
        throw e;
      }
      throw new SplError('bad-regex', `invalid regular expression: ${(e as Error).message}`, span);
    }
  });
}

/** The JS RegExp of a pattern argument (non-global: safe for `test`). */
export function regexArg(arg: CompiledArg): (ev: Parameters<Evaluator>[0]) => RegExp | null {
  const compiled = compiledRegexArg(arg, false);
  return (ev) => compiled(ev)?.regex ?? null;
}

/** Run a regex match for function `name` on argument `text`; a `regex-limit` error names them (`match() on CommandLine`). */
export function withRegexBudget<T>(name: string, text: CompiledArg, pattern: CompiledArg, run: () => T): T {
  try {
    return run();
  } catch (err) {
    throw annotateRegexLimit(err, `${name}() on ${text.node.kind === 'field' ? text.node.name : 'its first argument'}`, pattern.node.span);
  }
}
