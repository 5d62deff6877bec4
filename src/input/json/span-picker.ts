// The wanted top-level members of a piece's flat-object lines from the WebAssembly key locator (assembly/key-spans.ts), values decoded once per distinct text.
import { KEY_SPANS_WASM } from './generated/key-spans-wasm.js';
import { parseJsonNumber } from './scan-number.js';
import { parseJsonValueExact } from '../../util/exact-json.js';
import { latin1Text, utf8Text } from '../../util/byte-text.js';
import type { NodeBuffer } from '../../util/node-buffer.js';
import { compileWasmModule } from './wasm-module.js';
import type { MemberList } from './decode.js';

/** What assembly/key-spans.ts exports. */
interface KeySpansExports {
  memory: WebAssembly.Memory;
  init(): number;
  outputAddress(): number;
  keyAddress(slot: number): number;
  inputCapacity(): number;
  addKey(slot: number, length: number, intern: number): void;
  pick(from: number, end: number): number;
  declinedLine(): number;
  writtenInts(): number;
}

/** Limits of the module (assembly/key-spans.ts): wanted keys, bytes per key name. */
const MAX_SLOTS = 64;
const KEY_MAX = 64;
/** Flag on a member's slot: a string value holding a backslash. */
const ESCAPED_STRING = 0x100;
const SLOT_MASK = 0xff;
/** A slot's intern mode in the module: off, on while its values repeat (a trial), on whatever the misses. */
const INTERN_OFF = 0;
const INTERN_ON = 1;
const INTERN_ALWAYS = 2;
/** Below this many bytes a piece is read by the plain-JS picker (a short input never compiles the module). */
export const SPANS_MIN_BYTES = 4096;
/** Zero bytes after the input (the module's scans stop in them). */
const PADDING = 16;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const QUOTE = 0x22;
const OPEN_BRACKET = 0x5b;
const LETTER_T = 0x74;
const LETTER_F = 0x66;
const LETTER_N = 0x6e;

/** The compiled module, once per process; null when this runtime cannot run it (no WebAssembly with SIMD). */
let compiled: WebAssembly.Module | null | undefined;

function compiledModule(): WebAssembly.Module | null {
  if (compiled === undefined) compiled = compileWasmModule(KEY_SPANS_WASM);
  return compiled;
}

/** Whether the span picker is used: on unless SPLQ_KEY_SPANS=off (the plain-JS picker then reads every line). */
export function keySpansEnabled(): boolean {
  return process.env.SPLQ_KEY_SPANS !== 'off';
}

/** Receives a line the module read (offsets in the piece, CR and LF excluded) or one it declined. */
export type SpanLineVisitor = (start: number, end: number, line: number) => void;

/**
 * Reads the wanted members of a piece's lines through the module: one instance per picker (its intern table maps
 * value bytes to ids, and `values[id]` is that text's decoded value). Slots are ordered as KeyPicker's needles:
 * the first search's fields, the other fields, then time fields that are no field.
 */
export class SpanPicker {
  /** The instance, made at the first piece long enough for it (a short input never compiles the module). */
  private exports!: KeySpansExports;
  /** False until the instance is made; null when it cannot be made here (every piece then goes the other way). */
  private started: boolean | null = false;
  private inputAt = 0;
  private outAt = 0;
  private inputCapacity = 0;
  private memory!: Uint8Array;
  private out!: Int32Array;
  /** Decoded values by intern id (undefined: not decoded yet). */
  private readonly values: unknown[] = [];
  private bytes!: NodeBuffer;
  private pieceStart = 0;
  private length = 0;
  /** The first search's verdicts by the interned id of the one first field's value, and for its absence. */
  private readonly firstVerdicts: (boolean | undefined)[] = [];
  private absentVerdict: boolean | undefined;
  /** The current line's record in `out`. */
  private record = 0;
  /** What list() fills and returns. */
  private readonly memberList: MemberList = { slots: [], values: [], count: 0 };

  /**
   * A picker for these names, or null when it is turned off or the names do not fit the module's limits. The values
   * of `internAlways` (fields among `fields`) stay interned however rarely they repeat (lines counted by id).
   */
  static create(fields: Iterable<string>, timeNames: readonly string[], first: readonly string[] = [], internAlways: readonly string[] = []): SpanPicker | null {
    if (!keySpansEnabled()) return null;
    const fieldSet = new Set(fields);
    const firstSet = new Set(first.filter((name) => fieldSet.has(name)));
    const others = [...fieldSet].filter((name) => !firstSet.has(name));
    const times = timeNames.filter((name) => !fieldSet.has(name));
    const names = [...firstSet, ...others, ...times];
    if (names.length > MAX_SLOTS || names.some((name) => Buffer.byteLength(name) > KEY_MAX)) return null;
    return new SpanPicker(names, firstSet.size, new Set(internAlways));
  }

