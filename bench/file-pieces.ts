// The stage benches' reader: a file cut in 1 MiB reads and 64 KiB pieces of whole lines, as the scan cuts it.
import { closeSync, openSync, readSync } from 'node:fs';
import { isJsonObjectText } from '../src/input/json/line-check.js';
import { wellFormedRunEnd } from '../src/input/json/line-runs.js';

const PIECE = 64 * 1024;

/** Call `visit(bytes, start, end)` for each piece of whole lines of `file` (the newline at `end` excluded). */
export function filePieces(file: string, visit: (bytes: Buffer, start: number, end: number) => void): void {
  const fd = openSync(file, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  let rem = 0;
  for (;;) {
    const n = readSync(fd, buf, rem, buf.length - rem, null);
    const end = rem + n;
    if (n === 0) break;
    const last = buf.lastIndexOf(10, end - 1);
    for (let start = 0; start < last; ) {
      let pieceEnd = buf.indexOf(10, Math.min(start + PIECE, last));
      if (pieceEnd < 0 || pieceEnd > last) pieceEnd = last;
      visit(buf, start, pieceEnd);
      start = pieceEnd + 1;
    }
    rem = end - (last + 1);
    buf.copy(buf, 0, last + 1, end);
  }
  closeSync(fd);
}

/** The well-formedness rule's regex path over one piece's text: each run of flat lines at once, others one by one. */
export function judgeByRegex(text: string): void {
  for (let pos = 0; pos < text.length; ) {
    const runEnd = wellFormedRunEnd(text, pos);
    if (runEnd > pos) {
      pos = runEnd;
      continue;
    }
    const nl = text.indexOf('\n', pos);
    const e = nl < 0 ? text.length : nl;
    isJsonObjectText(text.slice(pos, e));
    pos = e + 1;
  }
}
