// Tests of the `npm start` demo sample and the NDJSON writer.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoEvents, writeDemoSample } from '../../src/sample/demo.js';
import { generateWindowsEvents, writeNdjson } from '../../src/sample/windows-events.js';

const scratch = mkdtempSync(join(tmpdir(), 'splq-sample-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function consumersOf(events: Array<Record<string, unknown>>): string[] {
  return events
    .filter((event) => event.EventCode === 5861)
    .map((event) => /Consumer =\s+(?<consumer>[^;|^$]+)/.exec(String(event.Message))?.groups?.consumer ?? '');
}

describe('writeDemoSample', () => {
  it('writes ~200 events as NDJSON into the directory (creating it) and returns the path', () => {
    const path = writeDemoSample(join(scratch, 'nested', 'dir'));
    expect(path).toBe(join(scratch, 'nested', 'dir', 'demo.ndjson'));
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(200);
    expect(lines.map((line) => JSON.parse(line))).toEqual(JSON.parse(JSON.stringify(demoEvents())));
  });

  it('is byte-for-byte the same every time', () => {
    const first = readFileSync(writeDemoSample(join(scratch, 'a')));
    expect(readFileSync(writeDemoSample(join(scratch, 'b'))).equals(first)).toBe(true);
  });

  it('holds the benign SCM binding and malicious command-line and script consumers', () => {
    const events = demoEvents();
    const consumers = consumersOf(events);
    expect(events.filter((event) => event.EventCode === 5861).every((event) => String(event.Message).includes('Consumer = '))).toBe(true);
    expect(consumers).toContain('NTEventLogEventConsumer="SCM Event Log Consumer"');
    expect(consumers.some((consumer) => consumer.startsWith('CommandLineEventConsumer="'))).toBe(true);
    expect(consumers.some((consumer) => consumer.startsWith('ActiveScriptEventConsumer="'))).toBe(true);
  });

  it('mixes in other event codes from all three sourcetypes', () => {
    const events = demoEvents();
    expect(new Set(events.map((event) => event.sourcetype)).size).toBe(3);
    expect(new Set(events.map((event) => event.EventCode)).size).toBeGreaterThanOrEqual(8);
  });
});

describe('writeNdjson', () => {
  it('writes one JSON line per event across several batches, returns the byte count and leaves no partial file', () => {
    const path = join(scratch, 'many.ndjson');
    const events = [...generateWindowsEvents({ seed: 11, count: 6000 })];
    const bytes = writeNdjson(path, events);
    expect(bytes).toBeGreaterThan(4 * 1024 * 1024);
    expect(statSync(path).size).toBe(bytes);
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line))).toEqual(events);
    expect(existsSync(`${path}.partial`)).toBe(false);
  });
});
