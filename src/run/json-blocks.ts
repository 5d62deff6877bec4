// Events from blocks of NDJSON lines: the block-level pre-filter, the fast key picker, else the general decoder per line.
import type { Prefilter } from '../engine/prefilter.js';
import { isDecodeError, type Decoder, type EventBuilder, type LineBlock, type RawRecord } from '../input/index.js';
import { isBlank } from '../input/lines.js';
import type { KeyPicker } from '../input/key-picker.js';
import type { LiteralScan } from '../input/literal-scan.js';
import type { Event } from '../runtime/event.js';
import type { EventFinisher } from './event-finish.js';
import type { SourceStats } from './event-source.js';

const NEWLINE = '\n';
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
  build: EventBuilder;
  /** Whether events need their raw text (the query reads `_raw`). */
  rawNeeded: boolean;
}

/** The events of one block that survive decoding, pre-filters and the finisher, in line order. */
export function blockEvents(block: LineBlock, decoding: LineDecoding, stats: SourceStats): Event[] {
  const { bytes, start: base } = block;
  const out: Event[] = [];
  const { scan, picker } = decoding;
  const general = (start: number, end: number, line: number) => generalLine(bytes.toString('utf8', base + start, base + end), line, block.file, decoding, stats, out);
  if (scan === null && picker === null) {
    forEachLineIn(bytes.toString('latin1', base, block.end), block.firstLine, general);
    return out;
  }
  const text = bytes.toString('latin1', base, block.end);
  scan?.reset(text, block.lineCount);
  picker?.reset({ text, bytes, base });
  forEachLineIn(text, block.firstLine, (start, end, line) => {
    if (text.charCodeAt(start) <= SPACE || start === end) return general(start, end, line);
    stats.eventsRead++;
    if (scan !== null && !scan.mayMatch(start, end)) {
      stats.eventsSkipped++;
      return;
    }
    const members = picker?.pick(start, end) ?? null;
    if (members === null) {
      stats.eventsRead--;
      return general(start, end, line);
    }
    const raw = decoding.rawNeeded ? bytes.toString('utf8', base + start, base + end) : undefined;
    const ev = decoding.build(members, block.file, raw);
    if (decoding.finish(ev)) out.push(ev);
  });
  return out;
}

/** Calls `visit` with each line's content range in `text` (CR and LF excluded) and its number. */
function forEachLineIn(text: string, firstLine: number, visit: (start: number, end: number, line: number) => void): void {
  let line = firstLine;
  for (let pos = 0; ; line++) {
    let newline = text.indexOf(NEWLINE, pos);
    if (newline < 0) newline = text.length;
    const end = newline > pos && text.charCodeAt(newline - 1) === CARRIAGE_RETURN ? newline - 1 : newline;
    visit(pos, end, line);
    if (newline === text.length) return;
    pos = newline + 1;
  }
}

/** One decoded line through the general path: blank check, per-line pre-filter, time window, full decoder. */
function generalLine(text: string, line: number, file: string, decoding: LineDecoding, stats: SourceStats, out: Event[]): void {
  if (isBlank(text)) return;
  const rec: RawRecord = { text, file, line };
  if (decoding.prefilter && !decoding.prefilter.test(text)) {
    stats.eventsRead++;
    stats.eventsSkipped++;
    return;
  }
  if (decoding.outsideWindow?.(rec)) {
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
