// `search ... [subsearch]`: the subsearch's rows become `(f="v" AND ...) OR (...)` over the same inputs.
import { describe, expect, it } from 'vitest';
import { runQuery, type PlainEvent } from '../helpers/run.js';

const EVENTS: PlainEvent[] = [
  { kind: 'login', user: 'ann', host: 'h1' },
  { kind: 'login', user: 'bob', host: 'h2' },
  { kind: 'login', user: 'cid', host: 'h1' },
  { kind: 'reset', user: 'ann', host: 'h1' },
  { kind: 'reset', user: 'bob', host: 'h9' },
];

describe('search [subsearch]', () => {
  // Splunk Search Manual "About subsearches": the subsearch's results are returned to the outer search as
  // `( ( field1="value1" AND field2="value2" ) OR ( ... ) )`, the `format` command's default output
  // (help.splunk.com/.../search-manual/9.4/subsearches/about-subsearches).
  it('rows with one field: the outer search keeps events with any of the values', () => {
    const out = runQuery('search kind=login [search kind=reset | fields user]', EVENTS);
    expect(out.map((r) => r.user)).toEqual(['ann', 'bob']);
  });

  it('rows with several fields AND them; rows are ORed', () => {
    const out = runQuery('search kind=login [search kind=reset | table user host]', EVENTS);
    expect(out.map((r) => r.user)).toEqual(['ann']);
  });

  it('a subsearch with no rows matches nothing', () => {
    expect(runQuery('search kind=login [search kind=none | fields user]', EVENTS)).toEqual([]);
  });

  it('a field named search is put in as search text', () => {
    const out = runQuery('search kind=login [| makeresults | eval search="user=cid OR user=bob" | table search]', EVENTS);
    expect(out.map((r) => r.user)).toEqual(['bob', 'cid']);
  });

  it('the corpus shape: stats inside the subsearch, inside a larger search', () => {
    const out = runQuery('search kind=login NOT host=h9 [search kind=reset | stats count by user | fields user]', EVENTS);
    expect(out.map((r) => r.user)).toEqual(['ann', 'bob']);
  });
});
