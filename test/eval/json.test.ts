// JSON functions and spath: building, querying and editing JSON text.
import { describe, expect, it } from 'vitest';
import { compileEval } from '../../src/eval/index.js';
import { SplError } from '../../src/errors.js';
import { expr } from './expr.js';
import { evaluate, testContext } from './run.js';

const DOC = '{"a":{"b":[1,2,{"c":"x"}]},"n":null,"t":true}';

describe('json_object, json_array, json_valid', () => {
  it('builds compact JSON, embedding nested JSON results', () => {
    expect(evaluate('json_object("name", "maria", "age", 30)')).toBe('{"name":"maria","age":30}');
    expect(evaluate('json_array("hello", "world")')).toBe('["hello","world"]');
    expect(evaluate('json_object("cities", json_array("London", "Sydney"), "n", null())')).toBe('{"cities":["London","Sydney"],"n":null}');
    expect(evaluate('json_object("mv", x, "num", y, "zip", z)', { x: ['a', 'b'], y: '30', z: '007' })).toBe(
      '{"mv":["a","b"],"num":30,"zip":"007"}',
    );
    expect(evaluate('json_array()')).toBe('[]');
  });

  it('json_valid tells whether text parses as JSON', () => {
    expect(evaluate('json_valid(x)', { x: '{"a":1}' })).toBe(true);
    expect(evaluate('json_valid(x)', { x: '{a:1}' })).toBe(false);
    expect(evaluate('json_valid(missing)')).toBe(false);
  });
});

describe('json_extract, json_extract_exact, json_keys', () => {
  it('extracts values natively and containers as JSON text', () => {
    expect(evaluate('json_extract(d, "a.b{2}.c")', { d: DOC })).toBe('x');
    expect(evaluate('json_extract(d, "a.b{0}")', { d: DOC })).toBe(1);
    expect(evaluate('json_extract(d, "a.b{-1}")', { d: DOC })).toBe('{"c":"x"}');
    expect(evaluate('json_extract(d, "a.b")', { d: DOC })).toBe('[1,2,{"c":"x"}]');
    expect(evaluate('json_extract(d, "t")', { d: DOC })).toBe('true');
    expect(evaluate('json_extract(d, "n")', { d: DOC })).toBeNull();
    expect(evaluate('json_extract(d, "nope")', { d: DOC })).toBeNull();
    expect(evaluate('json_extract(d)', { d: '{ "k" : 1 }' })).toBe('{"k":1}');
    expect(evaluate('json_extract(d, "a.b{0}", "a.b{1}")', { d: DOC })).toBe('[1,2]');
    expect(evaluate('json_extract(d, "x")', { d: 'not json' })).toBeNull();
  });

  it('json_extract_exact takes keys literally', () => {
    const d = '{"a.b":1,"a":{"b":2}}';
    expect(evaluate('json_extract_exact(d, "a.b")', { d })).toBe(1);
    expect(evaluate('json_extract(d, "a.b")', { d })).toBe(2);
  });

  it('json_keys lists the keys of an object', () => {
    expect(evaluate('json_keys(d)', { d: '{"a":1,"b":{"c":2}}' })).toBe('["a","b"]');
    expect(evaluate('json_keys(d, "b")', { d: '{"a":1,"b":{"c":2}}' })).toBe('["c"]');
    expect(evaluate('json_keys(d)', { d: '[1]' })).toBeNull();
  });

  it('rejects a malformed literal path', () => {
    expect(() => compileEval(expr('json_extract(d, "a{x")'), testContext)).toThrow(SplError);
  });
});

describe('json_set, json_delete, json_append', () => {
  it('sets values, creating missing objects', () => {
    expect(evaluate('json_set(d, "b.c", "x")', { d: '{"a":1}' })).toBe('{"a":1,"b":{"c":"x"}}');
    expect(evaluate('json_set(d, "a{1}", 5, "a{2}", 6)', { d: '{"a":[1,2]}' })).toBe('{"a":[1,5,6]}');
    expect(evaluate('json_set(d, "o", json_object("k", 1))', { d: '{}' })).toBe('{"o":{"k":1}}');
  });

  it('deletes keys and elements', () => {
    expect(evaluate('json_delete(d, "a")', { d: '{"a":1,"b":2}' })).toBe('{"b":2}');
    expect(evaluate('json_delete(d, "a{0}", "z")', { d: '{"a":[1,2]}' })).toBe('{"a":[2]}');
  });

  it('appends to arrays only', () => {
    expect(evaluate('json_append(d, "a", 2)', { d: '{"a":[1]}' })).toBe('{"a":[1,2]}');
    expect(evaluate('json_append(d, "b", 2)', { d: '{"a":[1],"b":3}' })).toBe('{"a":[1],"b":3}');
  });

  it('requires path/value pairs', () => {
    expect(() => compileEval(expr('json_set(d, "a", 1, "b")'), testContext)).toThrow(/path\/value pairs/);
  });
});

describe('multivalue conversions and spath', () => {
  it('json_array_to_mv maps elements to values', () => {
    expect(evaluate('json_array_to_mv(x)', { x: '["a",1,true]' })).toEqual(['a', 1, 'true']);
    expect(evaluate('json_array_to_mv(x, true())', { x: '["a","b"]' })).toEqual(['"a"', '"b"']);
    expect(evaluate('json_array_to_mv(x)', { x: '{"a":1}' })).toBeNull();
  });

  it('mv_to_json_array writes strings, or inferred types', () => {
    expect(evaluate('mv_to_json_array(split("1,a,true", ","))')).toBe('["1","a","true"]');
    expect(evaluate('mv_to_json_array(split("1,a,true", ","), true())')).toBe('[1,"a",true]');
  });

  it('spath returns every value a path reaches', () => {
    const d = '{"a":{"b":[{"c":1},{"c":2}]},"s":"x"}';
    expect(evaluate('spath(d, "a.b{}.c")', { d })).toEqual([1, 2]);
    expect(evaluate('spath(d, "s")', { d })).toBe('x');
    expect(evaluate('spath(d, "a.b{1}")', { d })).toBe('{"c":2}');
    expect(evaluate('spath(d, "zz")', { d })).toBeNull();
  });
});
