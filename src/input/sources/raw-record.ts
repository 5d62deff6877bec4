// The raw record handed from the readers to the decoder, and the carry buffer for records that span chunks.
import { SplError } from '../../errors.js';
import type { NodeBuffer } from '../../util/node-buffer.js';

/**
 * One undecoded record: its JSON text, the input it came from and the 1-based line where it starts. With `problem`
 * it stands for input that could not be read as records (binary data, truncated gzip, an oversized value): `text`
 * is empty and the record is reported as malformed with that message.
 */
export interface RawRecord {
  text: string;
  file: string;
  line: number;
  problem?: string;
}

/** Cuts a chunk stream into records: `push` each chunk in order, then `finish` at end of input. */
export interface RecordSplitter {
  /** True once the rest of the input cannot contribute records (a byte range is complete). */
  readonly isDone: boolean;
  /** The line number the next record would start on (after the end: one more than the last line seen). */
  readonly nextLine: number;
  push(chunk: NodeBuffer): RawRecord[];
  finish(): RawRecord[];
}

/** Records larger than this are an input error (a runaway string or bracket would otherwise eat all memory). */
export const DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024;

/** The name an input is reported under: its path, or `stdin` for `-`. */
export function inputLabel(file: string): string {
  return file === '-' ? 'stdin' : file;
}

/** Bytes of one record collected across chunk boundaries, bounded by a maximum size. */
export class RecordCarry {
  private pieces: Buffer[] = [];
  private bytes = 0;

  constructor(
    private readonly label: string,
    private readonly maxBytes: number,
  ) {}

  get isEmpty(): boolean {
    return this.bytes === 0;
  }

  /** True when `extra` more bytes would make the record larger than the limit. */
  wouldExceed(extra: number): boolean {
    return this.bytes + extra > this.maxBytes;
  }

  /** Drop what was collected (an oversized line being skipped). */
  clear(): void {
    this.pieces = [];
    this.bytes = 0;
  }

  /** What an oversized record is reported as. */
  get oversizedMessage(): string {
    return `record is larger than ${this.maxBytes} bytes: skipped (is the JSON well-formed?)`;
  }

  /** Keep a copy of `piece` (chunks are not retained, so memory stays bounded by the record). */
  add(piece: NodeBuffer, line: number): void {
    if (piece.length === 0) return;
    this.checkSize(this.bytes + piece.length, line);
    this.bytes += piece.length;
    this.pieces.push(Buffer.from(piece));
  }

  /** The collected bytes followed by `tail`, as one buffer; the carry is emptied. */
  take(tail: NodeBuffer, line: number): NodeBuffer {
    if (this.bytes === 0) return tail;
    this.checkSize(this.bytes + tail.length, line);
    const whole = Buffer.concat([...this.pieces, tail], this.bytes + tail.length);
    this.pieces = [];
    this.bytes = 0;
    return whole;
  }

  private checkSize(bytes: number, line: number): void {
    if (bytes <= this.maxBytes) return;
    throw new SplError(
      'input-error',
      `${this.label}:${line}: record is larger than ${this.maxBytes} bytes; is the JSON well-formed?`,
    );
  }
}
