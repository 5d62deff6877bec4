// Comparison and conditional functions, with the examples from Splunk's reference.
import { describe, expect, it } from 'vitest';
import { compileEval } from '../../src/eval/index.js';
import { expr } from './expr.js';
import { evaluate, eventOf, testContext } from './run.js';

describe('if, case, validate', () => {
  it('if picks a branch by a true predicate', () => {
    expect(evaluate('if(error==200, "OK", "Error")', { error: '200' })).toBe('OK');
    expect(evaluate('if(error==200, "OK", "Error")', { error: '404' })).toBe('Error');
    expect(evaluate('if(missing==200, "OK", "Error")')).toBe('Error');
  });

  it('case returns the first true condition, null when none', () => {
    const text = 'case(error == 404, "Not found", error == 500, "Internal Server Error", error == 200, "OK")';
    expect(evaluate(text, { error: 500 })).toBe('Internal Server Error');
    expect(evaluate(text, { error: 302 })).toBeNull();
    expect(evaluate('case(error == 404, "Not found", true(), "Other")', { error: 302 })).toBe('Other');
  });

  it('validate returns the message of the first failing check', () => {
    const text =
      'validate(isint(port), "ERROR: Port is not an integer", port >= 1 AND port <= 65535, "ERROR: Port is out of range")';
    expect(evaluate(text, { port: 'abc' })).toBe('ERROR: Port is not an integer');
    expect(evaluate(text, { port: '70000' })).toBe('ERROR: Port is out of range');
    expect(evaluate(text, { port: '443' })).toBeNull();
  });
});

describe('coalesce, null, nullif, true, false', () => {
  it('coalesce returns the first value that is not null (empty text counts)', () => {
    expect(evaluate('coalesce(null(), "Returned value", null())')).toBe('Returned value');
    expect(evaluate('coalesce(clientip, ipaddress)', { ipaddress: '10.0.0.1' })).toBe('10.0.0.1');
    expect(evaluate('coalesce(x, "d")', { x: '' })).toBe('');
    expect(evaluate('coalesce(a, b)')).toBeNull();
  });

  it('nullif is null when both values are equal', () => {
    expect(evaluate('nullif(a, b)', { a: 'x', b: 'x' })).toBeNull();
    expect(evaluate('nullif(a, b)', { a: 'x', b: 'y' })).toBe('x');
  });

  it('true() and false() are Booleans', () => {
    expect(evaluate('true()')).toBe(true);
    expect(evaluate('false()')).toBe(false);
  });
});

describe('match, like, in, cidrmatch', () => {
  it('match is unanchored and tests any value', () => {
    expect(evaluate('match(ip, "^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$")', { ip: '10.1.2.3' })).toBe(true);
    expect(evaluate('match(ip, "^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$")', { ip: 'host' })).toBe(false);
    expect(evaluate('match(x, "ell")', { x: 'hello' })).toBe(true);
    expect(evaluate('match(x, "^b")', { x: ['a', 'b'] })).toBe(true);
    expect(evaluate('match(missing, "a")')).toBeNull();
    expect(evaluate('match(x, p)', { x: 'abc', p: 'b+' })).toBe(true);
    expect(evaluate('match(x, p)', { x: 'abc', p: '(' })).toBeNull();
  });

  it('like matches the whole value with % and _', () => {
    expect(evaluate('like(ipaddress, "198.%")', { ipaddress: '198.51.100.7' })).toBe(true);
    expect(evaluate('like(ipaddress, "198.%")', { ipaddress: '10.198.1.1' })).toBe(false);
  });

  it('in is true when the value is one of the listed values', () => {
    expect(evaluate('in(status, "404", "500", "503")', { status: '500' })).toBe(true);
    expect(evaluate('in(status, "404", "500", "503")', { status: '200' })).toBe(false);
    expect(evaluate('if(in(status, "404","500"), "true", "false")', { status: 404 })).toBe('true');
  });

  it('cidrmatch tests IPv4 and IPv6 addresses against a block', () => {
    expect(evaluate('cidrmatch("123.132.32.0/25", ip)', { ip: '123.132.32.10' })).toBe(true);
    expect(evaluate('cidrmatch("123.132.32.0/25", ip)', { ip: '123.132.32.200' })).toBe(false);
    expect(evaluate('cidrmatch("10.0.0.0/8", ip)', { ip: ['192.168.1.1', '10.9.9.9'] })).toBe(true);
    expect(evaluate('cidrmatch("10.0.0.0/8", ip)', { ip: 'not an ip' })).toBe(false);
    expect(evaluate('cidrmatch("10.1.2.3", ip)', { ip: '10.1.2.3' })).toBe(true);
    const v6 = 'cidrmatch("2001:0db8:ffff:ffff:ffff:ffff:ffff:ff00/120", ip)';
    expect(evaluate(v6, { ip: '2001:db8:ffff:ffff:ffff:ffff:ffff:ff99' })).toBe(true);
    expect(evaluate(v6, { ip: '2001:db8::1' })).toBe(false);
    expect(evaluate('cidrmatch("::ffff:0:0/96", ip)', { ip: '::ffff:192.0.2.1' })).toBe(true);
    expect(evaluate('cidrmatch(c, ip)', { c: 'bad', ip: '1.2.3.4' })).toBeNull();
  });
});

describe('searchmatch', () => {
  it('uses the engine search compiler once, with the literal query', () => {
    const queries: string[] = [];
    const ctx = {
      ...testContext,
      compileSearch: (query: string) => {
        queries.push(query);
        return (ev: ReturnType<typeof eventOf>) => ev.get('x') === 'hi';
      },
    };
    const evaluator = compileEval(expr('if(searchmatch("x=hi"), "yes", "no")'), ctx);
    expect(evaluator(eventOf({ x: 'hi' }))).toBe('yes');
    expect(evaluator(eventOf({ x: 'ho' }))).toBe('no');
    expect(queries).toEqual(['x=hi']);
  });
});
