// A small bounded memo for things compiled at run time from dynamic arguments (regexes, formats, patterns).

const DEFAULT_LIMIT = 256;

/**
 * Wraps `build` so each distinct key is compiled once (until the cache fills and is reset).
 * A key whose build throws maps to null: a bad dynamic pattern gives a null result, never an exception.
 */
export function memoizeBuild<T>(build: (key: string) => T, limit = DEFAULT_LIMIT): (key: string) => T | null {
  const cache = new Map<string, T | null>();
  return (key) => {
    if (cache.has(key)) return cache.get(key)!;
    if (cache.size >= limit) cache.clear();
    let built: T | null;
    try {
      built = build(key);
    } catch {
      built = null;
    }
    cache.set(key, built);
    return built;
  };
}
