// Events from blocks of NDJSON lines: the block-level pre-filter, the fast key picker, else the general decoder per line.
import type { Prefilter } from '../../engine/prefilter.js';
import type { EventPredicate } from '../../engine/search-predicate.js';
import { isDecodeError, type Decoder, type EventBuilder, type ListEventBuilder } from './decode.js';
import type { LineBlock, RawRecord } from '../sources/index.js';
import { isBlank } from '../sources/lines.js';
import { isUtf8 } from 'node:buffer';
import { latin1Text, utf8Text } from '../../util/byte-text.js';
import { forEachLineIn, type LineVisitor } from '../sources/line-block.js';
import type { KeyPicker } from './key-picker.js';
import type { LiteralScan } from '../fastpath/literal-scan.js';
import { HitCursor } from '../fastpath/hit-cursor.js';
import { SPELLING_ESCAPES } from '../fastpath/escape-search.js';
import type { Event } from '../../runtime/event.js';
import type { EventFinisher } from '../mapping/event-finish.js';
import type { SourceStats } from '../source-stats.js';
import { isJsonObjectText, recordProblem } from './line-check.js';
import { LINE_FLAT, LINE_KELVIN_ESCAPE, LINE_SPELLING_ESCAPE, pieceLineScan, pieceRunEnds, type PieceLineScan } from './line-runs-wasm.js';
import { unicodeEscapeSearch } from '../fastpath/escape-search.js';
import type { SpanPicker } from './span-picker.js';
import type { SpanCounts } from './span-counts.js';

const NEWLINE_BYTE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;

/** How one file's lines become events (configured once per file). */
export interface LineDecoding {
  decode: Decoder;
  finish: EventFinisher;
  /** With a time window: true when the record's time alone puts it outside. */
  outsideWindow: ((rec: RawRecord) => boolean) | null;
  /** The per-line pre-filter test (general path) and its block-level scan, when the search gives literals. */
  prefilter: Prefilter | null;
  scan: LiteralScan | null;
  /** The fast path for a projection of plain keys, with the builder for its members. */
  picker: KeyPicker | null;
  /** With the picker and no literal scan: the WebAssembly key locator, which judges and reads lines in one pass. */
  spans: SpanPicker | null;
  /** With a literal scan and too many keys for the picker: the key locator on each line the scan keeps, one at a time, and its events' builder. */
  hitSpans: { spans: SpanPicker; build: ListEventBuilder } | null;
  /**
   * With the span picker, no first search and nothing that changes events after decoding: the lines of a `stats
   * count by` counted by their values' intern ids, without events (the lines it does not count become events).
   */
  counts: SpanCounts | null;
  build: EventBuilder;
  /** Whether `decode` parses every record fully (JSON.parse), so it finds any malformed record itself. */
  decodeChecks: boolean;
  /** Whether events need their raw text (the query reads `_raw`). */
  rawNeeded: boolean;
  /** With the picker: the first search, tried on the fields it reads before the others are decoded. */
  firstSearch: { test: EventPredicate; rawNeeded: boolean; build: EventBuilder } | null;
}

/**
 * Bytes of Latin-1 text decoded at a time: strings above V8's regular object size (128 KiB) go to the large
 * object space of the old generation, and a stream of them makes the collector run full collections.
 */
const TEXT_BYTES = 64 * 1024;
/** The report for a line with bytes that are not UTF-8: it is kept, with U+FFFD in their place (fails under --strict). */
export const INVALID_UTF8 = 'invalid UTF-8 (each bad byte sequence read as U+FFFD; the event is kept)';
/** A line the first search rejected from the fields it reads. */
const REJECTED = Symbol('rejected');

/** The events of one block that survive decoding, pre-filters and the finisher, in line order. */
export function blockEvents(block: LineBlock, decoding: LineDecoding, stats: SourceStats): Event[] {
  const out: Event[] = [];
  if (block.oversized !== undefined) {
    stats.malformed.add({ file: block.file, line: block.firstLine, message: block.oversized });
    return out;
  }
  let line = block.firstLine;
  for (let start = block.start; start <= block.end; ) {
    let end = start + TEXT_BYTES >= block.end ? block.end : block.bytes.indexOf(NEWLINE_BYTE, start + TEXT_BYTES);
    if (end < 0 || end > block.end) end = block.end;
    line = pieceEvents(block, start, end, line, decoding, stats, out);
    start = end + 1;
  }
  return out;
}

