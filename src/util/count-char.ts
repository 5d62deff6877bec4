// How many times a character (or a string) occurs in a text (native indexOf steps, no per-character loop).

/** Occurrences of `ch` (a character or any string; overlapping ones included) in `text`. */
export function countChar(text: string, ch: string): number {
  let count = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) count++;
  return count;
}

