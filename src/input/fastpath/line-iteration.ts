// Walking only the lines of a piece of raw bytes that a selective block pre-filter may match.
import type { LineVisitor } from '../sources/line-block.js';
import type { ByteLiteralScan } from './byte-literal-scan.js';
import { utf8Text } from '../../util/byte-text.js';
import { isBlank } from '../sources/lines.js';
import type { SourceStats } from '../source-stats.js';

const SPACE = 0x20;
const NEWLINE_BYTE = 0x0a;
const CARRIAGE_RETURN_BYTE = 0x0d;

/**
 * The lines of bytes[start, end) (a piece of a block, ending at a newline or the block's end) that the scan may
 * match go to `visit`; the others are counted as read and skipped, without a per-line check: the scan's next hit
 * tells where the next line worth reading is. No text is made but for the lines visited. `visit` gets positions
 * relative to `start`, as over the piece's text. Returns the next line number.
 */
export function sparseByteLines(bytes: Buffer, start: number, end: number, firstLine: number, scan: ByteLiteralScan, stats: SourceStats, visit: LineVisitor, wellFormed: SkippedLineCheck): number {
  let line = firstLine;
  for (let pos = start; ; line++) {
    const hit = scan.nextMayMatch(pos);
    let lineStart = pos;
    for (let newline = bytes.indexOf(NEWLINE_BYTE, pos); newline >= 0 && newline < hit && newline < end; newline = bytes.indexOf(NEWLINE_BYTE, newline + 1)) {
      countSkipped(bytes, lineStart, newline, line, stats, wellFormed);
      line++;
      lineStart = newline + 1;
    }
    if (hit >= end) {
      countSkipped(bytes, lineStart, end, line, stats, wellFormed);
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

/** Judges a line ruled out by the scan (bytes [start, end), numbered `line`): false when it is malformed (reported). */
export type SkippedLineCheck = (start: number, end: number, line: number) => boolean;

/**
 * A line ruled out by the scan: unless it is blank (only a line opening with a control or space byte is decoded to
 * check), it is judged well-formed or not like every other line, and when well-formed counted as read and skipped.
 */
function countSkipped(bytes: Buffer, start: number, newline: number, line: number, stats: SourceStats, wellFormed: SkippedLineCheck): void {
  if (start === newline || (bytes[start]! <= SPACE && isBlank(utf8Text(bytes, start, newline)))) return;
  const end = newline > start && bytes[newline - 1] === CARRIAGE_RETURN_BYTE ? newline - 1 : newline;
  if (!wellFormed(start, end, line)) return;
  stats.eventsRead++;
  stats.eventsSkipped++;
}
