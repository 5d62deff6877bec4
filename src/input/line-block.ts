// A block of whole NDJSON lines still in bytes: readers hand these on so that lines are decoded only when needed.

/**
 * Lines `bytes[start, end)`: each ended by a newline byte except the last (whose newline, if any, is at `end`).
 * Line numbers run from `firstLine`; `lineCount` includes blank lines. A line's trailing CR is not content.
 */
export interface LineBlock {
  bytes: Buffer;
  start: number;
  end: number;
  firstLine: number;
  lineCount: number;
  /** The input's reported name. */
  file: string;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Calls `visit` with the byte range of each line's content (CR and LF excluded) and its line number. */
export function forEachLine(block: LineBlock, visit: (start: number, end: number, line: number) => void): void {
  const { bytes, end } = block;
  let line = block.firstLine;
  for (let pos = block.start; pos <= end; line++) {
    let newline = bytes.indexOf(NEWLINE, pos);
    if (newline < 0 || newline > end) newline = end;
    const contentEnd = newline > pos && bytes[newline - 1] === CARRIAGE_RETURN ? newline - 1 : newline;
    visit(pos, contentEnd, line);
    pos = newline + 1;
    if (newline === end) break;
  }
}
