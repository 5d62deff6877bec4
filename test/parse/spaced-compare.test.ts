// `field = value` with the operator standing apart on both sides compares (search) or assigns (generic commands), as
// ESCU writes it (`Processes.process = "* save *"`, `regex file_name = "..."`); `field= value` is still the empty value.
import { describe, expect, it } from 'vitest';
import { parseQuery, parseSearchExpression } from '../../src/parse/parse.js';
import { stripSpans } from '../../src/parse/strip-spans.js';

describe('spaced comparison operators', () => {
  it('search: f = "v" and f != v compare; f= v keeps the empty value and a separate term', () => {
    expect(stripSpans(parseSearchExpression('Processes.process = "* save *"'))).toMatchObject({ kind: 'compare', field: 'Processes.process', op: '=', value: { text: '* save *' } });
    expect(stripSpans(parseSearchExpression('a != b'))).toMatchObject({ kind: 'compare', field: 'a', op: '!=', value: { text: 'b' } });
    expect(stripSpans(parseSearchExpression('a= b'))).toMatchObject({ kind: 'and', items: [{ kind: 'compare', value: { text: '' } }, { kind: 'term' }] });
  });

  it('generic commands: regex f = "re" assigns', () => {
    const cmd = parseQuery('| makeresults | regex file_name =  "x{2}"').commands[1]!;
    expect(stripSpans(cmd)).toMatchObject({ kind: 'generic', clauses: [{ args: [{ kind: 'assign', name: 'file_name', value: { text: 'x{2}' } }] }] });
  });
});
