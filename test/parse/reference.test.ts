// The reference detection (WMI permanent event subscription) parses into the eight typed stages; `splq expand` prints it.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDetection } from '../../src/detection.js';
import { MacroLibrary } from '../../src/macros/index.js';
import { parseSpl } from '../../src/query-text.js';
import { splq } from '../helpers/cli.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const detectionFile = join(repo, 'queries/wmi_permanent_event_subscription.yml');
const macroDir = join(repo, 'queries/macros');
const parsed = parseSpl(readDetection(detectionFile).search, { macros: MacroLibrary.load([macroDir]) });
const stages = parsed.ast.commands;

const field = (name: string) => ({ name, quoted: false });
const TIMEFORMAT = { name: 'timeformat', value: '%Y-%m-%dT%H:%M:%S', quoted: true };

describe('reference detection', () => {
  it('has eight typed stages', () => {
    expect(parsed.ast.leadingPipe).toBe(false);
    expect(stages.map((c) => c.kind)).toEqual(['search', 'rex', 'search', 'stats', 'convert', 'convert', 'rename', 'search']);
  });

  it('1: the `wmi` macro expands into the implicit search', () => {
    expect(stages[0]).toMatchObject({
      kind: 'search',
      implicit: true,
      expr: {
        kind: 'and',
        items: [
          { kind: 'compare', field: 'sourcetype', op: '=', value: { text: 'wineventlog:microsoft-windows-wmi-activity/operational', quoted: true } },
          { kind: 'compare', field: 'EventCode', op: '=', value: { text: '5861', quoted: false } },
          { kind: 'term', value: { text: 'Binding', quoted: false } },
        ],
      },
    });
  });

  it('2: rex keeps single backslashes in the pattern', () => {
    expect(stages[1]).toMatchObject({ kind: 'rex', field: 'Message', mode: null, maxMatch: null, pattern: 'Consumer =\\s+(?<consumer>[^;|^$]+)' });
    expect(stages[1]!.kind === 'rex' && stages[1]!.pattern).toContain('=\\s+');
    expect(stages[1]!.kind === 'rex' && stages[1]!.pattern).not.toContain('\\\\');
  });

  it('3: the consumer value is unescaped', () => {
    expect(stages[2]).toMatchObject({
      kind: 'search',
      implicit: false,
      expr: { kind: 'compare', field: 'consumer', op: '!=', value: { text: 'NTEventLogEventConsumer="SCM Event Log Consumer"', quoted: true } },
    });
  });

  it('4: stats aggregates and by-list', () => {
    expect(stages[3]).toMatchObject({
      kind: 'stats',
      command: 'stats',
      options: [],
      aggregates: [
        { fn: 'count', arg: null, params: [], as: null },
        { fn: 'min', arg: { kind: 'field', name: '_time', quoted: false }, as: field('firstTime') },
        { fn: 'max', arg: { kind: 'field', name: '_time', quoted: false }, as: field('lastTime') },
      ],
      by: [field('ComputerName'), field('consumer'), field('Message')],
      trailingOptions: [],
    });
  });

  it('5, 6: security_content_ctime expands to convert with the timeformat option', () => {
    for (const [stage, name] of [[stages[4], 'firstTime'], [stages[5], 'lastTime']] as const) {
      expect(stage).toMatchObject({ kind: 'convert', options: [TIMEFORMAT], conversions: [{ fn: 'ctime', field: field(name), as: null }] });
    }
  });

  it('7: rename ComputerName as dest', () => {
    expect(stages[6]).toMatchObject({ kind: 'rename', pairs: [{ from: field('ComputerName'), to: field('dest') }] });
  });

  it('8: the missing filter macro falls back to search *', () => {
    expect(stages[7]).toMatchObject({ kind: 'search', implicit: false, expr: { kind: 'term', value: { text: '*', quoted: false } } });
  });
});

describe('splq expand (CLI)', () => {
  it('prints the detection with every macro expanded', async () => {
    const result = await splq(['expand', '--detection', detectionFile, '-m', macroDir]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${parsed.expansion.text}\n`);
    expect(result.stdout).toMatch(/^sourcetype="wineventlog:microsoft-windows-wmi-activity\/operational" EventCode=5861 Binding \| rex/);
    expect(result.stdout).toContain('| convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime)|');
    expect(result.stdout).toMatch(/\| search \*\n$/);
    expect(result.stdout).not.toContain('`');
  });
});
