// `splq demo` writes its sample outside the package (a temp folder, or --dir from the current folder) and prints
// a command that works where splq was started from (issue 16 point 19).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_DEMO_DIR, registerDemoCommand, splqCommand } from '../../src/cli/demo-command.js';
import { repoRoot } from '../../src/corpus.js';

async function demo(args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  let pending: Promise<void> = Promise.resolve();
  registerDemoCommand(program, (fn) => {
    pending = fn();
  });
  const err: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const errSpy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => err.push(String(chunk)) > 0);
  try {
    await program.parseAsync(['demo', '-o', 'ndjson', ...args], { from: 'user' });
    await pending;
  } finally {
    out.mockRestore();
    errSpy.mockRestore();
  }
  return err.join('');
}

describe('splq demo', () => {
  it('writes the sample into a temp folder by default, never into the package', async () => {
    const stderr = await demo([]);
    const sample = join(DEFAULT_DEMO_DIR, 'demo.ndjson');
    expect(stderr).toContain(`splq demo: wrote ${sample}`);
    expect(existsSync(sample)).toBe(true);
    expect(sample.startsWith(repoRoot())).toBe(false);
    expect(stderr).toMatch(/Run it yourself: .* run --detection .*wmi_permanent_event_subscription\.yml -m .*queries[/\\]macros -i .*demo\.ndjson\n$/);
  });

  it('prints the command that started it: npx splq when installed, node for a bundle, tsx for the source', () => {
    expect(splqCommand('/home/u/proj/node_modules/splq/dist/bundle/splq.mjs', '/home/u/proj')).toBe('npx splq');
    expect(splqCommand('/home/u/proj/node_modules/.bin/splq', '/home/u/proj')).toBe('npx splq');
    expect(splqCommand('/src/splq/dist/bundle/splq.mjs', '/src/splq')).toBe('node dist/bundle/splq.mjs');
    expect(splqCommand('/src/splq/src/cli/main.ts', '/src/splq')).toBe('npx tsx src/cli/main.ts');
    expect(splqCommand('/src/splq/src/cli/main.ts', '/elsewhere')).toBe('npx tsx /src/splq/src/cli/main.ts');
  });
});
