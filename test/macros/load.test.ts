// Loading macro definitions from ESCU YAML files, macros.conf and folders; bad files are macro-load errors.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SplError } from '../../src/errors.js';
import { expandMacros, MacroLibrary } from '../../src/macros/index.js';

let dir: string;
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
};

function loadError(paths: string[]): SplError {
  try {
    MacroLibrary.load(paths);
  } catch (e) {
    expect(e).toBeInstanceOf(SplError);
    return e as SplError;
  }
  throw new Error('expected loading to fail');
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'splq-macros-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('ESCU YAML macros', () => {
  it('reads name, arguments, definition and description', () => {
    const file = write('one/ctime.yml', "name: ctime\narguments:\n  - field\ndefinition: 'convert ctime($field$)'\ndescription: d\n");
    const lib = MacroLibrary.load([file], { builtins: false });
    expect(lib.lookup('ctime', 1)).toEqual({
      name: 'ctime', args: ['field'], definition: 'convert ctime($field$)', iseval: false, origin: file, description: 'd',
    });
    expect(lib.lookup('ctime', 0)).toBeUndefined();
    expect(lib.names()).toEqual(['ctime(1)']);
  });

  it('reads every .yml/.yaml file of a folder recursively and ignores other files', () => {
    write('tree/a.yml', 'name: a\ndefinition: A\n');
    write('tree/sub/deeper/b.yaml', 'name: b\ndefinition: B `a`\n');
    write('tree/notes.txt', 'not a macro');
    const lib = MacroLibrary.load([path.join(dir, 'tree')], { builtins: false });
    expect(lib.names().sort()).toEqual(['a', 'b']);
    expect(expandMacros('`b`', lib).text).toBe('B A');
  });

  it('accepts an unindented continuation of a quoted definition, as PyYAML does', () => {
    const file = write('lenient.yml', "name: multi\ndefinition: 'eval a=1\n| eval b=\"x\"'\n");
    expect(MacroLibrary.load([file]).lookup('multi', 0)?.definition).toBe('eval a=1 | eval b="x"');
  });

  it('rejects a file without a definition, naming the file', () => {
    const file = write('bad/nodef.yml', 'name: x\n');
    const err = loadError([file]);
    expect(err.code).toBe('macro-load');
    expect(err.message).toContain(file);
    expect(err.message).toContain('definition');
  });

  it('rejects invalid YAML, naming the file and line', () => {
    const file = write('bad/syntax.yml', 'name: x\ndefinition: [unclosed\n');
    const err = loadError([file]);
    expect(err.code).toBe('macro-load');
    expect(err.message).toMatch(new RegExp(`${file.replace(/[.\\]/g, '\\$&')}:\\d+`));
  });

  it('rejects a missing path', () => {
    expect(loadError([path.join(dir, 'nope')]).message).toContain('not found');
  });
});

describe('macros.conf', () => {
  const conf = [
    '# comment line',
    '[default]',
    'definition = ignored',
    '',
    '[footer]',
    'definition = | head 10',
    'description = last rows',
    '',
    '[pick(2)]',
    'args = field, value',
    'definition = search $field$="$value$" \\',
    '| stats count',
    'iseval = false',
    'validation = isnum($value$)',
    'errormsg = value must be a number',
    '',
    '[calc(1)]',
    'args = x',
    'definition = "search " . $x$',
    'iseval = 1',
    '',
    '[gone]',
    'definition = x',
    'disabled = true',
  ].join('\n');

  it('reads stanzas with arity, args, continued definitions, iseval and extra keys', () => {
    const file = write('app/default/macros.conf', conf);
    const lib = MacroLibrary.load([file], { builtins: false });
    expect(lib.names().sort()).toEqual(['calc(1)', 'footer', 'pick(2)']);
    expect(lib.lookup('footer', 0)).toMatchObject({ definition: '| head 10', description: 'last rows', origin: `${file}:5` });
    expect(lib.lookup('pick', 2)).toMatchObject({
      args: ['field', 'value'],
      definition: 'search $field$="$value$" \n| stats count',
      iseval: false,
      validation: 'isnum($value$)',
      errormsg: 'value must be a number',
    });
    expect(lib.lookup('calc', 1)?.iseval).toBe(true);
    expect(expandMacros('`pick(user, bob)`', lib).text).toBe('search user="bob" \n| stats count');
  });

  it('finds macros.conf inside a folder', () => {
    const lib = MacroLibrary.load([path.join(dir, 'app')], { builtins: false });
    expect(lib.lookup('footer', 0)).toBeDefined();
  });

  const badConfs: Array<[string, string, RegExp]> = [
    ['[f(2)]\nargs = a\ndefinition = x', ':1:', /declares 2 argument/],
    ['[f(1)]\nargs = a b\ndefinition = x', ':1:', /bad argument name/],
    ['[f(2)]\nargs = a,a\ndefinition = x', ':1:', /repeated/],
    ['[f]\ndescription = no def', ':1:', /no definition/],
    ['[f]\ndefinition = x\niseval = maybe', ':3:', /true or false/],
    ['[f]\ndefinition = x\nthis line is junk', ':3:', /expected/],
  ];
  it.each(badConfs)('rejects %j with file and line', (text, line, message) => {
    const file = write('bad.conf', text);
    const err = loadError([file]);
    expect(err.code).toBe('macro-load');
    expect(err.message).toContain(`${file}${line}`);
    expect(err.message).toMatch(message);
  });
});

describe('MacroLibrary', () => {
  it('later definitions replace earlier ones of the same name and arity', () => {
    const first = write('order/1.yml', 'name: m\ndefinition: first\n');
    const second = write('order/2.yml', 'name: m\ndefinition: second\n');
    expect(MacroLibrary.load([first, second]).lookup('m', 0)?.definition).toBe('second');
  });

  it('includes the CIM drop_dm_object_name(1) built-in unless disabled', () => {
    expect(expandMacros('`drop_dm_object_name(Processes)`', MacroLibrary.load([])).text).toBe('rename Processes.* AS *');
    expect(MacroLibrary.load([], { builtins: false }).lookup('drop_dm_object_name', 1)).toBeUndefined();
  });
});
