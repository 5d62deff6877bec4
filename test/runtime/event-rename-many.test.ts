// Event.renameMany: the same fields, values and order as the renames one after another (the law it is built on).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Event } from '../../src/runtime/event.js';

const name = fc.constantFrom('a', 'b', 'c', 'd', 'x.a', 'x.b', '_raw');

describe('Event.renameMany', () => {
  it('equals renaming one move at a time', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(name, fc.integer()), { maxLength: 6 }),
      fc.option(fc.string(), { nil: undefined }),
      fc.array(fc.tuple(name, name), { maxLength: 6 }),
      (fields, raw, moves) => {
        const one = new Event(undefined, raw);
        for (const [k, v] of fields) one.set(k, v);
        const many = one.clone();
        for (const [from, to] of moves) one.rename(from, to);
        many.renameMany(moves);
        expect(many.names()).toEqual(one.names());
        expect(many.toObject(true)).toEqual(one.toObject(true));
      },
    ));
  });

  it('moves fields in place and replaces an existing target', () => {
    const ev = Event.fromObject({ 'P.dest': 'h1', dest: 'old', 'P.user': 'u', n: 1 });
    ev.renameMany([['P.dest', 'dest'], ['P.user', 'user']]);
    expect(ev.names()).toEqual(['dest', 'user', 'n']);
    expect(ev.toObject()).toEqual({ dest: 'h1', user: 'u', n: 1 });
  });
});