/** The lines in bytes [pieceStart, pieceEnd) of a block, numbered from `firstLine`; returns the next line number. */
function pieceEvents(block: LineBlock, pieceStart: number, pieceEnd: number, firstLine: number, decoding: LineDecoding, stats: SourceStats, out: Event[]): number {
  const { bytes } = block;
  const { scan } = decoding;
  // Invalid UTF-8 is reported per line (native checks: the whole piece once, each line only when the piece fails).
  const pieceUtf8 = isUtf8(bytes.subarray(pieceStart, pieceEnd));
  const reportInvalidUtf8 = (start: number, end: number, line: number) => {
    if (!pieceUtf8 && !isUtf8(bytes.subarray(start, end))) stats.malformed.add({ file: block.file, line, message: INVALID_UTF8 });
  };
  const general = (start: number, end: number, line: number, checked = false) => {
    if (!checked) reportInvalidUtf8(pieceStart + start, pieceStart + end, line);
    generalLine(utf8Text(bytes, pieceStart + start, pieceStart + end), line, block.file, decoding, stats, out, checked);
  };
  /** The one malformed-line rule, on a line's Latin-1 text (absolute byte positions); a broken line is reported. */
  const wellFormed = (latin1: string, start: number, end: number, line: number): boolean => {
    if (isJsonObjectText(latin1)) return true;
    stats.malformed.add(recordProblem({ text: utf8Text(bytes, start, end), file: block.file, line })!);
    return false;
  };
  const { firstSearch } = decoding;
  // With a first search that reads fields only, it decides exactly what a literal scan would skip: the key locator
  // then reads every line (Q3: 0.59 of the text path's CPU), ahead of the line scan below.
  // A first search that reads _raw (a bare term) is not for the locator: it tests members only, without the line.
  const spans = firstSearch === null ? (scan === null ? decoding.spans : null) : (firstSearch.rawNeeded ? null : decoding.spans);
  if (spans !== null && spans.load(bytes, pieceStart, pieceEnd)) {
    const firstTest = firstSearch === null ? null : (members: Record<string, unknown>) => firstSearch.test(firstSearch.build(members, block.file, undefined));
    const counts = firstTest === null ? decoding.counts : null;
    // The module judged and read the line: the rule holds, its members are the spans' values.
    let other: LineVisitor | undefined;
    return spans.forEachLine(firstLine, (start, end, line) => {
      reportInvalidUtf8(pieceStart + start, pieceStart + end, line);
      stats.eventsRead++;
      if (counts !== null && counts.countLine()) {
        stats.eventsKept++;
        stats.eventsCounted++;
        return;
      }
      const picked = spannedEvent(spans, firstTest, start, end);
      if (picked === REJECTED) stats.eventsSkipped++;
      else if (decoding.finish(picked)) out.push(picked);
    }, (start, end, line) => (other ??= textLines())(start, end, line));
  }
  if (scan !== null) {
    const lines = pieceLineScan(bytes, pieceStart, pieceEnd, scan.literalFor(bytes, pieceStart, pieceEnd));
    if (lines !== null) return scannedPieceEvents(block, pieceStart, pieceEnd, firstLine, decoding, stats, out, pieceUtf8, lines);
  }
  return forEachLineIn(latin1Text(bytes, pieceStart, pieceEnd), firstLine, textLines());

  /** The event of a line the span picker read, or REJECTED by the first search. */
  function spannedEvent(spans: SpanPicker, firstTest: ((members: Record<string, unknown>) => boolean) | null, start: number, end: number): Event | typeof REJECTED {
    if (firstTest !== null && !spans.passesFirst(firstTest)) return REJECTED;
    return decoding.build(spans.all(), block.file, decoding.rawNeeded ? utf8Text(bytes, pieceStart + start, pieceStart + end) : undefined);
  }

  /** The visitor of the piece's lines over its Latin-1 text (made here, once per piece). */
  function textLines(): LineVisitor {
    // One Latin-1 text per piece (a native copy): the rule runs over whole runs of lines at once on it, and the
    // literal scan and the picker search it. No string is made per line unless the line is read.
    const text = latin1Text(bytes, pieceStart, pieceEnd);
    if (scan === null && decoding.picker === null) return general;
    const escapes = new HitCursor(text, SPELLING_ESCAPES);
    scan?.reset(text, escapes);
    const picker = decoding.picker;
    picker?.reset({ text, bytes, base: pieceStart }, escapes);
    /** Lines starting before this text position are known well-formed (a run the rule matched at once). */
    let wellFormedUntil = 0;
    /** The rule over runs of lines: WebAssembly over the piece's bytes, or the regex over its text (same verdict). */
    const wellFormedRunEnd = pieceRunEnds(bytes, pieceStart, pieceEnd, text);
    return (start, end, line) => {
      if (text.charCodeAt(start) <= SPACE || start === end) return general(start, end, line);
      if (start >= wellFormedUntil) {
        wellFormedUntil = wellFormedRunEnd(start);
        if (wellFormedUntil <= start && !wellFormed(text.slice(start, end), pieceStart + start, pieceStart + end, line)) return;
      }
      reportInvalidUtf8(pieceStart + start, pieceStart + end, line);
      stats.eventsRead++;
      if (scan !== null && !scan.mayMatch(start, end)) {
        stats.eventsSkipped++;
        return;
      }
      const picked = picker === null ? null : pickedEvent(picker, start, end);
      if (picked === REJECTED) {
        stats.eventsSkipped++;
        return;
      }
      if (picked === null) {
        stats.eventsRead--;
        return general(start, end, line, true);
      }
      if (decoding.finish(picked)) out.push(picked);
    };
  }

  /** The picked event of a line, REJECTED by the first search, or null when the picker declines it. */
  function pickedEvent(picker: KeyPicker, start: number, end: number): Event | typeof REJECTED | null {
    return pickerEvent(picker, start, end, pieceStart + start, block, decoding);
  }
}

