// Walking only the lines of a piece (Latin-1 text or raw bytes) that a selective block pre-filter may match.
import { visitLine, type LineVisitor } from '../input/line-block.js';
import type { LiteralScan } from '../input/literal-scan.js';
import type { ByteLiteralScan } from '../input/byte-literal-scan.js';
import { utf8Text } from '../util/byte-text.js';
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

const NEWLINE_BYTE = 0x0a;
const CARRIAGE_RETURN_BYTE = 0x0d;

/**
 * sparseLines over raw bytes[start, end) (a piece of a block, ending at a newline or the block's end), with the
 * scan searching bytes: no text is made but for the lines it may match. `visit` gets positions relative to
 * `start`, as over the piece's text. Returns the next line number.
 */
export function sparseByteLines(bytes: Buffer, start: number, end: number, firstLine: number, scan: ByteLiteralScan, stats: SourceStats, visit: LineVisitor): number {
  let line = firstLine;
  for (let pos = start; ; line++) {
    const hit = scan.nextMayMatch(pos);
    let lineStart = pos;
    for (let newline = bytes.indexOf(NEWLINE_BYTE, pos); newline >= 0 && newline < hit && newline < end; newline = bytes.indexOf(NEWLINE_BYTE, newline + 1)) {
      countSkippedBytes(bytes, lineStart, newline, stats);
      line++;
      lineStart = newline + 1;
    }
    if (hit >= end) {
      countSkippedBytes(bytes, lineStart, end, stats);
      return line + 1;
    }
    let newline = bytes.indexOf(NEWLINE_BYTE, lineStart);
    if (newline < 0 || newline > end) newline = end;
    const lineEnd = newline > lineStart && bytes[newline - 1] === CARRIAGE_RETURN_BYTE ? newline - 1 : newline;
    visit(lineStart - start, lineEnd - start, line);
    if (newline === end) return line + 1;
    pos = newline + 1;
  }
}

/** countSkipped for a line of raw bytes (only a line opening with a control or space byte is decoded to check). */
function countSkippedBytes(bytes: Buffer, start: number, newline: number, stats: SourceStats): void {
  if (start === newline || (bytes[start]! <= SPACE && isBlank(utf8Text(bytes, start, newline)))) return;
  stats.eventsRead++;
  stats.eventsSkipped++;
}
