// The well-formedness rule over a run of NDJSON lines at once: one native regex call per piece, no string per line.

/** A JSON string, its loop unrolled (runs of plain characters, then one escape), so the regex engine never backtracks per character. */
const STRING = String.raw`"[^"\\\x00-\x1f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*)*"`;
const SCALAR = String.raw`(?:${STRING}|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null)`;
/** JSON whitespace inside one line (a newline ends the line). */
const SPACE = '[ \\t\\r]*';
/** An array of scalars (a multivalue field, as exports of real Windows events hold): two levels deep, far under the 512 limit. */
const SCALAR_ARRAY = `\\[${SPACE}(?:${SCALAR}${SPACE}(?:,${SPACE}${SCALAR}${SPACE})*)?\\]`;
const MEMBER = `${STRING}${SPACE}:${SPACE}(?:${SCALAR}|${SCALAR_ARRAY})${SPACE}`;
/** One flat object line (scalar or scalar-array members), a JSON object by RFC 8259, then its newline or the end of the text. */
const FLAT_LINE = `${SPACE}\\{${SPACE}(?:${MEMBER}(?:,${SPACE}${MEMBER})*)?\\}${SPACE}(?:\\n|$)`;
/** As many whole flat-object lines as follow `lastIndex` (sticky): the match's end is where the first other line starts. */
const FLAT_LINES = new RegExp(`(?:${FLAT_LINE})*`, 'y');
/** Past this length a run is not tried at once (the regex's backtrack stack grows with the run); lines are judged one by one. */
export const RUN_MAX_CHARS = 1 << 20;

/**
 * Where the run of well-formed flat-object lines starting at `from` (a line start) ends: the start of the first
 * line that is not one (blank, nested, or malformed: judge it with isJsonObjectText), or `text.length`. Every line
 * before it is exactly one JSON object, by the same rule as isJsonObjectText. `text` holds whole lines, newline
 * separated, as Latin-1 or UTF-16 (the verdict is the same: JSON's structure is ASCII).
 */
export function wellFormedRunEnd(text: string, from: number): number {
  if (text.length - from > RUN_MAX_CHARS) return from;
  FLAT_LINES.lastIndex = from;
  try {
    return FLAT_LINES.test(text) ? FLAT_LINES.lastIndex : from;
  } catch {
    // A backtrack stack overflow (RangeError) on a pathological run: the caller judges the line alone.
    return from;
  }
}
