// The one error type of splq: a code, a plain message, and a span into the user's query text.
import type { ErrorCode } from './error-codes.js';

/** A half-open range [start, end) of character offsets into a source text. */
export interface Span {
  start: number;
  end: number;
}

/** Where an error came from when it sits inside expanded macro text. */
export interface MacroFrame {
  /** The macro's call text, e.g. `security_content_ctime(firstTime)`. */
  macro: string;
  /** Span of the backtick call in the text that contained it (after mapping: the original query). */
  callSpan: Span;
}

export type { ErrorCode } from './error-codes.js';

/** The project's only error type. Thrown for every user mistake; never for internal bugs. */
export class SplError extends Error {
  readonly code: ErrorCode;
  /** Span in `source` (the text the error was found in), if known. */
  span?: Span;
  /** The text `span` points into; set by the layer that knows it (usually the original query). */
  source?: string;
  /** Macro expansion chain, outermost first, when the problem is inside expanded macro text. */
  macroStack: MacroFrame[] = [];
  hints: string[];

  constructor(code: ErrorCode, message: string, span?: Span, hints: string[] = []) {
    super(message);
    this.name = 'SplError';
    this.code = code;
    this.span = span;
    this.hints = hints;
  }
}

export function isSplError(e: unknown): e is SplError {
  return e instanceof SplError;
}

/** Render an error as the CLI shows it: message, the query line, a caret under the problem. */
export function formatError(err: SplError, source = err.source): string {
  const lines: string[] = [`error[${err.code}]: ${err.message}`];
  if (source !== undefined && err.span) {
    const { start, end } = err.span;
    const lineStart = source.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
    let lineEnd = source.indexOf('\n', start);
    if (lineEnd < 0) lineEnd = source.length;
    const lineNo = source.slice(0, lineStart).split('\n').length;
    const col = start - lineStart;
    const width = Math.max(1, Math.min(end, lineEnd) - start);
    const gutter = `${lineNo} | `;
    const shown = caretWindow(source.slice(lineStart, lineEnd), col, width);
    lines.push(`  --> line ${lineNo}, column ${col + 1}`);
    lines.push(gutter + shown.text);
    lines.push(' '.repeat(gutter.length + shown.col) + '^'.repeat(shown.width));
  }
  for (const frame of err.macroStack) lines.push(`  in expansion of macro \`${frame.macro}\``);
  for (const hint of new Set(err.hints)) lines.push(`  hint: ${hint}`);
  return lines.join('\n');
}

/** Longest source line shown whole under a diagnostic; longer lines are cut to a window around the caret. */
export const MAX_SHOWN_LINE = 100;
const CONTEXT_BEFORE = 40;

/** The part of a long line around the caret, with `...` where text was cut, and the caret's place in it. */
function caretWindow(line: string, col: number, width: number): { text: string; col: number; width: number } {
  if (line.length <= MAX_SHOWN_LINE) return { text: line, col, width };
  let from = Math.max(0, col - CONTEXT_BEFORE);
  const to = Math.min(line.length, from + MAX_SHOWN_LINE);
  from = Math.max(0, to - MAX_SHOWN_LINE);
  const head = from > 0 ? '...' : '';
  const tail = to < line.length ? '...' : '';
  const caretCol = head.length + col - from;
  return { text: head + line.slice(from, to) + tail, col: caretCol, width: Math.max(1, Math.min(width, to - col)) };
}

/** Edit distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The closest names to `name` among `known`, at most `max`, nearest first. */
export function closestNames(name: string, known: Iterable<string>, max = 3): string[] {
  const lower = name.toLowerCase();
  const scored: Array<[string, number]> = [];
  for (const k of new Set(known)) {
    const d = editDistance(lower, k.toLowerCase());
    const limit = Math.max(2, Math.floor(Math.max(name.length, k.length) / 3));
    if (d <= limit || k.toLowerCase().includes(lower) || lower.includes(k.toLowerCase())) scored.push([k, d]);
  }
  scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]));
  return scored.slice(0, max).map(([k]) => k);
}
