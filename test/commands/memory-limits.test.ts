// Commands that hold data fail with memory-limit (exit 4) past the memory budget, naming the command and how to raise it.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { exitCodeOf } from '../../src/error-codes.js';
import { SplError } from '../../src/errors.js';
import { Event } from '../../src/runtime/event.js';

const TINY_MB = 1;

/** 1,500 events of about 1 KB each (≈ 1.8 MB held), every one with distinct `id` and `t` values. */
const events = (): Event[] =>
  Array.from({ length: 1500 }, (_, i) => Event.fromObject({ id: `id-${i}`, t: 1700000000 + i, host: `h${i % 3}`, text: `${'x'.repeat(1000)}${i}` }));

/** The SplError a run throws with this budget, or null when it runs. */
function limitError(query: string, maxMemoryMb: number | undefined, input: Event[] = events()): SplError | null {
  try {
    compile(query, { maxMemoryMb }).runSync(input);
    return null;
  } catch (e) {
    if (e instanceof SplError) return e;
    throw e;
  }
}

// Each holding command over the same input: past a 1 MB budget it stops cleanly; with the default budget it runs.
const GUARDED: Array<[command: string, query: string]> = [
  ['sort', 'search * | sort 0 -t | table *'],
  ['sort', 'search * | sort 1200 id'],
  ['dedup', 'search * | dedup text'],
  ['dedup', 'search * | dedup id sortby -t'],
  ['stats', 'search * | stats count by text'],
  ['stats', 'search * | stats values(text)'],
  ['stats', 'search * | stats dc(text) by host'],
  ['eventstats', 'search * | eventstats count by host'],
  ['transaction', 'search * | transaction host maxevents=5000'],
  ['join', 'search host=h0 | join host [search * | fields host, text, id]'],
  ['appendpipe', 'search * | appendpipe [stats count]'],
];

describe('memory budget', () => {
  for (const [command, query] of GUARDED) {
    it(`${query}: memory-limit past a ${TINY_MB} MB budget, runs within the default one`, () => {
      const err = limitError(query, TINY_MB);
      expect(err).not.toBeNull();
      expect(err!.code).toBe('memory-limit');
      expect(err!.message).toMatch(new RegExp(`^${command}: .* memory budget of ${TINY_MB} MB$`));
      expect(err!.hints.join(' ')).toContain('--max-memory');
      expect(limitError(query, undefined)).toBeNull();
    });
  }

  it('stats median(x) keeps each distinct number: 25,000 of them pass a 1 MB budget', () => {
    const numbers = Array.from({ length: 25000 }, (_, i) => Event.fromObject({ x: i }));
    expect(limitError('search * | stats median(x)', TINY_MB, numbers)?.code).toBe('memory-limit');
    expect(limitError('search * | stats median(x)', undefined, numbers)).toBeNull();
  });

  it('the default sort keeps 10,000 results, so its memory stays bounded whatever the input', () => {
    // 1,500 events fit in 10,000, so this is about the count kept: sort 2 holds two events, far under any budget.
    expect(limitError('search * | sort 2 -t', TINY_MB)).toBeNull();
  });

  it('streaming commands hold nothing: no budget applies', () => {
    expect(limitError('search * | eval n=len(text) | where n>0 | fields id, n', TINY_MB)).toBeNull();
  });

  it('memory-limit exits with the "limit" code 4, apart from query (2) and input (3) errors', () => {
    expect(exitCodeOf('memory-limit')).toBe(4);
  });

  it('the budget must be a positive whole number of MB', () => {
    expect(() => compile('search *', { maxMemoryMb: 0 })).toThrow(expect.objectContaining({ code: 'usage' }));
    expect(() => compile('search *', { maxMemoryMb: 1.5 })).toThrow(expect.objectContaining({ code: 'usage' }));
  });
});
