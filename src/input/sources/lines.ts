// Split a byte-chunk stream into blocks of whole NDJSON lines on newline bytes, honouring an owned byte range.
import { RecordCarry, type RawRecord, type RecordSplitter } from './raw-record.js';
import { forEachLineIn, type LineBlock } from './line-block.js';
import { latin1Text, utf8Text } from '../../util/byte-text.js';
import type { NodeBuffer } from '../../util/node-buffer.js';
import { newlineCount } from '../json/line-runs-module.js';

const NEWLINE = 0x0a;
const BOM_BYTES = [0xef, 0xbb, 0xbf];

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
 * Turns chunks into blocks of whole lines without decoding them (see LineBlock): one block per chunk, plus a
 * one-line block for a line that spans chunks. A UTF-8 BOM opening line 1 is left out of the block.
 */
export class LineSplitter implements RecordSplitter {
  private line: number;
  private offset = 0;
  private skipping: boolean;
  private done = false;
  /** True while the rest of a line longer than the record limit is being skipped. */
  private oversized = false;
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

  /** Blocks of the lines that end in this chunk (in order). */
  pushBlocks(chunk: NodeBuffer): LineBlock[] {
    const out: LineBlock[] = [];
    const pos = this.done ? chunk.length : this.splitChunk(chunk, out);
    if (!this.done && pos < chunk.length && !this.oversized) {
      if (this.carry.wouldExceed(chunk.length - pos)) {
        this.carry.clear();
        this.oversized = true;
      } else {
        this.carry.add(chunk.subarray(pos), this.line);
      }
    }
    this.offset += chunk.length;
    return out;
  }

  /** The last line when the input does not end in a newline. */
  finishBlocks(): LineBlock[] {
    const out: LineBlock[] = [];
    if (!this.done && this.oversized) this.emitOversized(out);
    else if (!this.done && !this.carry.isEmpty) this.emitBlock(out, this.carry.take(Buffer.alloc(0), this.line), 0, -1);
    this.done = true;
    return out;
  }

  /** RecordSplitter: the same lines as decoded records. */
  push(chunk: NodeBuffer): RawRecord[] {
    return blocksToRecords(this.pushBlocks(chunk));
  }

  finish(): RawRecord[] {
    return blocksToRecords(this.finishBlocks());
  }

  /** Emit the complete owned lines of `chunk`; returns where the unfinished remainder starts. */
  private splitChunk(chunk: Buffer, out: LineBlock[]): number {
    let pos = 0;
    if (this.skipping) {
      const newline = chunk.indexOf(NEWLINE);
      if (newline < 0) return chunk.length;
      this.skipping = false;
      pos = newline + 1;
    }
    if (this.oversized) {
      // The rest of a line over the limit: skipped up to its newline, then reported as one malformed line.
      const newline = chunk.indexOf(NEWLINE, pos);
      if (newline < 0) return chunk.length;
      this.emitOversized(out);
      pos = newline + 1;
    } else if (!this.carry.isEmpty) {
      const newline = chunk.indexOf(NEWLINE, pos);
      if (newline < 0) return pos;
      if (this.carry.wouldExceed(newline - pos)) {
        this.carry.clear();
        this.emitOversized(out);
      } else {
        this.emitBlock(out, this.carry.take(chunk.subarray(pos, newline), this.line), 0, -1);
      }
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
    if (regionEnd >= pos) {
      this.emitBlock(out, chunk, pos, regionEnd);
      pos = regionEnd + 1;
    }
    if (lastOwnedNewline >= 0) {
      this.done = true;
      return chunk.length;
    }
    return pos;
  }

  /** A line over the record limit, as a one-line block without bytes (reported as malformed, never decoded). */
  private emitOversized(out: LineBlock[]): void {
    out.push({ bytes: Buffer.alloc(0), start: 0, end: 0, firstLine: this.line, lineCount: 1, file: this.opts.label, oversized: this.carry.oversizedMessage });
    this.oversized = false;
    this.line += 1;
  }

  /**
   * The lines in bytes [start, lastNewline] (every one ended by a newline), or with lastNewline -1 the single
   * unterminated line bytes[start..]; counts them.
   */
  private emitBlock(out: LineBlock[], bytes: Buffer, start: number, lastNewline: number): void {
    const lines = lastNewline >= 0 ? newlineCount(bytes, start, lastNewline + 1) : 1;
    const end = lastNewline >= 0 ? lastNewline : bytes.length;
    const bomLength = this.line === 1 && startsWithBom(bytes, start, end) ? BOM_BYTES.length : 0;
    out.push({ bytes, start: start + bomLength, end, firstLine: this.line, lineCount: lines, file: this.opts.label });
    this.line += lines;
  }
}

function startsWithBom(bytes: Buffer, start: number, end: number): boolean {
  return end - start >= BOM_BYTES.length && BOM_BYTES.every((b, i) => bytes[start + i] === b);
}

/** Each non-blank line of the blocks, decoded. */
export function blocksToRecords(blocks: LineBlock[]): RawRecord[] {
  const out: RawRecord[] = [];
  for (const block of blocks) {
    if (block.oversized !== undefined) continue;
    const { bytes, start: base } = block;
    forEachLineIn(latin1Text(bytes, base, block.end), block.firstLine, (start, end, line) => {
      const text = utf8Text(bytes, base + start, base + end);
      if (!isBlank(text)) out.push({ text, file: block.file, line });
    });
  }
  return out;
}

/** Empty or whitespace only (checked cheaply: JSON lines almost never start with whitespace). */
export function isBlank(text: string): boolean {
  if (text.length === 0) return true;
  return text.charCodeAt(0) <= 32 && text.trim().length === 0;
}