  private constructor(
    private readonly names: string[],
    private readonly firstCount: number,
    private readonly internAlways: ReadonlySet<string>,
  ) {}

  /** The wanted keys, by slot: every name a line's members can have. */
  keyNames(): readonly string[] {
    return this.names;
  }

  /** The slot of a wanted name (-1: not wanted). */
  slotOf(name: string): number {
    return this.names.indexOf(name);
  }

  /** Makes the instance on first use; false when this runtime cannot run the module. */
  private start(): boolean {
    if (this.started !== false) return this.started === true;
    this.started = null;
    const module = compiledModule();
    if (module === null) return false;
    try {
      this.exports = new WebAssembly.Instance(module, {}).exports as unknown as KeySpansExports;
      this.inputAt = this.exports.init();
      this.outAt = this.exports.outputAddress();
      this.inputCapacity = this.exports.inputCapacity();
      this.memory = new Uint8Array(this.exports.memory.buffer);
      this.out = new Int32Array(this.exports.memory.buffer);
      const interning = process.env.SPLQ_KEY_INTERN !== 'off';
      this.names.forEach((name, slot) => {
        const key = Buffer.from(name, 'utf8');
        this.memory.set(key, this.exports.keyAddress(slot));
        this.exports.addKey(slot, key.length, !interning ? INTERN_OFF : this.internAlways.has(name) ? INTERN_ALWAYS : INTERN_ON);
      });
    } catch {
      return false;
    }
    this.started = true;
    return true;
  }

  /** Takes the piece bytes[start, end) into the module's memory; false when it is too short or too long for it. */
  load(bytes: NodeBuffer, start: number, end: number): boolean {
    const length = end - start;
    if (length < SPANS_MIN_BYTES || !this.start() || length + PADDING > this.inputCapacity) return false;
    this.copyIn(bytes, start, end);
    return true;
  }

  /** Copies bytes[start, end) to the module's input area, zero padding after it, as the current piece. */
  private copyIn(bytes: NodeBuffer, start: number, end: number): void {
    const length = end - start;
    this.refreshViews();
    this.memory.set(bytes.subarray(start, end), this.inputAt);
    this.memory.fill(0, this.inputAt + length, this.inputAt + length + PADDING);
    this.bytes = bytes;
    this.pieceStart = start;
    this.length = length;
  }

  /**
   * Reads one line alone, bytes[start, end) (no newline; a CR before it left out by the caller): true when the
   * module read it, its members then given by `all`; false when it declined the line (the caller reads it the
   * general way) or the line does not fit. For lines a literal scan picked out of a piece: only they are copied.
   */
  readLine(bytes: NodeBuffer, start: number, end: number): boolean {
    const length = end - start;
    if (!this.start() || length + PADDING > this.inputCapacity) return false;
    this.copyIn(bytes, start, end);
    this.exports.pick(0, length);
    if (this.exports.declinedLine() !== 0 || this.exports.writtenInts() === 0) return false;
    this.refreshViews();
    this.record = this.outAt >> 2;
    return true;
  }

  /**
   * Visits every line of the loaded piece (as forEachLineIn does: numbered from `firstLine`, a trailing newline
   * ends in one more, empty, line): `read` for a line the module read (its members then come from `first` and
   * `all`), `other` for a line it declined. Returns the next line number.
   */
  forEachLine(firstLine: number, read: SpanLineVisitor, other: SpanLineVisitor): number {
    const { exports, bytes, pieceStart, length } = this;
    let line = firstLine;
    let pos = 0;
    while (true) {
      const stop = exports.pick(pos, length);
      const written = exports.writtenInts();
      this.refreshViews();
      const base = this.outAt >> 2;
      for (let o = 0; o < written; o += 4 + this.out[base + o + 3]! * 4) {
        this.record = base + o;
        read(this.out[base + o]!, this.out[base + o + 1]!, line++);
      }
      pos = stop;
      if (exports.declinedLine() !== 0) {
        let newline = bytes.indexOf(NEWLINE, pieceStart + stop);
        newline = newline < 0 || newline >= pieceStart + length ? length : newline - pieceStart;
        const end = newline > stop && bytes[pieceStart + newline - 1] === CARRIAGE_RETURN ? newline - 1 : newline;
        other(stop, end, line++);
        if (newline >= length) return line;
        pos = newline + 1;
        continue;
      }
      if (stop < length) continue;
      // Every line read; after a final newline there is one more (empty) line, as forEachLineIn visits it.
      if (length === 0 || bytes[pieceStart + length - 1] === NEWLINE) other(length, length, line++);
      return line;
    }
  }

  /** The current line's members of the first search's fields, in line order. */
  first(): Record<string, unknown> {
    return this.members(this.firstCount);
  }

