// Expansion: substitution, argument splitting, nesting, and what is left alone (quotes, ``` comments).
import { describe, expect, it } from 'vitest';
import { expandMacros } from '../../src/macros/index.js';
import { libraryOf, REFERENCE_MACROS, REFERENCE_QUERY } from './helpers.js';

const expand = (query: string, table: Record<string, string>) => expandMacros(query, libraryOf(table)).text;

describe('expandMacros: the reference detection', () => {
  it('expands wmi, both ctime calls and the filter fallback', () => {
    const expected =
      'sourcetype="wineventlog:microsoft-windows-wmi-activity/operational" EventCode=5861 Binding | rex field=Message "Consumer =\\s+(?<consumer>[^;|^$]+)" | search consumer!="NTEventLogEventConsumer=\\"SCM Event Log Consumer\\"" | stats count min(_time) as firstTime max(_time) as lastTime by ComputerName, consumer, Message | convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime)| convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(lastTime) | rename ComputerName as dest | search *';
    const expansion = expandMacros(REFERENCE_QUERY, libraryOf(REFERENCE_MACROS));
    expect(expansion.text).toBe(expected);
    expect(expansion.original).toBe(REFERENCE_QUERY);
  });
});

describe('expandMacros: substitution', () => {
  it('replaces $arg$ everywhere, including inside quotes, and leaves other $ text alone', () => {
    expect(expand('`f(x)`', { 'f(a)': 'eval y="$a$" + $a$ | rex "[^$]+$" | eval z=$b$' })).toBe(
      'eval y="x" + x | rex "[^$]+$" | eval z=$b$',
    );
  });

  it('passes positional arguments trimmed, with quotes kept verbatim', () => {
    expect(expand('`f( "a b" ,  c )`', { 'f(x,y)': '[$y$|$x$]' })).toBe('[c|"a b"]');
  });

  it('does not split on commas inside quotes or parentheses', () => {
    expect(expand('`f("a,b", g(1,2))`', { 'f(x,y)': '<$x$><$y$>' })).toBe('<"a,b"><g(1,2)>');
  });

  it('keeps escaped quotes inside a quoted argument, and does not split on a comma after one', () => {
    expect(expand('`f("say \\"hi, there\\"", z)`', { 'f(x,y)': '$x$;$y$' })).toBe('"say \\"hi, there\\"";z');
  });

  it('treats `f()` as arity 0 and chooses overloads by arity', () => {
    const table = { f: 'zero', 'f(a)': 'one:$a$', 'f(a,b)': 'two:$a$$b$' };
    expect(expand('`f` `f()` `f(1)` `f(1,2)`', table)).toBe('zero zero one:1 two:12');
  });

  it('distinguishes argument names that are prefixes of each other', () => {
    expect(expand('`f(1,2)`', { 'f(a,ab)': '$ab$-$a$' })).toBe('2-1');
  });

  it('expands nested macros, including ones built from arguments', () => {
    const table = { outer: 'A `mid(x)` B', 'mid(v)': '[`inner` $v$]', inner: 'core' };
    expect(expand('| `outer` |', table)).toBe('| A [core x] B |');
    expect(expand('`call(inner)`', { 'call(m)': '`$m$`', inner: 'core' })).toBe('core');
  });

  it('expands the ESCU filter convention to `search *` unless disabled', () => {
    expect(expand('x | `my_detection_filter`', {})).toBe('x | search *');
    const lib = libraryOf({ my_detection_filter: 'search user!=admin' });
    expect(expandMacros('| `my_detection_filter`', lib).text).toBe('| search user!=admin');
  });
});

describe('expandMacros: text that is not a macro call', () => {
  it('leaves backticks inside double-quoted strings alone', () => {
    const query = 'search x="a`wmi`b" | eval y=replace(p, "`", "")';
    expect(expand(query, {})).toBe(query);
  });

  it('does not end a quoted string at an escaped quote', () => {
    expect(expand('search x="a\\"`wmi`" `wmi`', REFERENCE_MACROS)).toBe(
      'search x="a\\"`wmi`" sourcetype="wineventlog:microsoft-windows-wmi-activity/operational"',
    );
  });

  it('keeps ``` comments verbatim, including backticks and quotes inside them', () => {
    const query = 'a ```note: `wmi` and " here``` | `wmi`';
    expect(expand(query, REFERENCE_MACROS)).toBe(
      'a ```note: `wmi` and " here``` | sourcetype="wineventlog:microsoft-windows-wmi-activity/operational"',
    );
  });

  it('leaves a macro definition containing a quoted backtick unexpanded inside', () => {
    expect(expand('`clean`', { clean: 'eval p=replace(p, "`", "")' })).toBe('eval p=replace(p, "`", "")');
  });

  it('returns a query without backticks unchanged', () => {
    const query = 'search a="x" | stats count by b';
    expect(expand(query, REFERENCE_MACROS)).toBe(query);
  });
});