/** Answers "a spelling escape in this line?" from the module's flags (the key picker asks it as a cursor). */
const ESCAPE_FOUND = new HitCursor<string>('', (_text, from) => from);
const NO_ESCAPE = new HitCursor<string>('', () => -1);
/** The \u212X escapes (the Kelvin sign) of a line, for a line whose flags the module could not give. */
const KELVIN_ESCAPES = unicodeEscapeSearch('212');

/**
 * pieceEvents on the module's line scan (a query with a pre-filter literal): one pass over the piece's bytes gives
 * each line's end, verdict, literal hit and escapes (line-runs-wasm.ts, pieceLineScan), so no text is made for
 * the piece, only for the lines read (and for a line the module cannot call flat, judged here as on the text path).
 * Gives what pieceEvents' text path gives on every input (test/input/line-scan.test.ts).
 */
function scannedPieceEvents(
  block: LineBlock, pieceStart: number, pieceEnd: number, firstLine: number, decoding: LineDecoding, stats: SourceStats, out: Event[], pieceUtf8: boolean, lines: PieceLineScan,
): number {
  const { bytes } = block;
  const scan = decoding.scan!;
  const picker = decoding.picker;
  scan.resetBytes(bytes.subarray(pieceStart, pieceEnd));
  let line = firstLine;
  let start = 0;
  for (let count = lines.next(); count > 0; count = lines.next()) {
    const { entries } = lines;
    for (let i = 0; i < count; i++, line++) {
      const entry = entries[i]!;
      const stop = entry >>> 4;
      let flags = entry & 15;
      const lineStart = start;
      start = stop + 1;
      const end = stop > lineStart && bytes[pieceStart + stop - 1] === CARRIAGE_RETURN ? stop - 1 : stop;
      const from = pieceStart + lineStart;
      const to = pieceStart + end;
      if (bytes[from]! <= SPACE || lineStart === end) {
        if (!pieceUtf8 && !isUtf8(bytes.subarray(from, to))) stats.malformed.add({ file: block.file, line, message: INVALID_UTF8 });
        generalLine(utf8Text(bytes, from, to), line, block.file, decoding, stats, out, false);
        continue;
      }
      let text: string | undefined;
      if ((flags & LINE_FLAT) === 0) {
        text = latin1Text(bytes, from, to);
        if (!isJsonObjectText(text)) {
          stats.malformed.add(recordProblem({ text: utf8Text(bytes, from, to), file: block.file, line })!);
          continue;
        }
        if (SPELLING_ESCAPES(text, 0) >= 0) flags |= LINE_SPELLING_ESCAPE;
        if (KELVIN_ESCAPES(text, 0) >= 0) flags |= LINE_KELVIN_ESCAPE;
      }
      if (!pieceUtf8 && !isUtf8(bytes.subarray(from, to))) stats.malformed.add({ file: block.file, line, message: INVALID_UTF8 });
      stats.eventsRead++;
      if (!scan.mayMatchLine(flags, lineStart, end)) {
        stats.eventsSkipped++;
        continue;
      }
      const { hitSpans } = decoding;
      if (picker === null && hitSpans !== null && hitSpans.spans.readLine(bytes, from, to)) {
        const ev = hitSpans.build(hitSpans.spans.list(), block.file, decoding.rawNeeded ? utf8Text(bytes, from, to) : undefined);
        if (decoding.finish(ev)) out.push(ev);
        continue;
      }
      const picked = picker === null ? null : linePickedEvent(block, from, (text ??= latin1Text(bytes, from, to)), (flags & LINE_SPELLING_ESCAPE) !== 0, decoding, picker);
      if (picked === REJECTED) {
        stats.eventsSkipped++;
        continue;
      }
      if (picked === null) {
        stats.eventsRead--;
        generalLine(utf8Text(bytes, from, to), line, block.file, decoding, stats, out, true);
        continue;
      }
      if (decoding.finish(picked)) out.push(picked);
    }
  }
  return line;
}

