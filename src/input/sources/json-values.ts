// Cut a byte stream of JSON arrays and/or concatenated JSON values into one record per top-level element.
import { RecordCarry, type RawRecord, type RecordSplitter } from './raw-record.js';

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * What is being cut: nothing; a `{...}`/`[...]` value; a bare scalar array element (ends at `,` or `]`);
 * or junk outside any value, which runs to the end of its line so the decoder can report it.
 */
type RecordKind = 'none' | 'container' | 'scalar' | 'junk';

/**
 * Byte scanner tracking string/escape state and bracket depth. A top-level `[` is unwrapped: each of its
 * elements is a record; a top-level `{...}` is a record. Nothing but the record in progress is kept in memory.
 */
export class JsonRecordScanner implements RecordSplitter {
  private line = 1;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private inTopArray = false;
  private kind: RecordKind = 'none';
  private recordDepth = 0;
  private recordStart = 0;
  private recordLine = 0;
  private readonly carry: RecordCarry;
  /** True while the rest of a record over the size limit is being scanned past (its bytes are not kept). */
  private oversized = false;
  private out: RawRecord[] = [];

  constructor(
    private readonly label: string,
    maxRecordBytes: number,
  ) {
    this.carry = new RecordCarry(label, maxRecordBytes);
  }

  /** The scanner reads to the end of its input. */
  readonly isDone = false;

  get nextLine(): number {
    return this.line;
  }

  /** Records that end inside this chunk, in order. */
  push(chunk: Buffer): RawRecord[] {
    for (let i = 0; i < chunk.length; i++) {
      if (this.kind === 'junk') {
        const newline = chunk.indexOf(NEWLINE, i);
        if (newline < 0) break;
        i = newline;
      }
      const byte = chunk[i]!;
      if (byte === NEWLINE) {
        if (this.kind === 'junk') this.endRecord(chunk, i);
        this.line++;
      } else if (this.inString) {
        this.scanStringByte(byte);
      } else {
        this.scanStructuralByte(chunk, i, byte);
      }
    }
    if (this.kind !== 'none') {
      this.keep(chunk.subarray(this.recordStart));
      this.recordStart = 0;
    }
    return this.takeOutput();
  }

  /** At end of input: an unfinished record is emitted as it is (the decoder reports it as malformed). */
  finish(): RawRecord[] {
    if (this.kind !== 'none') this.endRecord(Buffer.alloc(0), 0);
    return this.takeOutput();
  }

  private takeOutput(): RawRecord[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  private scanStringByte(byte: number): void {
    if (this.escaped) this.escaped = false;
    else if (byte === BACKSLASH) this.escaped = true;
    else if (byte === QUOTE) this.inString = false;
  }

  private scanStructuralByte(chunk: Buffer, i: number, byte: number): void {
    if (byte === SPACE || byte === TAB || byte === CARRIAGE_RETURN) return;
    if (this.kind === 'scalar' && this.depth === this.recordDepth && (byte === COMMA || isClose(byte))) {
      this.endRecord(chunk, i);
    }
    if (byte === QUOTE) this.inString = true;
    if (this.kind !== 'none') {
      if (byte === OPEN_BRACE || byte === OPEN_BRACKET) this.depth++;
      else if (isClose(byte) && --this.depth === this.recordDepth && this.kind === 'container') this.endRecord(chunk, i + 1);
      return;
    }
    this.startOutsideRecord(chunk, i, byte);
  }

  /** A byte between records: opens the top-level array, starts a record, or is a separator. */
  private startOutsideRecord(chunk: Buffer, i: number, byte: number): void {
    if (this.inTopArray) {
      if (byte === COMMA) return;
      if (byte === CLOSE_BRACKET) {
        this.inTopArray = false;
        this.depth = 0;
        return;
      }
    } else if (byte === OPEN_BRACKET) {
      this.inTopArray = true;
      this.depth = 1;
      return;
    }
    const opens = byte === OPEN_BRACE || byte === OPEN_BRACKET;
    this.startRecord(i, opens ? 'container' : this.inTopArray ? 'scalar' : 'junk');
    if (opens) this.depth++;
  }

  private startRecord(i: number, kind: RecordKind): void {
    this.kind = kind;
    this.recordDepth = this.depth;
    this.recordStart = i;
    this.recordLine = this.line;
  }

  /**
   * Keep the bytes of the record in progress; past the size limit they are dropped and the record is only scanned to
   * its end (then reported as one malformed record, and reading carries on after it).
   */
  private keep(piece: Buffer): void {
    if (this.oversized) return;
    if (this.carry.wouldExceed(piece.length)) {
      this.carry.clear();
      this.oversized = true;
    } else {
      this.carry.add(piece, this.recordLine);
    }
  }

  /** The record ends before byte `end` of `chunk`. */
  private endRecord(chunk: Buffer, end: number): void {
    const tail = chunk.subarray(this.recordStart, end);
    if (this.oversized || this.carry.wouldExceed(tail.length)) {
      this.carry.clear();
      this.out.push({ text: '', file: this.label, line: this.recordLine, problem: this.carry.oversizedMessage });
    } else {
      const text = this.carry.take(tail, this.recordLine).toString('utf8');
      this.out.push({ text: this.kind === 'container' ? text : text.trimEnd(), file: this.label, line: this.recordLine });
    }
    this.oversized = false;
    this.kind = 'none';
    this.depth = this.recordDepth;
    this.inString = false;
    this.escaped = false;
  }
}

function isClose(byte: number): boolean {
  return byte === CLOSE_BRACE || byte === CLOSE_BRACKET;
}
