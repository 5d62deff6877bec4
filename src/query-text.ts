// From query text to AST: macro expansion, then parsing, with errors mapped back into the original text.
import type { Pipeline } from './ast.js';
import { SplError } from './errors.js';
import { expandMacros, MacroLibrary, type Expansion } from './macros/index.js';
import { parseQuery } from './parse/parse.js';

export interface ParseOptions {
  /** Macro definitions; an empty library when absent. */
  macros?: MacroLibrary;
  /** Expand a missing `<name>_filter` macro to `search *` (ESCU's build convention). Default true. */
  filterFallback?: boolean;
}

export interface ParsedQuery {
  original: string;
  expansion: Expansion;
  ast: Pipeline;
}

/** Expand macros and parse. Any SplError carries `source` = the original text and a span into it. */
export function parseSpl(text: string, opts: ParseOptions = {}): ParsedQuery {
  const expansion = expandMacros(text, opts.macros ?? new MacroLibrary(), { filterFallback: opts.filterFallback ?? true });
  try {
    return { original: text, expansion, ast: parseQuery(expansion.text) };
  } catch (e) {
    if (e instanceof SplError) throw expansion.mapError(e);
    throw e;
  }
}
