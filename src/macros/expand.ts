// Macro expansion on query text: replaces backtick calls recursively and records a source map.
import { type MacroFrame, type Span, SplError } from '../errors.js';
import { parseMacroCall } from './call.js';
import { macroDisplayName, type MacroLibrary } from './library.js';
import { resolveMacroCall } from './resolve.js';
import { scanMacroCalls } from './scan.js';
import { type Expansion, ExpansionBuilder, identityExpansion } from './source-map.js';
import { applyTemplate } from './template.js';

export interface ExpandOptions {
  /** A missing arity-0 macro named `*_filter` expands to `search *` (ESCU's default). Default true. */
  filterFallback?: boolean;
  /** Maximum nesting of macro calls. Default 50. */
  maxDepth?: number;
}

/**
 * Most characters a query may expand to, and most macro calls it may expand: a 10-way fan-out macro six levels deep
 * expands to a million calls and took 19.5 s and 3 GB (issue 16 point 26). The largest ESCU detection expands to a
 * few KB with a few dozen calls.
 */
export const MAX_EXPANDED_CHARS = 1_000_000;
export const MAX_MACRO_CALLS = 10_000;

interface ExpandContext {
  /** Macro calls expanded so far. */
  calls: number;
  original: string;
  lib: MacroLibrary;
  builder: ExpansionBuilder;
  filterFallback: boolean;
  maxDepth: number;
}

/** Where a piece of text sits: the top-level query, or inside macros (outermost call span + frames + keys). */
interface Nesting {
  callSpan?: Span;
  frames: MacroFrame[];
  /** `name(N)` of each enclosing macro, for cycle detection and messages. */
  keys: string[];
}

const TOP_LEVEL: Nesting = { frames: [], keys: [] };

/** Point an error raised in nested text at the outermost call, and record where it happened. */
function locate(err: unknown, nesting: Nesting, original: string): unknown {
  if (!(err instanceof SplError)) return err;
  if (err.source === undefined) {
    if (nesting.callSpan) err.span = nesting.callSpan;
    err.macroStack = [...nesting.frames];
    err.source = original;
  }
  return err;
}

function expandCall(ctx: ExpandContext, body: string, callSpan: Span, nesting: Nesting): void {
  const call = parseMacroCall(body, callSpan);
  const macro = resolveMacroCall(call, ctx.lib, callSpan, ctx.filterFallback);
  const key = macroDisplayName(call.name, call.args.length);
  if (nesting.keys.includes(key)) {
    const chain = [...nesting.keys.slice(nesting.keys.indexOf(key)), key].join(' -> ');
    throw new SplError('macro-cycle', `macro expansion loops: ${chain}`, callSpan);
  }
  if (++ctx.calls > MAX_MACRO_CALLS) {
    throw new SplError('macro-expansion-limit', `the query expands more than ${MAX_MACRO_CALLS} macro calls (at '${key}')`, callSpan);
  }
  if (nesting.keys.length >= ctx.maxDepth) {
    throw new SplError('macro-depth', `macro calls nest deeper than ${ctx.maxDepth} levels (at '${key}')`, callSpan);
  }
  const inner: Nesting = {
    callSpan,
    frames: [...nesting.frames, { macro: body.trim(), callSpan }],
    keys: [...nesting.keys, key],
  };
  expandText(ctx, applyTemplate(macro.template, call.args), inner);
}

/** Expand `text` (the original query at top level, else a macro body) into the builder. */
function expandText(ctx: ExpandContext, text: string, nesting: Nesting): void {
  try {
    let copied = 0;
    const copy = (end: number) => {
      if (nesting.callSpan) ctx.builder.appendMacroText(text.slice(copied, end), nesting.callSpan, nesting.frames);
      else ctx.builder.appendVerbatim(text, copied, end);
      if (ctx.builder.size > MAX_EXPANDED_CHARS) {
        throw new SplError('macro-expansion-limit', `macros expand the query to more than ${MAX_EXPANDED_CHARS} characters`, nesting.callSpan);
      }
    };
    for (const site of scanMacroCalls(text)) {
      copy(site.start);
      const callSpan = nesting.callSpan ?? { start: site.start, end: site.end };
      expandCall(ctx, site.body, callSpan, nesting);
      copied = site.end;
    }
    copy(text.length);
  } catch (err) {
    throw locate(err, nesting, ctx.original);
  }
}

/** Expand every macro call in `query`. Errors are SplErrors with spans into `query`. */
export function expandMacros(query: string, lib: MacroLibrary, opts: ExpandOptions = {}): Expansion {
  if (!query.includes('`')) return identityExpansion(query);
  const builder = new ExpansionBuilder();
  const ctx: ExpandContext = {
    calls: 0,
    original: query,
    lib,
    builder,
    filterFallback: opts.filterFallback ?? true,
    maxDepth: opts.maxDepth ?? 50,
  };
  expandText(ctx, query, TOP_LEVEL);
  return builder.finish(query);
}
