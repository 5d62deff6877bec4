// `splq test` never echoes a non-JSON data file's text into its reports, stdout or JUnit (issue 16 point 22).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTestCommand } from '../../src/cli/test-command.js';

const dir = mkdtempSync(join(tmpdir(), 'splq-test-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('splq test reports', () => {
  it('give the count and file:line of malformed records, never the text of a data file that is not JSON', async () => {
    const secret = join(dir, 'passwd');
    const lines = ['root:x:0:0:SECRET-ROOT:/root:/bin/bash', 'svc:x:1:1:"SECRET-SVC":/:/bin/sh', '{"EventCode": 4688, "n": SECRET-IN-JSON}'];
    writeFileSync(secret, `${lines.join('\n')}\n`);
    const detection = join(dir, 'd.yml');
    writeFileSync(detection, 'name: Fixture\nsearch: EventCode=4688 | table EventCode\n');
    const junit = join(dir, 'junit.xml');
    let text = '';
    await runTestCommand([detection], { data: [secret], macros: [], tz: 'UTC', dataRoot: dir, junit }, (chunk) => void (text += chunk));
    const xml = readFileSync(junit, 'utf8');
    for (const report of [text, xml]) {
      expect(report).not.toMatch(/SECRET|root:x|svc:x/);
      expect(report).toMatch(/3 malformed input records|malformed input records skipped: 3/);
      for (const line of [1, 2, 3]) expect(report).toContain(`${secret}:${line}: invalid JSON`);
    }
  });
});
