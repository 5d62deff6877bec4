// Comparison and conditional functions: if case coalesce null nullif true false validate match like searchmatch in cidrmatch.
import { SplError } from '../../errors.js';
import type { Scalar } from '../../runtime/event.js';
import { anyPair, scalarComparator } from '../compare.js';
import { anyValueMatches, compileIn, compileLike } from '../logic.js';
import type { EvalFunction } from '../types.js';
import { numberReader } from '../values.js';
import { compileCidrMatch } from './cidr.js';
import { constantFunction } from './define.js';
import { commonKind } from './kinds.js';
import { regexArg, withRegexBudget } from './regex.js';

const ifFunction: EvalFunction = {
  name: 'if',
  minArgs: 3,
  maxArgs: 3,
  result: (args) => commonKind(args.slice(1)),
  compile([predicate, whenTrue, whenFalse]) {
    return (ev) => (predicate!.evaluate(ev) === true ? whenTrue!.evaluate(ev) : whenFalse!.evaluate(ev));
  },
};

function everyOther<T>(items: T[], start: number): T[] {
  return items.filter((_, i) => i % 2 === start);
}

/** case(c1, v1, ...): the value of the first true condition, null when none is. */
const caseFunction: EvalFunction = {
  name: 'case',
  minArgs: 2,
  maxArgs: Infinity,
  result: (args) => commonKind(everyOther(args, 1)),
  compile(args, _ctx, span) {
    if (args.length % 2 !== 0) {
      throw new SplError('bad-argument', `case takes condition/value pairs, got ${args.length} arguments`, span);
    }
    const conditions = everyOther(args, 0).map((a) => a.evaluate);
    const values = everyOther(args, 1).map((a) => a.evaluate);
    return (ev) => {
      for (let i = 0; i < conditions.length; i++) if (conditions[i]!(ev) === true) return values[i]!(ev);
      return null;
    };
  },
};

/** validate(c1, v1, ...): the value of the first condition that is not true, null when all are. */
const validateFunction: EvalFunction = {
  name: 'validate',
  minArgs: 2,
  maxArgs: Infinity,
  result: (args) => commonKind(everyOther(args, 1)),
  compile(args, _ctx, span) {
    if (args.length % 2 !== 0) {
      throw new SplError('bad-argument', `validate takes condition/value pairs, got ${args.length} arguments`, span);
    }
    const conditions = everyOther(args, 0).map((a) => a.evaluate);
    const values = everyOther(args, 1).map((a) => a.evaluate);
    return (ev) => {
      for (let i = 0; i < conditions.length; i++) if (conditions[i]!(ev) !== true) return values[i]!(ev);
      return null;
    };
  },
};

const coalesceFunction: EvalFunction = {
  name: 'coalesce',
  minArgs: 1,
  maxArgs: Infinity,
  result: commonKind,
  compile(args) {
    const evaluators = args.map((a) => a.evaluate);
    return (ev) => {
      for (const evaluate of evaluators) {
        const v = evaluate(ev);
        if (v !== null) return v;
      }
      return null;
    };
  },
};

/** nullif(a, b): null when a equals b (as `=` compares), else a. */
const nullifFunction: EvalFunction = {
  name: 'nullif',
  minArgs: 2,
  maxArgs: 2,
  result: (args) => args[0]!.kind,
  compile([a, b]) {
    const compare = scalarComparator(numberReader(a!.kind), numberReader(b!.kind));
    const equal = (x: Scalar, y: Scalar): boolean => compare(x, y) === 0;
    return (ev) => {
      const v = a!.evaluate(ev);
      return anyPair(v, b!.evaluate(ev), equal) === true ? null : v;
    };
  },
};

/** match(text, regex): true when the regex matches anywhere in any value of text. */
const matchFunction: EvalFunction = {
  name: 'match',
  minArgs: 2,
  maxArgs: 2,
  result: 'boolean',
  compile([text, pattern]) {
    const regex = regexArg(pattern!);
    return (ev) => {
      const re = regex(ev);
      return re === null ? null : withRegexBudget('match', text!, pattern!, () => anyValueMatches(text!.evaluate(ev), re));
    };
  },
};

const likeFunction: EvalFunction = {
  name: 'like',
  minArgs: 2,
  maxArgs: 2,
  result: 'boolean',
  compile: ([text, pattern]) => compileLike(text!, pattern!),
};

const inFunction: EvalFunction = {
  name: 'in',
  minArgs: 2,
  maxArgs: Infinity,
  result: 'boolean',
  compile: ([subject, ...candidates]) => compileIn(subject!, candidates, false),
};

/** searchmatch("search terms"): the engine compiles the literal search once. */
const searchmatchFunction: EvalFunction = {
  name: 'searchmatch',
  minArgs: 1,
  maxArgs: 1,
  result: 'boolean',
  compile([query], ctx, span) {
    if (typeof query!.literal !== 'string') {
      throw new SplError('bad-argument', 'searchmatch takes a literal search string in double quotes', query!.node.span);
    }
    if (ctx.compileSearch === undefined) {
      throw new SplError('bad-argument', 'searchmatch is not available in this context', span);
    }
    const matches = ctx.compileSearch(query!.literal, query!.node.span);
    return (ev) => matches(ev);
  },
};

const cidrmatchFunction: EvalFunction = {
  name: 'cidrmatch',
  minArgs: 2,
  maxArgs: 2,
  result: 'boolean',
  compile: ([cidr, ip]) => compileCidrMatch(cidr!, ip!),
};

export const CONDITIONAL_FUNCTIONS: EvalFunction[] = [
  ifFunction,
  caseFunction,
  validateFunction,
  coalesceFunction,
  constantFunction('null', 'any', () => null),
  nullifFunction,
  constantFunction('true', 'boolean', () => true),
  constantFunction('false', 'boolean', () => false),
  matchFunction,
  likeFunction,
  inFunction,
  searchmatchFunction,
  cidrmatchFunction,
];
