// Decide how a JSON input is laid out, from its first bytes: one value per line, or a stream of (pretty) values.

/** `lines`: NDJSON, one record per line. `stream`: JSON array(s) and/or concatenated values, cut by the scanner. */
export type JsonLayout = 'lines' | 'stream';

/** Past this many head bytes without a decision, the input is taken as NDJSON. */
export const DETECT_LIMIT = 4 * 1024 * 1024;

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const WHITESPACE = new Set([0x20, 0x09, 0x0d, 0x0a]);
const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** A pretty-printed value's first line ends with one of `{ [ , :`; a truncated NDJSON line does not. */
const CONTINUES_ON_NEXT_LINE = new Set([0x7b, 0x5b, 0x2c, 0x3a]);

/**
 * The layout of an input starting with `head` (a UTF-8 BOM is skipped), or undefined when more bytes are needed (`atEnd` false).
 * A leading `[` means `stream`. A leading `{` means `lines` when the first object closes on its first line
 * and nothing but another value follows it there; `stream` when its first line visibly continues
 * (pretty-printed) or a second value follows on the same line. Anything else is read as lines (and reported).
 */
export function detectLayout(head: Buffer, atEnd: boolean): JsonLayout | undefined {
  if (!atEnd && head.length < UTF8_BOM.length && UTF8_BOM.subarray(0, head.length).equals(head)) return undefined;
  let i = head.subarray(0, UTF8_BOM.length).equals(UTF8_BOM) ? UTF8_BOM.length : 0;
  while (i < head.length && WHITESPACE.has(head[i]!)) i++;
  if (i === head.length) return atEnd ? 'lines' : undefined;
  if (head[i] === 0x5b) return 'stream';
  if (head[i] !== 0x7b) return 'lines';
  const end = firstValueEnd(head, i);
  if (end === 'newline-inside') return firstLineContinues(head, i) ? 'stream' : 'lines';
  if (end === undefined) return atEnd || head.length >= DETECT_LIMIT ? 'lines' : undefined;
  let next = end;
  while (next < head.length && head[next] !== NEWLINE && WHITESPACE.has(head[next]!)) next++;
  if (next === head.length) return atEnd || head.length >= DETECT_LIMIT ? 'lines' : undefined;
  return head[next] === 0x7b || head[next] === 0x5b ? 'stream' : 'lines';
}

/** Offset just past the first value starting at `start`; `newline-inside` if a line ends first; undefined if cut off. */
function firstValueEnd(head: Buffer, start: number): number | 'newline-inside' | undefined {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = start; i < head.length; i++) {
    const byte = head[i]!;
    if (byte === NEWLINE) return 'newline-inside';
    if (inString) {
      if (escaped) escaped = false;
      else if (byte === BACKSLASH) escaped = true;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === 0x7b || byte === 0x5b) depth++;
    else if ((byte === 0x7d || byte === 0x5d) && --depth === 0) return i + 1;
  }
  return undefined;
}

/** True when the first line of the value at `start` ends outside a string with `{ [ , :`. */
function firstLineContinues(head: Buffer, start: number): boolean {
  let end = head.indexOf(NEWLINE, start);
  while (end > start && WHITESPACE.has(head[end - 1]!)) end--;
  let quotes = 0;
  for (let i = start; i < end; i++) {
    if (head[i] === BACKSLASH) i++;
    else if (head[i] === QUOTE) quotes++;
  }
  return quotes % 2 === 0 && CONTINUES_ON_NEXT_LINE.has(head[end - 1]!);
}
