// Informational functions: isnull isnotnull isnum isstr isint isbool typeof.
import type { CompiledArg, EvalFunction, EvalValue } from '../types.js';
import { asScalar, numberReader, type NumberReader } from '../values.js';

/** A Boolean test of one argument's value, given how numbers are read for that argument. */
function predicate(name: string, test: (v: EvalValue, read: NumberReader) => boolean): EvalFunction {
  return {
    name,
    minArgs: 1,
    maxArgs: 1,
    result: 'boolean',
    compile([arg]: CompiledArg[]) {
      const read = numberReader(arg!.kind);
      return (ev) => test(arg!.evaluate(ev), read);
    },
  };
}

function singleNumber(v: EvalValue, read: NumberReader): number | undefined {
  const s = asScalar(v);
  return s === null || Array.isArray(v) ? undefined : read(s);
}

/** Splunk's type name: Number (incl. numeric field text), String, Boolean, Multivalue, or Invalid for null. */
function typeName(v: EvalValue, read: NumberReader): string {
  if (v === null) return 'Invalid';
  if (Array.isArray(v)) return 'Multivalue';
  if (typeof v === 'boolean') return 'Boolean';
  return read(v) !== undefined ? 'Number' : 'String';
}

const typeofFunction: EvalFunction = {
  name: 'typeof',
  minArgs: 1,
  maxArgs: 1,
  result: 'string',
  compile([arg]) {
    const read = numberReader(arg!.kind);
    return (ev) => typeName(arg!.evaluate(ev), read);
  },
};

export const INFORMATIONAL_FUNCTIONS: EvalFunction[] = [
  predicate('isnull', (v) => v === null),
  predicate('isnotnull', (v) => v !== null),
  predicate('isnum', (v, read) => singleNumber(v, read) !== undefined),
  predicate('isint', (v, read) => Number.isInteger(singleNumber(v, read))),
  predicate('isstr', (v, read) => typeName(v, read) === 'String'),
  predicate('isbool', (v) => typeof v === 'boolean'),
  typeofFunction,
];
