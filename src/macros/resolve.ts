// Resolving a macro call to its definition, with the unknown / arity / iseval / filter-fallback rules.
import { closestNames, SplError, type Span } from '../errors.js';
import type { MacroCall } from './call.js';
import { type CompiledMacro, macroDisplayName, type MacroLibrary } from './library.js';
import { compileTemplate } from './template.js';

/** What ESCU's build generates for a detection's `<name>_filter` macro. */
const FILTER_FALLBACK: CompiledMacro = {
  def: { name: '*_filter', args: [], definition: 'search *', iseval: false, origin: 'ESCU filter-macro default' },
  template: compileTemplate('search *', []),
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function unknownMacro(call: MacroCall, lib: MacroLibrary, span: Span): SplError {
  const hints = closestNames(call.name, lib.baseNames()).map((name) => `did you mean \`${name}\`?`);
  const shown = macroDisplayName(call.name, call.args.length);
  return new SplError('unknown-macro', `unknown macro '${shown}': no macro with that name is defined`, span, hints);
}

function wrongArity(call: MacroCall, arities: number[], span: Span): SplError {
  const defined = arities.map((n) => String(n)).join(' or ');
  return new SplError(
    'macro-arity',
    `macro '${call.name}' called with ${plural(call.args.length, 'argument')}, but it is defined with ${defined}`,
    span,
    arities.map((n) => `defined form: \`${macroDisplayName(call.name, n)}\``),
  );
}

/** The macro a call refers to; throws the SplError that explains why there is none. */
export function resolveMacroCall(
  call: MacroCall,
  lib: MacroLibrary,
  span: Span,
  filterFallback: boolean,
): CompiledMacro {
  const found = lib.lookupCompiled(call.name, call.args.length);
  if (found) {
    if (!found.def.iseval) return found;
    const shown = macroDisplayName(call.name, call.args.length);
    const message = `macro '${shown}' is an eval-based macro (iseval = true), which is not supported yet`;
    throw new SplError('macro-iseval', message, span);
  }
  const arities = lib.aritiesOf(call.name);
  if (arities.length > 0) throw wrongArity(call, arities, span);
  if (filterFallback && call.args.length === 0 && call.name.endsWith('_filter')) return FILTER_FALLBACK;
  throw unknownMacro(call, lib, span);
}
