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
export function sparseByteLines(bytes: Buffer, start: number, end: number, firstLine: number, scan: ByteLiteralScan, stats: SourceStats, visit: LineVisitor): number {
  let line = firstLine;
  for (let pos = start; ; line++) {
    const hit = scan.nextMayMatch(pos);
    let lineStart = pos;
    for (let newline = bytes.indexOf(NEWLINE_BYTE, pos); newline >= 0 && newline < hit && newline < end; newline = bytes.indexOf(NEWLINE_BYTE, newline + 1)) {
      countSkipped(bytes, lineStart, newline, stats);
      line++;
      lineStart = newline + 1;
    }
    if (hit >= end) {
      countSkipped(bytes, lineStart, end, stats);
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

/**
 * A line ruled out unread: counted as read and skipped unless it is blank (only a line opening with a control or
 * space byte is decoded to check).
 */
function countSkipped(bytes: Buffer, start: number, newline: number, stats: SourceStats): void {
  if (start === newline || (bytes[start]! <= SPACE && isBlank(utf8Text(bytes, start, newline)))) return;
  stats.eventsRead++;
  stats.eventsSkipped++;
}
