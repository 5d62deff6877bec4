// Splunk's default segmentation breakers (segmenters.conf, spec 1.4) as lookup tables, and boundary tests.
import { equalsFolded } from '../util/ascii-case.js';

export const NOT_BREAKER = 0;
export const MINOR_BREAKER = 1;
export const MAJOR_BREAKER = 2;

const MAJOR_CHARS = '[]<>(){}|!;,\'"*\n\r \t&?+';
const MINOR_CHARS = '/:=@.-$#%\\_';

/** Breaker kind of each ASCII character code; characters from 128 on are never breakers. */
export const BREAKER_KIND: Uint8Array = (() => {
  const table = new Uint8Array(128);
  for (const ch of MINOR_CHARS) table[ch.charCodeAt(0)] = MINOR_BREAKER;
  for (const ch of MAJOR_CHARS) table[ch.charCodeAt(0)] = MAJOR_BREAKER;
  return table;
})();

/** Multi-character major breakers (URL-encoded forms and `--`), lower-case. */
export const MAJOR_SEQUENCES: readonly string[] = [
  '%2526', '%2520', '%21', '%26', '%3b', '%7c', '%20', '%2b', '%3d', '%5d', '%5b', '%3a', '%0a', '%2c', '%28', '%29', '--',
];

/** Breaker kind of a character code. */
export function breakerKind(code: number): number {
  return code < 128 ? BREAKER_KIND[code]! : NOT_BREAKER;
}

/** Does `seq` (lower-case) occur in `text` at `at`, ignoring ASCII case? */
function sequenceAt(text: string, at: number, seq: string): boolean {
  if (at < 0 || at + seq.length > text.length) return false;
  for (let i = 0; i < seq.length; i++) if (!equalsFolded(text.charCodeAt(at + i), seq.charCodeAt(i))) return false;
  return true;
}

/** Length of the multi-character major breaker starting at `at`, or 0. */
export function majorSequenceAt(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (first !== 0x25 && first !== 0x2d) return 0; // '%' or '-'
  for (const seq of MAJOR_SEQUENCES) if (sequenceAt(text, at, seq)) return seq.length;
  return 0;
}

/** Does a multi-character major breaker end exactly at `end`? (They are `%xx`, `%25xx` and `--`.) */
function majorSequenceEndsAt(text: string, end: number): boolean {
  return majorSequenceAt(text, end - 3) === 3 || majorSequenceAt(text, end - 5) === 5 || majorSequenceAt(text, end - 2) === 2;
}

/** Is the position `pos` (between characters) the start of a segment: text start or after a breaker? */
export function boundaryBefore(text: string, pos: number, majorOnly: boolean): boolean {
  if (pos === 0) return true;
  if (breakerKind(text.charCodeAt(pos - 1)) >= (majorOnly ? MAJOR_BREAKER : MINOR_BREAKER)) return true;
  return majorSequenceEndsAt(text, pos);
}

/** Is the position `pos` the end of a segment: text end or before a breaker? */
export function boundaryAfter(text: string, pos: number, majorOnly: boolean): boolean {
  if (pos >= text.length) return true;
  if (breakerKind(text.charCodeAt(pos)) >= (majorOnly ? MAJOR_BREAKER : MINOR_BREAKER)) return true;
  return majorSequenceAt(text, pos) > 0;
}

/** The largest `to` such that text[from, to) holds no major breaker (single character or whole sequence). */
export function majorFreeEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (breakerKind(text.charCodeAt(i)) === MAJOR_BREAKER) return i;
    const seq = majorSequenceAt(text, i);
    if (seq > 0) return i + seq - 1;
  }
  return text.length;
}
