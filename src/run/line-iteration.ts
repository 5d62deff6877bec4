// Walking only the lines of a piece of Latin-1 text that a selective block pre-filter may match.
import { visitLine, type LineVisitor } from '../input/line-block.js';
import type { LiteralScan } from '../input/literal-scan.js';
import { isBlank } from '../input/lines.js';
import type { SourceStats } from './event-source.js';

const NEWLINE = '\n';
const SPACE = 0x20;

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
