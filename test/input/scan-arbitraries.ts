// fast-check generators of JSON object TEXT for the scanner tests: duplicate keys, escapes, odd numbers, spacing.
import fc from 'fast-check';

/** How a string is written: as JSON.stringify does, every code unit as \uXXXX, or with `/` escaped as `\/`. */
export type StringStyle = 'plain' | 'unicode' | 'slash';

/** A JSON value as written text: numbers keep their exact spelling, objects keep duplicate keys and order. */
export type JsonDoc =
  | { kind: 'literal'; text: 'true' | 'false' | 'null' }
  | { kind: 'number'; text: string }
  | { kind: 'string'; value: string; style: StringStyle }
  | { kind: 'array'; items: JsonDoc[] }
  | { kind: 'object'; members: Array<{ key: string; keyStyle: StringStyle; value: JsonDoc }> };

/** Keys that collide with the field names the tests query, the decoder's own keys, and JS oddities. */
export const KEY_POOL = [
  'a', 'b', 'c', 'a.b', 'a.c', 'a{}', 'a{}.b', 'a.b.c', 'b.a', 'ev', 'ev.at', 'at',
  '_time', '_raw', 'time', 'date', 'host', 'sourcetype', 'source', 'index',
  '__proto__', 'constructor', '1', '0', '', 'é', 'a"b', 'a\\b', 'x/y', 'ключ', '😀', 'result', 'preview',
] as const;

/** Field names for generated projections (exact names, prefixes, descendants and ones no key matches). */
export const FIELD_POOL = [
  'a', 'b', 'a.b', 'a.c', 'a{}', 'a{}.b', 'b.a.c', 'c{}.a', 'a.b.c', 'ev.at', 'ev',
  '__proto__', '1', 'é', 'a"b', 'a\\b', 'x/y', '', 'zz', 'host',
] as const;

const NUMBER_TEXTS = [
  '0', '-0', '7', '-12', '0.5', '-0.25', '1e5', '1E-7', '-12.5e+3', '2e0', '123456789012345678',
  '0.30000000000000004', '1.7976931348623157e308', '5e-324', '9007199254740993', '1700000000.066',
  '1660485615.25', '0.000001', '100000000000000000000000', '3.14159265358979323846',
];

const stringValue = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.constantFrom('C:\\Windows\\', 'say "hi"', '\\"', 'a/b', '\n\t\r\b\f', '\u2028\u2029', '\u0000\u001f', 'é😀'),
  fc.constantFrom('2022-08-14T14:00:15Z', '1660485615', 'garbage', ''),
);

const style = fc.constantFrom<StringStyle>('plain', 'plain', 'unicode', 'slash');

const numberText = fc.oneof(
  fc.constantFrom(...NUMBER_TEXTS),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
);

const { doc: jsonDoc, object: jsonObject } = fc.letrec<{ doc: JsonDoc; object: JsonDoc }>((tie) => ({
  doc: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('true', 'false', 'null').map((text) => ({ kind: 'literal', text }) as JsonDoc),
    numberText.map((text) => ({ kind: 'number', text }) as JsonDoc),
    fc.record({ value: stringValue, style }).map((s) => ({ kind: 'string', ...s }) as JsonDoc),
    fc.array(tie('doc'), { maxLength: 3 }).map((items) => ({ kind: 'array', items }) as JsonDoc),
    tie('object'),
  ),
  object: fc
    .array(
      fc.record({
        key: fc.oneof(fc.constantFrom(...KEY_POOL), fc.string({ maxLength: 3 })),
        keyStyle: style,
        value: tie('doc'),
      }),
      { maxLength: 6 },
    )
    .map((members) => ({ kind: 'object', members }) as JsonDoc),
}));

/** A generated top-level object and the whitespace written between its tokens. */
export const jsonObjectText = fc
  .tuple(jsonObject, fc.constantFrom('', '', ' ', ' \n\t\r '))
  .map(([doc, space]) => writeJson(doc, space));

export { jsonDoc };

/** Writes `doc` as JSON text with `space` around every token. */
export function writeJson(doc: JsonDoc, space = ''): string {
  switch (doc.kind) {
    case 'literal':
    case 'number':
      return doc.text;
    case 'string':
      return writeString(doc.value, doc.style);
    case 'array':
      return `[${space}${doc.items.map((item) => writeJson(item, space)).join(`${space},${space}`)}${space}]`;
    case 'object': {
      const members = doc.members.map(
        (m) => `${writeString(m.key, m.keyStyle)}${space}:${space}${writeJson(m.value, space)}`,
      );
      return `${space}{${space}${members.join(`${space},${space}`)}${space}}${space}`;
    }
  }
}

function writeString(value: string, style: StringStyle): string {
  if (style === 'plain') return JSON.stringify(value);
  if (style === 'slash') return JSON.stringify(value).replaceAll('/', '\\/');
  let out = '"';
  for (let i = 0; i < value.length; i++) out += `\\u${value.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return `${out}"`;
}
