// The result of macro expansion: the expanded text plus a map from its offsets back to the original query.
import type { MacroFrame, Span, SplError } from '../errors.js';

/**
 * A run of expanded text. Verbatim runs copy `[origStart, origEnd)` of the original one-to-one; macro runs
 * come from expanding the outermost call at `[origStart, origEnd)`, inside the macros on `stack`.
 */
interface Segment {
  outStart: number;
  outEnd: number;
  origStart: number;
  origEnd: number;
  /** Empty for verbatim text; outermost first for macro text. */
  stack: readonly MacroFrame[];
}

export interface MappedSpan {
  span: Span;
  macroStack: MacroFrame[];
}

export interface Expansion {
  /** The query with every macro call replaced by its expansion. */
  text: string;
  /** The query as written. */
  original: string;
  /** Map a span of `text` to `original`; inside macro text, to the outermost call's span. */
  mapSpan(span: Span): MappedSpan;
  /** Rewrite an error found in `text` so it points into `original` and names the macros it sits in. */
  mapError(err: SplError): SplError;
}

/** Accumulates expanded text and its segments. */
export class ExpansionBuilder {
  private readonly parts: string[] = [];
  private readonly segments: Segment[] = [];
  private length = 0;

  /** Characters of expanded text so far. */
  get size(): number {
    return this.length;
  }

  /** Append original text `[start, end)` unchanged. */
  appendVerbatim(original: string, start: number, end: number): void {
    this.append(original.slice(start, end), start, end, []);
  }

  /** Append text produced by macro expansion within the outermost call at `callSpan`. */
  appendMacroText(text: string, callSpan: Span, stack: readonly MacroFrame[]): void {
    this.append(text, callSpan.start, callSpan.end, stack);
  }

  private append(text: string, origStart: number, origEnd: number, stack: readonly MacroFrame[]): void {
    if (text === '') return;
    const outStart = this.length;
    this.length += text.length;
    this.parts.push(text);
    this.segments.push({ outStart, outEnd: this.length, origStart, origEnd, stack });
  }

  finish(original: string): Expansion {
    return new MacroExpansion(this.parts.join(''), original, this.segments);
  }
}

/** The expansion of a query without macros: the text itself, mapped one-to-one. */
export function identityExpansion(query: string): Expansion {
  const builder = new ExpansionBuilder();
  builder.appendVerbatim(query, 0, query.length);
  return builder.finish(query);
}

class MacroExpansion implements Expansion {
  constructor(
    readonly text: string,
    readonly original: string,
    private readonly segments: readonly Segment[],
  ) {}

  /** The segment holding the character at `offset` (the last one for offsets at or past the end). */
  private segmentAt(offset: number): Segment | undefined {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segments[mid]!.outStart <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.segments[lo];
  }

  mapSpan(span: Span): MappedSpan {
    const start = Math.max(0, Math.min(span.start, this.text.length));
    const end = Math.max(start, Math.min(span.end, this.text.length));
    const first = this.segmentAt(start);
    const last = this.segmentAt(Math.max(start, end - 1));
    if (!first || !last) return { span: { start: 0, end: 0 }, macroStack: [] };
    const isVerbatim = (seg: Segment) => seg.stack.length === 0;
    const mapped: Span = {
      start: isVerbatim(first) ? first.origStart + (start - first.outStart) : first.origStart,
      end: isVerbatim(last) ? last.origStart + (end - last.outStart) : last.origEnd,
    };
    const stack = isVerbatim(first) ? last.stack : first.stack;
    return { span: mapped, macroStack: [...stack] };
  }

  mapError(err: SplError): SplError {
    if (err.span) {
      const { span, macroStack } = this.mapSpan(err.span);
      err.span = span;
      err.macroStack = macroStack;
    }
    err.source = this.original;
    return err;
  }
}
