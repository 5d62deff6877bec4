// Split a byte-chunk stream into NDJSON records on newline bytes, honouring an owned byte range for parallel reads.
import { RecordCarry, type RawRecord, type RecordSplitter } from './raw-record.js';

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 13;
const BYTE_ORDER_MARK = 0xfeff;

export interface LineSplitOptions {
  /** Reported name of the input. */
  label: string;
  /** Line number of the first line the splitter emits. */
  firstLine: number;
  /** Drop everything up to and including the first newline (the stream starts inside a line we do not own). */
  skipFirstLine: boolean;
  /** Stream offset where ownership ends: a line is emitted only if it starts before this offset. */
  ownedEnd: number;
  maxRecordBytes: number;
}

/**
 * Turns chunks into records, one per non-blank line. Handles CR before LF, a missing final newline, and a
 * UTF-8 BOM on line 1 (removed after decoding, so byte offsets keep matching the file for ranges).
 */
export class LineSplitter implements RecordSplitter {
  private line: number;
  private offset = 0;
  private skipping: boolean;
  private done = false;
  private readonly carry: RecordCarry;

  constructor(private readonly opts: LineSplitOptions) {
    this.line = opts.firstLine;
    this.skipping = opts.skipFirstLine;
    this.carry = new RecordCarry(opts.label, opts.maxRecordBytes);
  }

  /** The number the next line would get (after the end: one more than the last line seen). */
  get nextLine(): number {
    return this.line;
  }

  /** True once every owned line has been emitted (the rest of the stream need not be read). */
  get isDone(): boolean {
    return this.done;
  }

  /** Records whose lines end in this chunk (in order). */
  push(chunk: Buffer): RawRecord[] {
    const out: RawRecord[] = [];
    const pos = this.done ? chunk.length : this.splitChunk(chunk, out);
    if (!this.done && pos < chunk.length) this.carry.add(chunk.subarray(pos), this.line);
    this.offset += chunk.length;
    return out;
  }

  /** The last line when the input does not end in a newline. */
  finish(): RawRecord[] {
    const out: RawRecord[] = [];
    if (!this.done && !this.carry.isEmpty) this.emitWhole(out, this.carry.take(Buffer.alloc(0), this.line));
    this.done = true;
    return out;
  }

  /** Emit the complete owned lines of `chunk`; returns where the unfinished remainder starts. */
  private splitChunk(chunk: Buffer, out: RawRecord[]): number {
    let pos = 0;
    if (this.skipping) {
      const newline = chunk.indexOf(NEWLINE);
      if (newline < 0) return chunk.length;
      this.skipping = false;
      pos = newline + 1;
    }
    if (!this.carry.isEmpty) {
      const newline = chunk.indexOf(NEWLINE, pos);
      if (newline < 0) return pos;
      this.emitWhole(out, this.carry.take(chunk.subarray(pos, newline), this.line));
      pos = newline + 1;
    }
    const limit = this.opts.ownedEnd - this.offset;
    if (pos >= limit) {
      this.done = true;
      return chunk.length;
    }
    // The newline ending the line that holds byte limit-1 is the end of the last owned line.
    const lastOwnedNewline = limit <= chunk.length ? chunk.indexOf(NEWLINE, limit - 1) : -1;
    const regionEnd = lastOwnedNewline >= 0 ? lastOwnedNewline : chunk.lastIndexOf(NEWLINE);
    for (let newline = chunk.indexOf(NEWLINE, pos); newline >= 0 && newline <= regionEnd; ) {
      this.emit(out, chunk, pos, newline);
      pos = newline + 1;
      newline = chunk.indexOf(NEWLINE, pos);
    }
    if (lastOwnedNewline >= 0) {
      this.done = true;
      return chunk.length;
    }
    return pos;
  }

  private emitWhole(out: RawRecord[], bytes: Buffer): void {
    this.emit(out, bytes, 0, bytes.length);
  }

  /** The line in bytes [start, end) (its LF excluded): drop a trailing CR, skip blank lines, count it either way. */
  private emit(out: RawRecord[], bytes: Buffer, start: number, end: number): void {
    const line = this.line++;
    const contentEnd = end > start && bytes[end - 1] === CARRIAGE_RETURN ? end - 1 : end;
    if (contentEnd === start) return;
    const decoded = bytes.toString('utf8', start, contentEnd);
    const text = line === 1 && decoded.charCodeAt(0) === BYTE_ORDER_MARK ? decoded.slice(1) : decoded;
    if (!isBlank(text)) out.push({ text, file: this.opts.label, line });
  }
}

/** Empty or whitespace only (checked cheaply: JSON lines almost never start with whitespace). */
function isBlank(text: string): boolean {
  if (text.length === 0) return true;
  return text.charCodeAt(0) <= 32 && text.trim().length === 0;
}
