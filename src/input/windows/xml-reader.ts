// Streaming reader of Splunk XmlWinEventLog text: one <Event> XML document per event, parsed with saxes.
import { StringDecoder } from 'node:string_decoder';
import { Event } from '../../runtime/event.js';
import { parseTimestamp } from '../../time/parse.js';
import { getZone } from '../../time/zone.js';
import { openInput, type OpenedInput } from '../sources/open-input.js';
import { XmlEventDocument } from './xml-document.js';
import type { XmlFieldValues } from './xml-fields.js';

export type { XmlFieldValues } from './xml-fields.js';

/** One event read from XML: its fields, its XML text, where it starts, and `_time` (epoch seconds, UTC). */
export interface XmlEventRecord {
  fields: XmlFieldValues;
  raw: string;
  file: string;
  line: number;
  time?: number;
}

/** A skipped piece of input: a truncated or invalid event, or text that is not XML. */
export interface XmlReadError {
  file: string;
  line: number;
  message: string;
}

export type XmlReadItem = XmlEventRecord | XmlReadError;

export function isXmlReadError(item: XmlReadItem): item is XmlReadError {
  return !('fields' in item);
}

/** Events larger than this (in characters) are reported and skipped, so memory stays bounded. */
export const MAX_EVENT_CHARS = 4 * 1024 * 1024;
const EVENT_START_AT_LINE_START = /^\s*<Event[\s>/]/;
const EVENT_START_AFTER_TAG = />\s*(<Event[\s>/])/;

/** True when a file's text looks like XML events: its first non-space character is `<`. */
export function looksLikeXmlEvents(head: string): boolean {
  return /^\uFEFF?\s*</.test(head);
}

/** Where an event starts in a line between events: at the line start or right after another tag; -1 if none. */
function eventStartIn(line: string): number {
  const atStart = EVENT_START_AT_LINE_START.exec(line);
  if (atStart) return atStart[0].indexOf('<');
  const afterTag = EVENT_START_AFTER_TAG.exec(line);
  return afterTag ? afterTag.index + afterTag[0].indexOf('<Event') : -1;
}

/** Push-style parser: feed text chunks with `push`, then `end`; every event or error goes to `emit`. */
export class XmlEventParser {
  private readonly document = new XmlEventDocument();
  private readonly utc = getZone('UTC');
  private carry = '';
  private lineNumber = 0;
  private eventLine = 0;
  private pieces: string[] = [];
  private skippedLines = 0;
  private firstSkippedLine = 0;
  private lastSkippedLine = 0;

  constructor(
    private readonly file: string,
    private readonly emit: (item: XmlReadItem) => void,
  ) {}

  /** Lines seen so far. */
  get lineCount(): number {
    return this.lineNumber;
  }

  push(chunk: string): void {
    if (chunk === '') return;
    const atFileStart = this.lineNumber === 0 && this.carry === '';
    const text = atFileStart && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
    let newline = text.indexOf('\n');
    if (newline < 0) {
      this.carry += text; // only the new chunk is searched, so a long line costs linear time
      return;
    }
    this.line(this.carry + text.slice(0, newline));
    let start = newline + 1;
    for (newline = text.indexOf('\n', start); newline >= 0; newline = text.indexOf('\n', start)) {
      this.line(text.slice(start, newline));
      start = newline + 1;
    }
    this.carry = text.slice(start);
  }

  end(): void {
    if (this.carry !== '') this.line(this.carry);
    this.carry = '';
    if (this.pieces.length > 0) this.abandon(this.eventLine, 'truncated <Event>: the file ends before </Event>');
    if (this.skippedLines > 0) {
      const message = `skipped ${this.skippedLines} line(s) of text outside <Event> elements (not XmlWinEventLog)`;
      this.emit({ file: this.file, line: this.firstSkippedLine, message });
    }
  }

  private line(rawLine: string): void {
    this.lineNumber++;
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (this.pieces.length > 0 && EVENT_START_AT_LINE_START.test(line)) {
      this.abandon(this.eventLine, `truncated <Event>: a new <Event> starts at line ${this.lineNumber}`);
    }
    if (this.pieces.length === 0) {
      this.betweenEvents(line);
      return;
    }
    this.feed('\n');
    const rest = this.pieces.length > 0 ? this.feed(line) : undefined;
    if (rest !== undefined) this.betweenEvents(rest);
  }

