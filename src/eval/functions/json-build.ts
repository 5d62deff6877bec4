// JSON construction functions: json_object json_array json_valid json_array_to_mv mv_to_json_array.
import { SplError } from '../../errors.js';
import { scalarToString, type Scalar } from '../../runtime/event.js';
import type { CompiledArg, EvalFunction } from '../types.js';
import { listResult, valueList } from '../values.js';
import { textArg } from './define.js';
import { jsonToScalar, parseJson, toJsonValue } from './json-values.js';

const jsonObjectFunction: EvalFunction = {
  name: 'json_object',
  minArgs: 0,
  maxArgs: Infinity,
  result: 'json',
  compile(args: CompiledArg[], _ctx, span) {
    if (args.length % 2 !== 0) throw new SplError('bad-argument', 'json_object takes key/value pairs', span);
    const keys = args.filter((_, i) => i % 2 === 0).map(textArg);
    const values = args.filter((_, i) => i % 2 === 1);
    return (ev) => {
      const entries: Array<[string, unknown]> = [];
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!(ev);
        if (key !== null) entries.push([key, toJsonValue(values[i]!.evaluate(ev), values[i]!.kind)]);
      }
      return JSON.stringify(Object.fromEntries(entries));
    };
  },
};

const jsonArrayFunction: EvalFunction = {
  name: 'json_array',
  minArgs: 0,
  maxArgs: Infinity,
  result: 'json',
  compile: (args) => (ev) => JSON.stringify(args.map((a) => toJsonValue(a.evaluate(ev), a.kind))),
};

const jsonValidFunction: EvalFunction = {
  name: 'json_valid',
  minArgs: 1,
  maxArgs: 1,
  result: 'boolean',
  compile([arg]) {
    const text = textArg(arg!);
    return (ev) => {
      const t = text(ev);
      return t !== null && parseJson(t) !== undefined;
    };
  },
};

/** json_array_to_mv(array[, keep_quotes]): the elements as a multivalue; strings unquoted unless keep_quotes is true. */
const jsonArrayToMvFunction: EvalFunction = {
  name: 'json_array_to_mv',
  minArgs: 1,
  maxArgs: 2,
  result: 'json',
  compile([arg, keepQuotes]) {
    const text = textArg(arg!);
    return (ev) => {
      const t = text(ev);
      const array = t === null ? undefined : parseJson(t);
      if (!Array.isArray(array)) return null;
      const quoted = keepQuotes?.evaluate(ev) === true;
      const out: Scalar[] = [];
      for (const item of array) {
        const s = typeof item === 'string' && quoted ? JSON.stringify(item) : jsonToScalar(item);
        if (s !== null) out.push(s);
      }
      return listResult(out);
    };
  },
};

/** A value from a multivalue read as JSON when `infer` is on (numbers, true/false/null, objects), else a string. */
function inferJson(v: Scalar): unknown {
  if (typeof v !== 'string') return v;
  const parsed = parseJson(v);
  return parsed === undefined ? v : parsed;
}

/** mv_to_json_array(mv[, infer_types]): a JSON array of the values; strings unless infer_types is true. */
const mvToJsonArrayFunction: EvalFunction = {
  name: 'mv_to_json_array',
  minArgs: 1,
  maxArgs: 2,
  result: 'json',
  compile([arg, inferTypes]) {
    return (ev) => {
      const v = arg!.evaluate(ev);
      if (v === null) return null;
      const infer = inferTypes?.evaluate(ev) === true;
      return JSON.stringify(valueList(v).map((item) => (infer ? inferJson(item) : scalarToString(item))));
    };
  },
};

export const JSON_BUILD_FUNCTIONS: EvalFunction[] = [
  jsonObjectFunction,
  jsonArrayFunction,
  jsonValidFunction,
  jsonArrayToMvFunction,
  mvToJsonArrayFunction,
];
