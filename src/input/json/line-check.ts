// The one well-formedness rule for a JSON record, applied whatever path (pre-filter, key picker, scanner) reads it.
import { jsonSyntaxError, notAnObjectError, type DecodeError } from './decode-error.js';
import type { RawRecord } from '../sources/raw-record.js';
import { isObject } from '../../util/is-object.js';
import { checkNesting } from '../../util/exact-json.js';

/**
 * A record is well-formed when its text is exactly one JSON object (RFC 8259, as JSON.parse reads it), with
 * whitespace around it allowed, nested at most MAX_JSON_DEPTH (512) levels deep. Every non-blank NDJSON line is judged by this rule before any pre-filter or fast
 * path looks at it, so the malformed set and the counts do not depend on the query (docs/reliability.md).
 *
 * The text may be the line's UTF-8 decoding or its Latin-1 one (one char per byte): JSON's structure is ASCII and
 * every byte from 0x80 up is a legal string character either way, so both give the same verdict.
 */
const STRING = '"(?:[^"\\\\\\x00-\\x1f]|\\\\["\\\\/bfnrt]|\\\\u[0-9a-fA-F]{4})*"';
const SCALAR = `(?:${STRING}|-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null)`;
const SPACE = '[ \\t\\r\\n]*';
const MEMBER = `${STRING}${SPACE}:${SPACE}${SCALAR}${SPACE}`;
/**
 * A flat object (scalar members only), the common case, checked by one native regex without building anything.
 * Its alternatives are disjoint (no two can start on the same character), so matching is linear in the line.
 */
const FLAT_OBJECT = new RegExp(`^${SPACE}\\{${SPACE}(?:${MEMBER}(?:,${SPACE}${MEMBER})*)?\\}${SPACE}$`);
/** Past this length the regex's backtrack stack could overflow; JSON.parse judges such lines directly. */
const REGEX_MAX_CHARS = 1 << 20;

/** True when `text` is exactly one JSON object. */
export function isJsonObjectText(text: string): boolean {
  if (text.length <= REGEX_MAX_CHARS && FLAT_OBJECT.test(text)) return true;
  try {
    checkNesting(text);
    return isObject(JSON.parse(text));
  } catch {
    return false;
  }
}

/** The decode error of a record that breaks the rule (reported as the general decoder reports it), else null. */
export function recordProblem(rec: RawRecord): DecodeError | null {
  if (isJsonObjectText(rec.text)) return null;
  let parsed: unknown;
  try {
    checkNesting(rec.text);
    parsed = JSON.parse(rec.text);
  } catch (err) {
    return jsonSyntaxError(rec, err);
  }
  return notAnObjectError(rec, parsed);
}