  /**
   * Whether the current line passes `test` (the first search over the first step's members). With one first field
   * the verdict is kept per interned value (and for the field's absence): the test reads nothing else (the same
   * file, no `_raw`, no `_time`), so a line whose value was judged before costs no members and no event.
   */
  passesFirst(test: (members: Record<string, unknown>) => boolean): boolean {
    if (this.firstCount !== 1) return test(this.first());
    const at = this.record;
    const end = at + 4 + this.out[at + 3]! * 4;
    let m = at + 4;
    while (m < end && (this.out[m]! & SLOT_MASK) !== 0) m += 4;
    if (m === end) return (this.absentVerdict ??= test(this.first()));
    const id = this.out[m + 3]!;
    if (id < 0) return test(this.first());
    return (this.firstVerdicts[id] ??= test(this.first()));
  }

  /**
   * The current line's intern ids of the slots `positions` names (`positions[slot]`: where in `ids`, -1 for a slot
   * not asked for): how many of those slots the line holds. A member that is not interned (an array, a value too
   * long for the table) gets the id -1.
   */
  idsOf(positions: Int8Array, ids: Int32Array): number {
    const { out } = this;
    const at = this.record;
    const end = at + 4 + out[at + 3]! * 4;
    let found = 0;
    for (let m = at + 4; m < end; m += 4) {
      const position = positions[out[m]! & SLOT_MASK]!;
      if (position < 0) continue;
      ids[position] = out[m + 3]!;
      found++;
    }
    return found;
  }

  /** The decoded value of intern id `id`, which the current line holds in `slot`. */
  internedValue(id: number, slot: number): unknown {
    const known = this.values[id];
    if (known !== undefined) return known;
    const { out } = this;
    const at = this.record;
    const end = at + 4 + out[at + 3]! * 4;
    let m = at + 4;
    while (m < end && (out[m]! & SLOT_MASK) !== slot) m += 4;
    if (m === end || out[m + 3] !== id) throw new Error(`internedValue: the current line holds no id ${id} in slot ${slot}`);
    return this.memberValue(m, out[m]!);
  }

  /** The current line's wanted members, in line order. */
  all(): Record<string, unknown> {
    return this.members(MAX_SLOTS);
  }

  /** The current line's wanted members as lists, in line order: one reused MemberList, valid until the next line is read. */
  list(): MemberList {
    const list = this.memberList;
    const at = this.record;
    const count = this.out[at + 3]!;
    let n = 0;
    for (let m = at + 4; m < at + 4 + count * 4; m += 4, n++) {
      const flags = this.out[m]!;
      list.slots[n] = flags & SLOT_MASK;
      list.values[n] = this.memberValue(m, flags);
    }
    list.count = n;
    return list;
  }

  /** The value of the member whose record is at `m` in `out` (decoded once per interned id). */
  private memberValue(m: number, flags: number): unknown {
    const id = this.out[m + 3]!;
    if (id < 0) return this.decode(this.out[m + 1]!, this.out[m + 2]!, (flags & ESCAPED_STRING) !== 0);
    const { values } = this;
    let value = values[id];
    if (value === undefined) value = values[id] = this.decode(this.out[m + 1]!, this.out[m + 2]!, (flags & ESCAPED_STRING) !== 0);
    return value;
  }

  private members(slotLimit: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const at = this.record;
    const count = this.out[at + 3]!;
    for (let m = at + 4; m < at + 4 + count * 4; m += 4) {
      const flags = this.out[m]!;
      const slot = flags & SLOT_MASK;
      if (slot >= slotLimit) continue;
      out[this.names[slot]!] = this.memberValue(m, flags);
    }
    return out;
  }

  /** The value at piece offsets [start, end) as JSON.parse gives it (the module checked its syntax). */
  private decode(start: number, end: number, escaped: boolean): unknown {
    const { bytes } = this;
    const from = this.pieceStart + start;
    const to = this.pieceStart + end;
    const code = bytes[from]!;
    if (code === QUOTE) return escaped ? parseJsonValueExact(utf8Text(bytes, from, to)) : utf8Text(bytes, from + 1, to - 1);
    if (code === LETTER_T) return true;
    if (code === LETTER_F) return false;
    if (code === LETTER_N) return null;
    if (code === OPEN_BRACKET) return parseJsonValueExact(utf8Text(bytes, from, to));
    return parseJsonNumber(latin1Text(bytes, from, to), 0, end - start);
  }

  /** Views on the module's memory, renewed when it grew (growing detaches the old buffer). */
  private refreshViews(): void {
    if (this.memory.buffer !== this.exports.memory.buffer) {
      this.memory = new Uint8Array(this.exports.memory.buffer);
      this.out = new Int32Array(this.exports.memory.buffer);
    }
  }
}
