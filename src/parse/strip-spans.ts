// Remove source positions from an AST, for comparing trees that came from different texts.
export function stripSpans<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'span' || key.endsWith('Span') ? undefined : v))) as T;
}
