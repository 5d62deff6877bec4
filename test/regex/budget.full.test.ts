// The RE2 path against V8 (and Perl as referee) over many generated patterns: the long run of budget.test.ts.
import { describe, it } from 'vitest';
import { checkRe2AgainstV8 } from './re2-oracle.js';

describe('RE2 agrees with V8 on the translated patterns (long run)', () => {
  it('finds the same matches, groups and offsets over 2,000 generated cases', () => {
    checkRe2AgainstV8(2000);
  }, 300_000);
});
