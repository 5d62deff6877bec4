// Lexicographic order of strings by UTF-8 bytes (= code point order), as search's < > on text use (spec 1.8).

/** Map a UTF-16 code unit so that unit order equals code point order (surrogates sort above U+E000-U+FFFF). */
function orderKey(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

/** Negative, zero or positive as `a` sorts before, with, or after `b` in UTF-8 byte order. */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return orderKey(x) - orderKey(y);
  }
  return a.length - b.length;
}
