// `spath [input=f] [output=f] [path=]p`: extract JSON/XML fields from a field (default _raw); without a path, extract all.
import type { GenericCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import { SplError } from '../errors.js';
import { scalarToString, valuesOf, type Event, type Scalar } from '../runtime/event.js';
import { clauseArgs, fieldList, readOptions } from './generic-args.js';
import { compileSpathPath, extractAll, extractPath } from './spath-extract.js';

type Extractor = (ev: Event, texts: string[]) => void;

function pathExtractor(pathText: string, output: string, span: GenericCommand['span']): Extractor {
  const path = compileSpathPath(pathText);
  if (!path.json && !path.xml) throw new SplError('bad-argument', `spath: malformed path "${pathText}"`, span);
  return (ev, texts) => {
    const values: Scalar[] = texts.flatMap((t) => extractPath(t, path));
    // A path that reaches nothing leaves the output field as it was.
    if (values.length) ev.set(output, values.length === 1 ? values[0] : values);
  };
}

/** Every field of every input value; a field found in several values becomes a multivalue. */
const extractEverything: Extractor = (ev, texts) => {
  const [first, ...others] = texts.map(extractAll);
  for (const [name, value] of first ?? []) ev.set(name, value);
  for (const fields of others) {
    for (const [name, value] of fields) ev.set(name, [...valuesOf(ev.get(name)), ...valuesOf(value)]);
  }
};

export const spathCommand: CommandDef<GenericCommand> = {
  names: ['spath'],
  kind: 'streaming',
  threads: 'per-event',
  notes: 'reads the whole input (Splunk stops at 5,000 characters)',
  compile(node) {
    const { options, rest } = readOptions('spath', clauseArgs(node).get(null) ?? [], ['input', 'output', 'path']);
    const bare = fieldList('spath', rest);
    const pathOpt = options.get('path');
    if (bare.length > 1 || (bare.length === 1 && pathOpt)) throw new SplError('bad-argument', 'spath: expected one path', bare[bare.length - 1]!.span);
    const path = pathOpt ? { name: pathOpt.text, span: pathOpt.valueSpan } : bare[0];
    const input = options.text('input', '_raw');
    const outputOpt = options.get('output');
    if (outputOpt && !path) throw new SplError('bad-argument', 'spath: output= needs a path', outputOpt.span);
    const extract = path ? pathExtractor(path.name, outputOpt?.text ?? path.name, path.span) : extractEverything;
    return {
      kind: 'streaming',
      reads: [input],
      factory: (next) => ({
        push: (ev) => {
          const v = ev.get(input);
          if (v !== undefined) extract(ev, valuesOf(v).map(scalarToString));
          next.push(ev);
        },
        end: () => next.end(),
      }),
    };
  },
};
