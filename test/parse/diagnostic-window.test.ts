// The caret diagnostic on long lines (a window around the caret) and hints printed once (issue 16 point 18).
import { describe, expect, it } from 'vitest';
import { formatError, MAX_SHOWN_LINE, SplError } from '../../src/errors.js';
import { compile } from '../../src/query.js';

function errorOf(text: string): SplError {
  try {
    compile(text);
  } catch (e) {
    if (e instanceof SplError) return e;
    throw e;
  }
  throw new Error(`expected an error for ${text}`);
}

/** The source line and caret line of a rendered diagnostic, without the gutter. */
function shown(rendered: string): { text: string; carets: string } {
  const lines = rendered.split('\n');
  const at = lines.findIndex((l) => /^\d+ \| /.test(l));
  const gutter = lines[at]!.indexOf('| ') + 2;
  return { text: lines[at]!.slice(gutter), carets: lines[at + 1]!.slice(gutter) };
}

describe('caret diagnostics', () => {
  it('windows a 500-column line around the caret, with the caret under the offending text', () => {
    const filler = Array.from({ length: 30 }, (_, i) => `f${i}="value number ${i}"`).join(' ');
    const text = `search ${filler} | eval x=1 | stast count by host | eval y=${'z'.repeat(120)}`;
    expect(text.length).toBeGreaterThan(500);
    const { text: line, carets } = shown(formatError(errorOf(text), text));
    expect(line.length).toBeLessThanOrEqual(MAX_SHOWN_LINE + 6);
    expect(line.startsWith('...') && line.endsWith('...')).toBe(true);
    const col = carets.indexOf('^');
    expect(line.slice(col, col + carets.trim().length)).toBe('stast');
  });

  it('keeps short lines whole', () => {
    const text = '* | stast count';
    expect(shown(formatError(errorOf(text), text))).toEqual({ text, carets: '    ^^^^^' });
  });

  it('a caret near the start of a long line shows the start, cut at the end only', () => {
    const text = `* | stast ${'a'.repeat(300)}`;
    const { text: line, carets } = shown(formatError(errorOf(text), text));
    expect(line.startsWith('* | stast')).toBe(true);
    expect(line.endsWith('...')).toBe(true);
    expect(carets).toBe('    ^^^^^');
  });

  it('prints each "did you mean" hint once', () => {
    const rendered = formatError(errorOf('* | stast count'), '* | stast count');
    const hints = rendered.split('\n').filter((l) => l.includes('did you mean'));
    expect(hints).toEqual(['  hint: did you mean `stats`?']);
  });
});
