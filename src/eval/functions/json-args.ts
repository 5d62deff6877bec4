// Argument readers shared by the JSON functions: documents parsed per event, paths parsed once when literal.
import { SplError } from '../../errors.js';
import type { CompiledArg, Evaluator } from '../types.js';
import { preparedArg, textArg } from './define.js';
import { parseJsonPath, type PathStep } from './json-path.js';
import { parseJson } from './json-values.js';

type Reader<T> = (ev: Parameters<Evaluator>[0]) => T;

/** The parsed JSON document of an argument; undefined when absent or not valid JSON. */
export function jsonDocumentArg(arg: CompiledArg): Reader<unknown> {
  const text = textArg(arg);
  return (ev) => {
    const t = text(ev);
    return t === null ? undefined : parseJson(t);
  };
}

/** A path argument; a malformed literal path is a compile-time `bad-argument`. */
export function jsonPathArg(arg: CompiledArg): Reader<PathStep[] | null> {
  return preparedArg(arg, (path) => {
    try {
      return parseJsonPath(path);
    } catch (e) {
      throw new SplError('bad-argument', (e as Error).message, arg.node.span);
    }
  });
}

/** A key taken literally (json_extract_exact): one key step, dots and braces included. */
export function exactKeyArg(arg: CompiledArg): Reader<PathStep[] | null> {
  const text = textArg(arg);
  return (ev) => {
    const key = text(ev);
    return key === null ? null : [{ type: 'key', key }];
  };
}

/** Require `name(doc, a1, b1, a2, b2, ...)`: the arguments after the document come in pairs. */
export function requirePairs(name: string, args: CompiledArg[], what: string, span: SplError['span']): void {
  if ((args.length - 1) % 2 !== 0) {
    throw new SplError('bad-argument', `${name} takes a JSON document followed by ${what} pairs`, span);
  }
}
