// Whether a character of JSON text stands for itself: not preceded by an odd run of backslashes.

const BACKSLASH = 0x5c;

/** True when `text[pos]` is preceded by an even number of backslashes (none counted before `lowerBound`). */
export function isUnescaped(text: string, pos: number, lowerBound: number): boolean {
  let before = pos - 1;
  while (before >= lowerBound && text.charCodeAt(before) === BACKSLASH) before--;
  return (pos - 1 - before) % 2 === 0;
}

/** isUnescaped over raw bytes: `bytes[pos]` is preceded by an even number of backslashes (from `lowerBound` on). */
export function isUnescapedByte(bytes: Uint8Array, pos: number, lowerBound: number): boolean {
  let before = pos - 1;
  while (before >= lowerBound && bytes[before] === BACKSLASH) before--;
  return (pos - 1 - before) % 2 === 0;
}