  /** Text outside any event: skip to each `<Event` in it and read the events it holds (a loop, not recursion). */
  private betweenEvents(text: string): void {
    let remaining: string | undefined = text;
    while (remaining !== undefined) {
      const start = eventStartIn(remaining);
      this.noteSkipped(start < 0 ? remaining : remaining.slice(0, start));
      if (start < 0) return;
      this.eventLine = this.lineNumber;
      remaining = this.feed(remaining.slice(start));
    }
  }

  /** Count lines of non-XML text; blank text and wrapper markup (`<?xml ...?>`, `<Events>`) are not reported. */
  private noteSkipped(text: string): void {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('<') || this.lastSkippedLine === this.lineNumber) return;
    if (this.skippedLines === 0) this.firstSkippedLine = this.lineNumber;
    this.lastSkippedLine = this.lineNumber;
    this.skippedLines++;
  }

  /** Parse a piece of the current event; returns the text after the event's end tag when it ends in `piece`. */
  private feed(piece: string): string | undefined {
    this.pieces.push(piece);
    const used = this.document.write(piece);
    const error = this.document.error;
    if (error) {
      const line = this.eventLine + Math.max(0, error.line - 1);
      this.abandon(line, `invalid XML in <Event> starting at line ${this.eventLine}: ${error.message}`);
    } else if (used >= 0) {
      this.pieces[this.pieces.length - 1] = piece.slice(0, used);
      this.emitEvent();
      const rest = piece.slice(used);
      if (rest.trim() !== '') return rest;
    } else if (this.document.length > MAX_EVENT_CHARS) {
      this.abandon(this.eventLine, `<Event> longer than ${MAX_EVENT_CHARS} characters without </Event>`);
    }
    return undefined;
  }

  private emitEvent(): void {
    const fields = this.document.fields;
    const channel = fields['Channel'];
    fields['sourcetype'] = 'XmlWinEventLog';
    fields['source'] = typeof channel === 'string' ? `XmlWinEventLog:${channel}` : 'XmlWinEventLog';
    const systemTime = fields['SystemTime'];
    const time = typeof systemTime === 'string' ? parseTimestamp(systemTime, this.utc) : undefined;
    const record: XmlEventRecord = { fields, raw: this.pieces.join(''), file: this.file, line: this.eventLine };
    if (time !== undefined) record.time = time;
    this.pieces = [];
    this.document.reset();
    this.emit(record);
  }

  private abandon(line: number, message: string): void {
    this.pieces = [];
    this.document.reset();
    this.emit({ file: this.file, line, message });
  }
}

/**
 * Read XML events as batches of records and error items, streaming (memory stays flat): from a path or `-`, or from
 * an input already opened (stdin, a FIFO, gzip or UTF-16 data: see openInput). A problem of the input (binary data,
 * truncated gzip) comes last, as an error item at the line reading had reached.
 */
export async function* readXmlEvents(source: string | OpenedInput, batchSize = 256): AsyncIterable<XmlReadItem[]> {
  const input = typeof source === 'string' ? await openInput(source, 256 * 1024) : source;
  let batch: XmlReadItem[] = [];
  const parser = new XmlEventParser(input.label, (item) => batch.push(item));
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of input.chunks) {
      parser.push(decoder.write(chunk));
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    parser.push(decoder.end());
    parser.end();
    if (input.problem !== undefined) batch.push({ file: input.label, line: Math.max(1, parser.lineCount), message: input.problem.message });
    if (batch.length > 0) yield batch;
  } finally {
    if (typeof source === 'string') await input.close();
  }
}

/** The engine's event for an XML record: its fields, `_time`, and `_raw` (lazily, the XML text). */
export function xmlRecordToEvent(record: XmlEventRecord): Event {
  const event = Event.fromObject(record.fields, record.raw);
  if (record.time !== undefined) event.set('_time', record.time);
  return event;
}
