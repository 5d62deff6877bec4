// Tell from an input's first bytes how it is encoded: gzip, UTF-16 (with or without a BOM), binary, or plain text.

/** How many leading bytes the sniffer looks at (as `grep` and `git` do for their binary test). */
export const SNIFF_BYTES = 8 * 1024;

export type InputEncoding =
  | { kind: 'text' }
  | { kind: 'gzip' }
  | { kind: 'utf-16le' | 'utf-16be' }
  | { kind: 'binary'; reason: string };

const GZIP_MAGIC = [0x1f, 0x8b];
/** Past this share of control bytes (other than whitespace, backspace, form feed, escape) the input is binary. */
const CONTROL_SHARE = 0.1;
/** ASCII characters that must line up with NUL bytes for text without a BOM to be taken as UTF-16. */
const UTF16_PROBE_CHARS = 8;

/**
 * The encoding of an input starting with `head`, or undefined while more bytes are needed (`atEnd` false). A BOM
 * decides UTF-16 at once; so does gzip's magic number. Otherwise the first SNIFF_BYTES decide, or fewer once a line
 * has ended (a slow pipe is not kept waiting). Text whose first characters are ASCII each paired with a NUL byte is
 * UTF-16 without a BOM. Text that opens with `{`, `[` or `<` is text. Otherwise a NUL byte, or more than a tenth of
 * control bytes, makes the input binary: JSON and XML text hold neither.
 */
export function sniffEncoding(head: Uint8Array, atEnd: boolean): InputEncoding | undefined {
  if (head.length < 2 && !atEnd) return undefined;
  if (startsWith(head, GZIP_MAGIC)) return { kind: 'gzip' };
  if (startsWith(head, [0xff, 0xfe])) return { kind: 'utf-16le' };
  if (startsWith(head, [0xfe, 0xff])) return { kind: 'utf-16be' };
  if (!atEnd && head.length < SNIFF_BYTES && head.indexOf(0x0a) < 0) return undefined;
  return decide(head.subarray(0, SNIFF_BYTES));
}

function decide(head: Uint8Array): InputEncoding {
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { kind: utf16 };
  // Text that opens like JSON or XML is read line by line even with NUL bytes further on (a log with a block of NULs
  // from a crash): its good lines are kept and the bad ones reported one by one.
  if (opensLikeEvents(head)) return { kind: 'text' };
  const nul = head.indexOf(0);
  if (nul >= 0) return { kind: 'binary', reason: `a NUL byte at byte ${nul}` };
  if (hasManyControls(head)) return { kind: 'binary', reason: 'control bytes in its first bytes' };
  return { kind: 'text' };
}

/** UTF-16 without a BOM: the first characters (up to UTF16_PROBE_CHARS) are printable ASCII or whitespace beside a NUL byte. */
function utf16WithoutBom(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.min(UTF16_PROBE_CHARS, head.length >> 1);
  if (pairs < 1) return undefined;
  let le = true;
  let be = true;
  for (let i = 0; i < pairs; i++) {
    const a = head[2 * i]!;
    const b = head[2 * i + 1]!;
    le &&= isTextAscii(a) && b === 0;
    be &&= a === 0 && isTextAscii(b);
  }
  return le ? 'utf-16le' : be ? 'utf-16be' : undefined;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** True when the first byte after an optional UTF-8 BOM and whitespace is `{`, `[` or `<`. */
function opensLikeEvents(head: Uint8Array): boolean {
  let i = startsWith(head, UTF8_BOM) ? UTF8_BOM.length : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  return head[i] === 0x7b || head[i] === 0x5b || head[i] === 0x3c;
}

function isTextAscii(byte: number): boolean {
  return (byte >= 0x20 && byte < 0x7f) || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

function hasManyControls(head: Uint8Array): boolean {
  let controls = 0;
  for (let i = 0; i < head.length; i++) {
    const byte = head[i]!;
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x08 && byte !== 0x0c && byte !== 0x1b) || byte === 0x7f) controls++;
  }
  return controls > head.length * CONTROL_SHARE;
}

function startsWith(head: Uint8Array, magic: readonly number[]): boolean {
  return head.length >= magic.length && magic.every((byte, i) => head[i] === byte);
}
