// ASCII case of single character codes, for scanners that compare with a lower-case literal without lower-casing text.

const LOWER_A = 0x61;
const LOWER_Z = 0x7a;
const CASE_BIT = 0x20;

/** True for the codes of `a`–`z`. */
export function isAsciiLower(code: number): boolean {
  return code >= LOWER_A && code <= LOWER_Z;
}

/** The upper-case code of a lower-case ASCII letter (only call it for those). */
export function asciiUpper(code: number): number {
  return code - CASE_BIT;
}

/** Whether `got` equals `want`, a lower-case literal's code, ignoring ASCII case (nothing else folds). */
export function equalsFolded(got: number, want: number): boolean {
  return got === want || (isAsciiLower(want) && got === want - CASE_BIT);
}
