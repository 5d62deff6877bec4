// A block of whole NDJSON lines still in bytes: readers hand these on so that lines are decoded only when needed.
import type { NodeBuffer } from '../../util/node-buffer.js';

/**
 * Lines `bytes[start, end)`: each ended by a newline byte except the last (whose newline, if any, is at `end`).
 * Line numbers run from `firstLine`; `lineCount` includes blank lines. A line's trailing CR is not content.
 */
export interface LineBlock {
  bytes: NodeBuffer;
  start: number;
  end: number;
  firstLine: number;
  lineCount: number;
  /** The input's reported name. */
  file: string;
  /** Set for a line longer than the record limit: no bytes kept, one line, reported as malformed with this message. */
  oversized?: string;
}

const NEWLINE = '\n';
const CARRIAGE_RETURN = 0x0d;

/** Receives a line's content range (CR and LF excluded) and its number. */
export type LineVisitor = (start: number, end: number, line: number) => void;

/** Visits the line of `text` starting at `start`; returns where the next one starts, or -1 after the last. */
export function visitLine(text: string, start: number, line: number, visit: LineVisitor): number {
  let newline = text.indexOf(NEWLINE, start);
  if (newline < 0) newline = text.length;
  const end = newline > start && text.charCodeAt(newline - 1) === CARRIAGE_RETURN ? newline - 1 : newline;
  visit(start, end, line);
  return newline === text.length ? -1 : newline + 1;
}

/**
 * Calls `visit` with every line of `text` (a block's bytes as Latin-1, so positions are byte offsets), numbered
 * from `firstLine`; returns the next number.
 */
export function forEachLineIn(text: string, firstLine: number, visit: LineVisitor): number {
  let line = firstLine;
  for (let pos = 0; pos >= 0; line++) pos = visitLine(text, pos, line, visit);
  return line;
}