/** The picked event of one line whose Latin-1 text is `text` (bytes from `from`), REJECTED by the first search, or null when the picker declines it. */
function linePickedEvent(block: LineBlock, from: number, text: string, spellingEscape: boolean, decoding: LineDecoding, picker: KeyPicker): Event | typeof REJECTED | null {
  const escapes = spellingEscape ? ESCAPE_FOUND : NO_ESCAPE;
  escapes.retarget(text);
  picker.reset({ text, bytes: block.bytes, base: from }, escapes);
  return pickerEvent(picker, 0, text.length, from, block, decoding);
}

/**
 * The event the picker reads from the line at picker positions [start, end) (its bytes from `from`): the first
 * search on the first step's members, then the rest; REJECTED by the first search, null when the picker declines.
 */
function pickerEvent(picker: KeyPicker, start: number, end: number, from: number, block: LineBlock, decoding: LineDecoding): Event | typeof REJECTED | null {
  let raw: string | undefined;
  const rawText = () => (raw ??= utf8Text(block.bytes, from, from + end - start));
  const { firstSearch } = decoding;
  if (firstSearch !== null) {
    const firstMembers = picker.pickFirst(start, end);
    if (firstMembers === null) return null;
    if (!firstSearch.test(firstSearch.build(firstMembers, block.file, firstSearch.rawNeeded ? rawText() : undefined))) return REJECTED;
  }
  const members = firstSearch !== null ? picker.pickRest(start, end) : picker.pick(start, end);
  if (members === null) return null;
  return decoding.build(members, block.file, decoding.rawNeeded ? rawText() : undefined);
}

/** One decoded line through the general path: blank lines are skipped, the rest go to recordEvent. */
function generalLine(text: string, line: number, file: string, decoding: LineDecoding, stats: SourceStats, out: Event[], checked: boolean): void {
  if (!isBlank(text)) recordEvent({ text, file, line }, decoding, stats, out, checked);
}

/**
 * One decoded record through the general path: the malformed-record rule (unless `checked` already, or the
 * decoder applies it itself), per-record pre-filter, time window, full decoder, finisher. A `checked` line comes
 * from a block whose literal scan let it through, so the per-record pre-filter is not run again on it.
 */
export function recordEvent(rec: RawRecord, decoding: LineDecoding, stats: SourceStats, out: Event[], checked = false): void {
  if (rec.problem !== undefined) {
    stats.malformed.add({ file: rec.file, line: rec.line, message: rec.problem });
    return;
  }
  const filteredOut = !checked && decoding.prefilter !== null && !decoding.prefilter.test(rec.text);
  const outside = !filteredOut && decoding.outsideWindow !== null && decoding.outsideWindow(rec);
  if (!checked && (filteredOut || outside || !decoding.decodeChecks)) {
    const problem = recordProblem(rec);
    if (problem !== null) {
      stats.malformed.add(problem);
      return;
    }
  }
  if (filteredOut) {
    stats.eventsRead++;
    stats.eventsSkipped++;
    return;
  }
  if (outside) {
    stats.eventsRead++;
    return;
  }
  const ev = decoding.decode(rec);
  if (isDecodeError(ev)) {
    stats.malformed.add(ev);
    return;
  }
  stats.eventsRead++;
  if (decoding.finish(ev)) out.push(ev);
}
