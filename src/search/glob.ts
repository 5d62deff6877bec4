// Whole-string matching with `*` wildcards (field=value in search), using prefix/suffix checks and indexOf.

/** Compile `pattern` (where `*` matches any run of characters, newlines included) into a whole-string test. */
export function compileGlob(pattern: string): (text: string) => boolean {
  return compileSegments(pattern.split('*'));
}

/**
 * A whole-string test for literal parts with any run of characters between them (the parts of a glob cut at `*`,
 * or of a LIKE pattern cut at `%`): prefix and suffix checks, then leftmost indexOf for each middle part.
 */
export function compileSegments(parts: readonly string[]): (text: string) => boolean {
  if (parts.length === 1) return (text) => text === parts[0];
  const head = parts[0]!;
  const tail = parts[parts.length - 1]!;
  const middle = parts.slice(1, -1).filter((p) => p !== '');
  const minLength = parts.reduce((n, p) => n + p.length, 0);
  return (text) => {
    if (text.length < minLength || !text.startsWith(head) || !text.endsWith(tail)) return false;
    const limit = text.length - tail.length;
    let at = head.length;
    for (const part of middle) {
      const found = text.indexOf(part, at);
      if (found < 0 || found + part.length > limit) return false;
      at = found + part.length;
    }
    return true;
  };
}
