// Walking the lines of a piece of Latin-1 text: every line, or only those a block pre-filter may match.
import type { LiteralScan } from '../input/literal-scan.js';
import { isBlank } from '../input/lines.js';
import type { SourceStats } from './event-source.js';

const NEWLINE = '\n';
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;

/** Receives a line's content range (CR and LF excluded) and its number. */
export type LineVisitor = (start: number, end: number, line: number) => void;

/** Visits the line starting at `start`; returns where the next one starts, or -1 after the last. */
function visitLine(text: string, start: number, line: number, visit: LineVisitor): number {
  let newline = text.indexOf(NEWLINE, start);
  if (newline < 0) newline = text.length;
  const end = newline > start && text.charCodeAt(newline - 1) === CARRIAGE_RETURN ? newline - 1 : newline;
  visit(start, end, line);
  return newline === text.length ? -1 : newline + 1;
}

/** Calls `visit` with every line of `text`, numbered from `firstLine`; returns the next number. */
export function forEachLineIn(text: string, firstLine: number, visit: LineVisitor): number {
  let line = firstLine;
  for (let pos = 0; pos >= 0; line++) pos = visitLine(text, pos, line, visit);
  return line;
}

/**
 * The lines of `text` that the scan may match go to `visit`; the others are counted as read and skipped, without a
 * per-line check: the scan's next hit tells where the next line worth reading is. Returns the next line number.
 */
export function sparseLines(text: string, firstLine: number, scan: LiteralScan, stats: SourceStats, visit: LineVisitor): number {
  let line = firstLine;
  for (let pos = 0; pos >= 0; line++) {
    const hit = scan.nextMayMatch(pos);
    // Skip whole lines before the one holding the hit (all of them when there is none).
    let lineStart = pos;
    for (let newline = text.indexOf(NEWLINE, pos); newline >= 0 && newline < hit; newline = text.indexOf(NEWLINE, newline + 1)) {
      countSkipped(text, lineStart, newline, stats);
      line++;
      lineStart = newline + 1;
    }
    if (hit === Infinity) {
      countSkipped(text, lineStart, text.length, stats);
      return line + 1;
    }
    pos = visitLine(text, lineStart, line, visit);
  }
  return line;
}

/** A line ruled out unread: counted as read and skipped unless it is blank (blank lines are not events). */
function countSkipped(text: string, start: number, newline: number, stats: SourceStats): void {
  const first = text.charCodeAt(start);
  if (start === newline || (first <= SPACE && isBlank(text.slice(start, newline)))) return;
  stats.eventsRead++;
  stats.eventsSkipped++;
}
