// props.conf FIELDALIAS parsing: stanzas, continuations, comments, ASNEW, quoting, and errors with file and line.
import { describe, expect, it } from 'vitest';
import { formatError, SplError } from '../../src/errors.js';
import { parseProps } from '../../src/input/mapping/props.js';

const CONF = `# Windows aliases
FIELDALIAS-global = host AS orig_host

[WinEventLog:Security]
TIME_PREFIX = <TimeCreated SystemTime=
FIELDALIAS-dest = ComputerName AS dest \\
                  ComputerName as src_nt_host
FIELDALIAS-user = "Account Name" ASNEW user
FIELDALIAS-user = TargetUserName ASNEW user

[source::...WMI-Activity*]
FIELDALIAS-ev = EventID AS EventCode
# a comment ending with a backslash does not continue \\
[host::dc01]
FIELDALIAS-ignored = a AS b

[default]
FIELDALIAS-d = x AS y
`;

function errorOf(text: string): SplError {
  try {
    parseProps(text, 'props.conf');
  } catch (err) {
    if (err instanceof SplError) return err;
    throw err;
  }
  throw new Error('expected parseProps to throw');
}

describe('parseProps', () => {
  const spec = parseProps(CONF, 'props.conf');

  it('reads FIELDALIAS settings with their stanza scope, class and mode', () => {
    expect(spec.sets).toEqual([]);
    expect(spec.aliases).toEqual([
      { src: 'host', dest: 'orig_host', mode: 'AS', className: 'global' },
      { src: 'x', dest: 'y', mode: 'AS', className: 'd' },
      { src: 'ComputerName', dest: 'dest', mode: 'AS', className: 'dest', sourcetype: 'WinEventLog:Security' },
      { src: 'ComputerName', dest: 'src_nt_host', mode: 'AS', className: 'dest', sourcetype: 'WinEventLog:Security' },
      { src: 'TargetUserName', dest: 'user', mode: 'ASNEW', className: 'user', sourcetype: 'WinEventLog:Security' },
      { src: 'EventID', dest: 'EventCode', mode: 'AS', className: 'ev', sourceGlob: '...WMI-Activity*' },
    ]);
  });

  it('reads double-quoted field names', () => {
    const quoted = parseProps('[st]\nFIELDALIAS-u = "Account Name" ASNEW user "a \\"b\\"" AS c\n', 'p.conf');
    expect(quoted.aliases.map((a) => [a.src, a.dest])).toEqual([['Account Name', 'user'], ['a "b"', 'c']]);
  });

  it('rejects an unterminated stanza header with file and line', () => {
    const err = errorOf('[ok]\nFIELDALIAS-a = a AS b\n\n[WinEventLog:Security\nFIELDALIAS-b = c AS d\n');
    expect(err.code).toBe('input-error');
    expect(err.message).toMatch(/^props\.conf:4: unterminated stanza header/);
    expect(formatError(err)).toContain('[WinEventLog:Security');
  });

  it('rejects FIELDALIAS without AS, naming the line where the setting starts', () => {
    const err = errorOf('[st]\n\nFIELDALIAS-a = src dest\n');
    expect(err.message).toMatch(/^props\.conf:3: FIELDALIAS-a: expected AS or ASNEW after "src", got "dest"/);
    const continued = errorOf('[st]\nFIELDALIAS-a = a AS b \\\n   c AS\n');
    expect(continued.message).toMatch(/^props\.conf:2: FIELDALIAS-a: "c AS" needs a new field name/);
  });

  it('rejects other syntax errors with their line', () => {
    expect(errorOf('[st]\nFIELDALIAS-a =\n').message).toMatch(/^props\.conf:2: FIELDALIAS-a has no/);
    expect(errorOf('[st]\njust words\n').message).toMatch(/^props\.conf:2: expected "<setting> = <value>"/);
    expect(errorOf('\n[source::(bad]\n').message).toMatch(/^props\.conf:2: invalid source pattern/);
    expect(errorOf('[st]\nFIELDALIAS-a = "open AS b\n').message).toMatch(/^props\.conf:2: unterminated quoted field name/);
  });

  it('points the error span at the offending line of the text', () => {
    const text = '[st]\nFIELDALIAS-a = src dest\n';
    const err = errorOf(text);
    expect(text.slice(err.span!.start, err.span!.end)).toBe('FIELDALIAS-a = src dest');
  });
});
