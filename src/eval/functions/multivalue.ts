// Multivalue functions: mvappend mvcount mvdedup mvfind mvindex mvjoin mvsort mvzip split (mvfilter/mvmap/mvrange in mv-iterate.ts).
import { scalarToString, type Scalar } from '../../runtime/event.js';
import { compareUtf8 } from '../../search/utf8-order.js';
import type { CompiledArg, EvalFunction, Evaluator } from '../types.js';
import { listResult, valueList } from '../values.js';
import { numberArg, textArg } from './define.js';
import { commonKind } from './kinds.js';
import { MV_ITERATE_FUNCTIONS } from './mv-iterate.js';
import { regexArg, withRegexBudget } from './regex.js';

/** A multivalue function definition in one line. */
function multivalueFunction(name: string, minArgs: number, maxArgs: number, result: EvalFunction['result'], compile: (args: CompiledArg[]) => Evaluator): EvalFunction {
  return { name, minArgs, maxArgs, result, compile };
}

const mvappend = multivalueFunction('mvappend', 1, Infinity, commonKind, (args) => (ev) => listResult(args.flatMap((a) => valueList(a.evaluate(ev)))));

const mvcount = multivalueFunction('mvcount', 1, 1, 'number', ([arg]) => (ev) => {
  const v = arg!.evaluate(ev);
  return v === null ? null : valueList(v).length;
});

/** mvdedup: first occurrence of each value (compared as text), order kept. */
const mvdedup = multivalueFunction('mvdedup', 1, 1, (args) => args[0]!.kind, ([arg]) => (ev) => {
  const seen = new Set<string>();
  return listResult(valueList(arg!.evaluate(ev)).filter((v) => {
    const key = scalarToString(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }));
});

/** mvfind: 0-based index of the first value the regex matches, null when none does. */
const mvfind = multivalueFunction('mvfind', 2, 2, 'number', ([mv, pattern]) => {
  const regex = regexArg(pattern!);
  return (ev) => {
    const re = regex(ev);
    if (re === null) return null;
    const index = withRegexBudget('mvfind', mv!, pattern!, () => valueList(mv!.evaluate(ev)).findIndex((v) => re.test(scalarToString(v))));
    return index < 0 ? null : index;
  };
});

/** Index of a 0-based position that may count from the end (negative). */
function position(index: number, size: number): number {
  return index < 0 ? size + index : index;
}

/** mvindex(mv, start[, end]): 0-based, negative from the end, end inclusive (clamped); start out of range → null. */
const mvindex = multivalueFunction('mvindex', 2, 3, (args) => args[0]!.kind, ([mv, startArg, endArg]) => {
  const start = numberArg(startArg!);
  const end = endArg === undefined ? undefined : numberArg(endArg);
  return (ev) => {
    const list = valueList(mv!.evaluate(ev));
    const s = start(ev);
    const e = end === undefined ? undefined : end(ev);
    if (s === null || e === null) return null;
    const from = position(Math.trunc(s), list.length);
    if (from < 0 || from >= list.length) return null;
    if (e === undefined) return list[from]!;
    const to = Math.min(position(Math.trunc(e), list.length), list.length - 1);
    return to < from ? null : listResult(list.slice(from, to + 1));
  };
});

const mvjoin = multivalueFunction('mvjoin', 2, 2, 'string', ([mv, delimiterArg]) => {
  const delimiter = textArg(delimiterArg!);
  return (ev) => {
    const v = mv!.evaluate(ev);
    const d = delimiter(ev);
    return v === null || d === null ? null : valueList(v).map(scalarToString).join(d);
  };
});

/** mvsort: values in lexicographic order of their text (so "10" before "9"). */
const mvsort = multivalueFunction('mvsort', 1, 1, (args) => args[0]!.kind, ([mv]) => (ev) => {
  const keyed = valueList(mv!.evaluate(ev)).map((v) => ({ v, key: scalarToString(v) }));
  keyed.sort((a, b) => compareUtf8(a.key, b.key));
  return listResult(keyed.map((k) => k.v));
});

/** mvzip(a, b[, delimiter=","]): pairs joined by the delimiter, as many as the shorter side has. */
const mvzip = multivalueFunction('mvzip', 2, 3, 'string', ([left, right, delimiterArg]) => {
  const delimiter = delimiterArg === undefined ? () => ',' : textArg(delimiterArg);
  return (ev) => {
    const a = valueList(left!.evaluate(ev));
    const b = valueList(right!.evaluate(ev));
    const d = delimiter(ev);
    if (d === null) return null;
    const out: Scalar[] = [];
    for (let i = 0; i < Math.min(a.length, b.length); i++) out.push(scalarToString(a[i]!) + d + scalarToString(b[i]!));
    return listResult(out);
  };
});

/** split(text, delimiter): the pieces as a multivalue; an empty delimiter splits into characters. */
const split = multivalueFunction('split', 2, 2, 'any', ([textArgument, delimiterArg]) => {
  const text = textArg(textArgument!);
  const delimiter = textArg(delimiterArg!);
  return (ev) => {
    const t = text(ev);
    const d = delimiter(ev);
    if (t === null || d === null) return null;
    return listResult(d === '' ? Array.from(t) : t.split(d));
  };
});

export const MULTIVALUE_FUNCTIONS: EvalFunction[] = [
  mvappend,
  mvcount,
  mvdedup,
  mvfind,
  mvindex,
  mvjoin,
  mvsort,
  mvzip,
  split,
  ...MV_ITERATE_FUNCTIONS,
];

