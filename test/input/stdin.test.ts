// Reading standard input (`-`), run in a child process that gets the data on its stdin.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const reader = fileURLToPath(new URL('./read-stdin.fixture.ts', import.meta.url));

describe('stdin', () => {
  it('reads records from - and reports them as stdin', () => {
    const input = '\uFEFF{"a":1}\r\n\n[{"b":2}]\n';
    const child = spawnSync(process.execPath, ['--import', 'tsx', reader], { input, encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual([
      { text: '{"a":1}', file: 'stdin', line: 1 },
      { text: '[{"b":2}]', file: 'stdin', line: 3 },
    ]);
  });
});
