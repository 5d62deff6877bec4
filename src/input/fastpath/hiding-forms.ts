// What in raw JSON bytes can spell a pre-filter literal without holding it ASCII-wise: defined once for both scans.

/** Escapes and raw byte sequences that can hide a literal. */
export interface HidingForms {
  /** Hex digits that follow `\u` in an escape (any escape starting so). */
  escapes: string[];
  /** Byte sequences (UTF-8). */
  utf8: number[][];
}

/**
 * What can make a line's decoded, lower-cased text hold an ASCII literal that the raw text (ASCII
 * case-insensitively) lacks, besides an escape that can spell it (SPELLING_ESCAPES, searched by both scans):
 * for a final `i`, U+0130 in UTF-8 (İ lower-cases to "i" + U+0307, so it stands for an `i` only at the literal's
 * end); for a `k`, U+212A (the Kelvin sign lower-cases to "k") escaped or in UTF-8. Other escapes (`\n`, `\"`,
 * `\/`, `\u00e9`, ...) give characters the pre-filter's literals never contain.
 */
export function hidingForms(literal: string): HidingForms {
  const forms: HidingForms = { escapes: [], utf8: [] };
  if (literal.endsWith('i')) forms.utf8.push([0xc4, 0xb0]);
  if (literal.includes('k')) {
    forms.escapes.push('212');
    forms.utf8.push([0xe2, 0x84, 0xaa]);
  }
  return forms;
}
