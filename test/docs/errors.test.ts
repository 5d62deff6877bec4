// docs/errors.md must match the error-code table; every exit code a code maps to is one the CLI documents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderErrorCodes } from '../../scripts/error-codes-doc.js';
import { ERROR_CODES, EXIT } from '../../src/error-codes.js';
import { REPO } from '../helpers/cli.js';

describe('docs/errors.md', () => {
  it('is current (out of date: run `npm run docs` and commit the result)', () => {
    expect(readFileSync(join(REPO, 'docs/errors.md'), 'utf8')).toBe(renderErrorCodes());
  });
  it('gives every code a meaning and one of the documented exit codes', () => {
    const exits = new Set<number>(Object.values(EXIT));
    for (const [code, facts] of Object.entries(ERROR_CODES)) {
      expect(facts.meaning.length, code).toBeGreaterThan(10);
      expect(exits.has(facts.exit), code).toBe(true);
    }
  });
});
