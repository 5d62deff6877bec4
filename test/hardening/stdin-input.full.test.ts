// The real process reading stdin: gzip is decompressed, XML recognised, binary reported without echoing it (issue 16
// points 5 and 7). The same readers run in-process over FIFOs in input-encodings.test.ts and xml-stream.test.ts.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';
import { xmlEvent } from '../windows/helpers.js';

function splqWithStdin(args: string[], input: Buffer) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'src/cli/main.ts'), ...args], { cwd: REPO, input, env: { ...process.env, TZ: 'UTC' } });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('latin1') };
}

describe('stdin', () => {
  it('gzip data is decompressed', () => {
    const r = splqWithStdin(['run', 'search * | stats count', '-o', 'ndjson'], gzipSync('{"a":1}\n{"a":2}\n'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('{"count":2}\n');
    expect(r.status).toBe(0);
  });

  it('Windows XML is read as XML, sniffed or with --format xml', () => {
    const xml = Buffer.from(`${xmlEvent({ recordId: 1 })}\n${xmlEvent({ recordId: 2 })}\n`);
    for (const extra of [[], ['--preset', 'windows', '--format', 'xml']]) {
      const r = splqWithStdin(['run', 'EventCode=4688 | stats count', '-o', 'ndjson', ...extra], xml);
      expect(r.stderr, extra.join(' ')).toBe('');
      expect(r.stdout).toBe('{"count":2}\n');
    }
  });

  it('binary data is one malformed record, its bytes never written to the terminal; --strict exits 3', () => {
    const binary = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0x1b]), Buffer.from('[31m\x07junk')]);
    const r = splqWithStdin(['run', 'search * | stats count', '-o', 'ndjson'], binary);
    expect(r.stdout).toBe('{"count":0}\n');
    expect(r.stderr).toBe('splq: malformed input: stdin:1: binary data, not JSON or XML text: a NUL byte at byte 4; the input is skipped\n');
    expect(splqWithStdin(['run', 'search *', '--strict'], binary).status).toBe(3);
  });
});
