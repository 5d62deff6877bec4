// docs/supported-spl.md must match what the registries say (regenerate with `npm run docs`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSupportedSpl } from '../../scripts/supported-spl.js';
import { REPO } from '../helpers/cli.js';

describe('docs/supported-spl.md', () => {
  it('is current (out of date: run `npm run docs` and commit the result)', () => {
    expect(readFileSync(join(REPO, 'docs/supported-spl.md'), 'utf8')).toBe(renderSupportedSpl());
  });
  it('lists every runnable command and says which known ones are not supported yet', () => {
    const text = renderSupportedSpl();
    for (const name of ['search', 'stats', 'rex', 'eval', 'where', 'convert']) expect(text).toContain(`| \`${name}\` |`);
    expect(text).toMatch(/not supported yet\n\n.*`cluster`/);
    expect(text).toContain("| `tstats` |");
  });
});
