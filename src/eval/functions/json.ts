// JSON query and edit functions: json_extract json_extract_exact json_keys json_set json_delete json_append, and spath.
import type { CompiledArg, EvalFunction, EvalValue, Evaluator } from '../types.js';
import { exactKeyArg, jsonDocumentArg, jsonPathArg, requirePairs } from './json-args.js';
import { JSON_BUILD_FUNCTIONS } from './json-build.js';
import { deletePath, selectPath, setPath, type PathStep } from './json-path.js';
import { jsonListToValue, jsonToScalar, toJsonValue } from './json-values.js';
import { isObject } from '../../util/is-object.js';

type PathReader = (ev: Parameters<Evaluator>[0]) => PathStep[] | null;

/** One path's selection as a JSON value: nothing → null, one → it, several (via `{}`) → an array. */
function selectionValue(found: unknown[]): unknown {
  if (found.length === 0) return null;
  return found.length === 1 ? found[0] : found;
}

/** json_extract and json_extract_exact: no path → the document; one → its value natively; several → a JSON array. */
function extractFunction(name: string, pathOf: (arg: CompiledArg) => PathReader): EvalFunction {
  return {
    name,
    minArgs: 1,
    maxArgs: Infinity,
    result: 'json',
    compile([doc, ...pathArgs]) {
      const document = jsonDocumentArg(doc!);
      const paths = pathArgs.map(pathOf);
      return (ev) => {
        const root = document(ev);
        if (root === undefined) return null;
        if (paths.length === 0) return jsonToScalar(root);
        const selections: unknown[] = [];
        for (const path of paths) {
          const steps = path(ev);
          if (steps === null) return null;
          selections.push(selectionValue(selectPath(root, steps)));
        }
        return selections.length === 1 ? jsonToScalar(selections[0]) : JSON.stringify(selections);
      };
    },
  };
}

function keysOf(x: unknown): string[] | null {
  return isObject(x) ? Object.keys(x) : null;
}

/** json_keys(doc[, path...]): the keys of the object (at each path) as a JSON array. */
const jsonKeysFunction: EvalFunction = {
  name: 'json_keys',
  minArgs: 1,
  maxArgs: Infinity,
  result: 'json',
  compile([doc, ...pathArgs]) {
    const document = jsonDocumentArg(doc!);
    const paths = pathArgs.map(jsonPathArg);
    return (ev) => {
      const root = document(ev);
      if (root === undefined) return null;
      if (paths.length === 0) {
        const keys = keysOf(root);
        return keys === null ? null : JSON.stringify(keys);
      }
      const all = paths.map((path) => {
        const steps = path(ev);
        return steps === null ? null : keysOf(selectPath(root, steps)[0]);
      });
      return paths.length === 1 ? (all[0] === null ? null : JSON.stringify(all[0])) : JSON.stringify(all);
    };
  },
};

/** json_set / json_append: the document edited by each (path, value) pair in turn. */
function pairEditFunction(name: string, edit: (root: unknown, steps: PathStep[], value: unknown) => void): EvalFunction {
  return {
    name,
    minArgs: 3,
    maxArgs: Infinity,
    result: 'json',
    compile(args, _ctx, span) {
      requirePairs(name, args, 'path/value', span);
      const document = jsonDocumentArg(args[0]!);
      const pairs: Array<{ path: PathReader; value: CompiledArg }> = [];
      for (let i = 1; i < args.length; i += 2) pairs.push({ path: jsonPathArg(args[i]!), value: args[i + 1]! });
      return (ev): EvalValue => {
        const root = document(ev);
        if (root === undefined) return null;
        for (const { path, value } of pairs) {
          const steps = path(ev);
          if (steps !== null) edit(root, steps, toJsonValue(value.evaluate(ev), value.kind));
        }
        return JSON.stringify(root);
      };
    },
  };
}

function appendAt(root: unknown, steps: PathStep[], value: unknown): void {
  const target = selectPath(root, steps);
  if (target.length === 1 && Array.isArray(target[0])) target[0].push(value);
}

const jsonDeleteFunction: EvalFunction = {
  name: 'json_delete',
  minArgs: 2,
  maxArgs: Infinity,
  result: 'json',
  compile([doc, ...pathArgs]) {
    const document = jsonDocumentArg(doc!);
    const paths = pathArgs.map(jsonPathArg);
    return (ev) => {
      const root = document(ev);
      if (root === undefined) return null;
      for (const path of paths) {
        const steps = path(ev);
        if (steps !== null) deletePath(root, steps);
      }
      return JSON.stringify(root);
    };
  },
};

/** spath(json, path): every value the path reaches, as a multivalue when several; objects as JSON text. */
export const spathFunction: EvalFunction = {
  name: 'spath',
  minArgs: 2,
  maxArgs: 2,
  result: 'any',
  compile([doc, pathArg]) {
    const document = jsonDocumentArg(doc!);
    const path = jsonPathArg(pathArg!);
    return (ev) => {
      const root = document(ev);
      const steps = path(ev);
      return root === undefined || steps === null ? null : jsonListToValue(selectPath(root, steps));
    };
  },
};

export const JSON_FUNCTIONS: EvalFunction[] = [
  ...JSON_BUILD_FUNCTIONS,
  extractFunction('json_extract', jsonPathArg),
  extractFunction('json_extract_exact', exactKeyArg),
  jsonKeysFunction,
  pairEditFunction('json_set', (root, steps, value) => void setPath(root, steps, value)),
  jsonDeleteFunction,
  pairEditFunction('json_append', appendAt),
];
