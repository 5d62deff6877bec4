// The pattern being translated and how translation errors are reported (SplError 'bad-regex' with a span).
import { SplError, type Span } from '../errors.js';

export interface PatternContext {
  readonly pattern: string;
  /** Span of the pattern in the user's query, when known. */
  readonly span?: Span;
}

/** A syntax error in the pattern at `offset` (0-based character offset into the pattern). */
export function regexError(ctx: PatternContext, message: string, offset: number): SplError {
  return new SplError('bad-regex', message, ctx.span, [`at character ${offset + 1} of the regex`]);
}

/** A PCRE construct that JavaScript cannot express and splq does not emulate. */
export function unsupportedConstruct(ctx: PatternContext, construct: string, offset: number): SplError {
  return regexError(ctx, `regex construct ${construct} is not supported`, offset);
}

/** The code point at `pos` and the position after it. */
export function codePointAt(text: string, pos: number): { cp: number; next: number } {
  const cp = text.codePointAt(pos)!;
  return { cp, next: pos + (cp > 0xffff ? 2 : 1) };
}
