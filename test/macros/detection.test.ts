// Reading ESCU detection YAML: search, tags/observables, attack-data tests, schedule; missing search is usage.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDetection } from '../../src/detection.js';
import { SplError } from '../../src/errors.js';
import { expandMacros, MacroLibrary } from '../../src/macros/index.js';
import { REFERENCE_QUERY } from './helpers.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'splq-detection-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('readDetection', () => {
  it('reads the reference detection in queries/ and its search expands with queries/macros', () => {
    const file = path.join(repo, 'queries/wmi_permanent_event_subscription.yml');
    const detection = readDetection(file);
    expect(detection).toMatchObject({
      name: 'WMI Permanent Event Subscription',
      id: '71bfdb13-f200-4c6c-b2c9-a2e07adf437d',
      type: 'TTP',
      search: REFERENCE_QUERY,
      defaultSchedule: { earliest_time: '-70m@m', latest_time: '-10m@m' },
      file,
    });
    expect(detection.tags?.observable).toEqual([{ name: 'dest', type: 'Hostname', role: ['Victim'] }]);
    expect(detection.tags?.mitre_attack_id).toEqual(['T1047']);
    const lib = MacroLibrary.load([path.join(repo, 'queries/macros')]);
    expect(expandMacros(detection.search, lib).text).toMatch(/^sourcetype="wineventlog:.*\| search \*$/);
  });

  it('reads ESCU tests with attack_data, and deployment scheduling', () => {
    const file = path.join(dir, 'escu.yml');
    fs.writeFileSync(
      file,
      [
        'name: Escu Style',
        "search: '`x` | stats count'",
        'deployment:',
        '  scheduling: {earliest_time: -1d, latest_time: now}',
        'tests:',
        '- name: True Positive Test',
        '  attack_data:',
        '  - data: https://example.com/a.log',
        '    source: XmlWinEventLog:Security',
        '    sourcetype: XmlWinEventLog',
        '    update_timestamp: true',
      ].join('\n'),
    );
    const detection = readDetection(file);
    expect(detection.tests).toEqual([
      {
        name: 'True Positive Test',
        attack_data: [{ data: 'https://example.com/a.log', source: 'XmlWinEventLog:Security', sourcetype: 'XmlWinEventLog' }],
      },
    ]);
    expect(detection.defaultSchedule).toEqual({ earliest_time: '-1d', latest_time: 'now' });
    expect(detection.id).toBeUndefined();
  });

  it('leaves defaultSchedule undefined when the file has none', () => {
    const file = path.join(dir, 'plain.yml');
    fs.writeFileSync(file, 'name: p\nsearch: index=x\n');
    expect(readDetection(file).defaultSchedule).toBeUndefined();
  });

  it('a file without search: is a usage error naming the file', () => {
    const file = path.join(dir, 'nosearch.yml');
    fs.writeFileSync(file, 'name: nothing\n');
    expect(() => readDetection(file)).toThrow(SplError);
    try {
      readDetection(file);
    } catch (e) {
      expect((e as SplError).code).toBe('usage');
      expect((e as SplError).message).toContain(file);
    }
  });
});
