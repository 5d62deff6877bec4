// Decode failures as values (not exceptions): where the malformed record is and what is wrong with it.
import type { RawRecord } from '../sources/raw-record.js';
import { countChar } from '../../util/count-char.js';

/**
 * A record that could not become an event. `line` is where the problem is (inside multi-line records too).
 * `message` is written `kind: details`: only the details may quote the input (see problemKind in malformed.ts).
 */
export interface DecodeError {
  file: string;
  line: number;
  message: string;
}

const POSITION = / in JSON at position (\d+)(?: \(line \d+ column \d+\))?$/;
const END_OF_INPUT = 'Unexpected end of JSON input';

/** The DecodeError for a JSON.parse failure, pointing at the line (and column) of the offending character. */
export function jsonSyntaxError(rec: RawRecord, err: unknown): DecodeError {
  const message = err instanceof Error ? err.message : String(err);
  const match = POSITION.exec(message);
  const position = match ? Number(match[1]) : message === END_OF_INPUT ? rec.text.length : undefined;
  if (position === undefined) return { file: rec.file, line: rec.line, message: `invalid JSON: ${message}` };
  const before = rec.text.slice(0, position);
  const newlines = countChar(before, '\n');
  const column = position - (before.lastIndexOf('\n') + 1) + 1;
  const what = message.slice(0, match ? match.index : message.length);
  return { file: rec.file, line: rec.line + newlines, message: `invalid JSON: ${what} (column ${column})` };
}

/** The DecodeError for valid JSON that is not an object. */
export function notAnObjectError(rec: RawRecord, value: unknown): DecodeError {
  const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  return { file: rec.file, line: rec.line, message: `expected a JSON object, found ${kind}` };
}
