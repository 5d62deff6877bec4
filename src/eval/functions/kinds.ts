// Static result kinds of pass-through functions (if, case, coalesce...): the common kind of the candidate values.
import type { CompiledArg, ValueKind } from '../types.js';

/** The kind shared by all these arguments, or `any` when they differ. */
export function commonKind(args: CompiledArg[]): ValueKind {
  const first = args[0]?.kind ?? 'any';
  return args.every((a) => a.kind === first) ? first : 'any';
}
