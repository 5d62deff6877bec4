// `splq test` end to end over fixture detections and data in a temp dir: tests:, --data, skips, exit code, JUnit.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTestCommand, type TestCliOptions } from '../../src/cli/test-command.js';

const root = mkdtempSync(join(tmpdir(), 'splq-test-cmd-'));
const dataRoot = join(root, 'attack_data');
const MEDIA = 'https://media.githubusercontent.com/media/splunk/attack_data/master/datasets';
const WMI_SOURCE = 'WinEventLog:Microsoft-Windows-WMI-Activity/Operational';

function write(path: string, text: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

const wmiEvent = (host: string, consumer: string, extra: Record<string, string> = {}): string =>
  JSON.stringify({ EventCode: '5861', ComputerName: host, '@timestamp': '2019-12-05T04:47:57Z', Message: `Binding; Consumer = ${consumer}`, ...extra });

// Two malicious bindings and a third with its own (wrong) sourcetype that the stated one overwrites.
write(join(dataRoot, 'datasets/T1047/wmi/events.json'), [
  wmiEvent('H1', 'CommandLineEventConsumer="A"'),
  wmiEvent('H2', 'CommandLineEventConsumer="B"', { sourcetype: 'other' }),
  '{"EventCode": truncated',
].join('\n'));
write(join(dataRoot, 'datasets/T1059/sysmon/windows-sysmon.log'), [
  "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><EventID>1</EventID>",
  "<TimeCreated SystemTime='2021-01-14T23:41:40.1453352Z'/><Channel>Microsoft-Windows-Sysmon/Operational</Channel>",
  "<Computer>win-dc-1</Computer></System><EventData><Data Name='CommandLine'>certutil -dump</Data></EventData></Event>",
].join('\n'));

const WMI_DETECTION = write(join(root, 'wmi.yml'), `name: Fixture WMI
search: '\`wmi\` EventCode=5861 Binding | rename ComputerName as dest | table dest Message'
default_schedule: {cron: '0 * * * *', earliest_time: '-70m@m', latest_time: '-10m@m'}
tags:
  observable: [{name: dest, type: Hostname, role: [Victim]}]
tests:
- name: True Positive Test
  attack_data:
  - data: ${MEDIA}/T1047/wmi/events.json
    source: ${WMI_SOURCE}
    sourcetype: ${WMI_SOURCE}
- name: Missing Data
  attack_data:
  - data: ${MEDIA}/T1047/wmi/not-downloaded.log
    source: x
    sourcetype: x
`);
const XML_DETECTION = write(join(root, 'xml.yml'), `name: Fixture Sysmon
search: sourcetype=xmlwineventlog EventCode=1 CommandLine=*certutil* | rename Computer as dest | table dest user
tags:
  observable: [{name: dest, type: Hostname}, {name: user, type: User}]
tests:
- name: True Positive Test
  attack_data:
  - data: ${MEDIA}/T1059/sysmon/windows-sysmon.log
    source: XmlWinEventLog:Microsoft-Windows-Sysmon/Operational
    sourcetype: xmlwineventlog
`);
const NO_TESTS = write(join(root, 'no-tests.yml'), `name: Fixture Untested
search: '\`wmi\` EventCode=5861 | rename ComputerName as dest | table dest'
tags:
  observable: [{name: dest, type: Hostname}]
`);

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const options = (over: Partial<TestCliOptions> = {}): TestCliOptions => ({ data: [], macros: [], tz: 'UTC', dataRoot, ...over });

async function runCli(files: string[], over: Partial<TestCliOptions> = {}): Promise<{ code: number; text: string }> {
  let text = '';
  const code = await runTestCommand(files, options(over), (chunk) => {
    text += chunk;
  });
  return { code, text };
}

describe('splq test', () => {
  it('replays tests: attack_data with the stated sourcetype, ignoring the default schedule; a missing file is a skip', async () => {
    const { code, text } = await runCli([WMI_DETECTION]);
    const lines = text.split('\n');
    expect(lines[0]).toBe('PASS  Fixture WMI [True Positive Test]: 2 results; observable field(s) dest present (2 events replayed)');
    expect(lines[1]).toBe('      note: 1 malformed input record skipped:');
    expect(lines[2]).toMatch(new RegExp(`^ {8}${escapeRegExp(join(dataRoot, 'datasets/T1047/wmi/events.json'))}:3: invalid JSON`));
    expect(lines[3]).toBe(`SKIP  Fixture WMI [Missing Data]: data file not found: ${join(dataRoot, 'datasets/T1047/wmi/not-downloaded.log')}`);
    expect(text).toContain('2 tests: 1 passed, 0 failed, 1 skipped, 0 errors');
    expect(code).toBe(0);
  });

  it('reads XML attack data by content and fails naming the missing observable field', async () => {
    const { code, text } = await runCli([XML_DETECTION]);
    expect(text).toContain('FAIL  Fixture Sysmon [True Positive Test]: missing field user (1 event replayed)');
    expect(code).toBe(1);
  });

  it('--data replaces tests: for a detection without them; no results is a failure that says so', async () => {
    const wmi = join(dataRoot, 'datasets/T1047/wmi/events.json');
    const pass = await runCli([NO_TESTS], { data: [wmi], sourcetype: WMI_SOURCE });
    expect(pass.text).toContain('PASS  Fixture Untested [command-line data]: 2 results');
    expect(pass.code).toBe(0);
    const fail = await runCli([NO_TESTS], { data: [wmi] });
    expect(fail.text).toContain('FAIL  Fixture Untested [command-line data]: no results (2 events replayed)');
    expect(fail.code).toBe(1);
  });

  it('--now anchors relative times inside the search (the wall clock would find nothing in 2019 data)', async () => {
    const recent = write(join(root, 'recent.yml'), `name: Fixture Recent
search: 'earliest=-1d \`wmi\` EventCode=5861 | rename ComputerName as dest | table dest'
`);
    const flags = { data: [join(dataRoot, 'datasets/T1047/wmi/events.json')], sourcetype: WMI_SOURCE };
    expect((await runCli([recent], { ...flags, now: '2019-12-05T12:00:00' })).text).toContain('PASS  Fixture Recent [command-line data]: 2 results');
    expect((await runCli([recent], flags)).text).toContain('FAIL  Fixture Recent [command-line data]: no results');
  });

  it('without tests: or --data the detection is skipped, never passed', async () => {
    const { code, text } = await runCli([NO_TESTS]);
    expect(text).toContain('SKIP  Fixture Untested [no tests]: the detection has no tests: and no --data was given');
    expect(text).toContain('0 passed');
    expect(code).toBe(0);
  });

  it('an unreadable detection or a search that does not compile is an error, and the others still run', async () => {
    const broken = write(join(root, 'broken.yml'), "name: Broken\nsearch: 'EventCode=1 | nosuchcommand x'\n");
    const { code, text } = await runCli([join(root, 'absent.yml'), broken, WMI_DETECTION]);
    expect(text).toMatch(/^ERROR .*absent\.yml \[read detection\]: error\[usage\]: cannot read detection file/m);
    expect(text).toMatch(/^ERROR Broken \[no tests\]: error\[unknown-command\]/m);
    expect(text).toContain('PASS  Fixture WMI [True Positive Test]');
    expect(code).toBe(1);
  });

  it('writes JUnit XML with one testcase per test', async () => {
    const junit = join(root, 'out', 'junit.xml');
    mkdirSync(dirname(junit), { recursive: true });
    await runCli([WMI_DETECTION, XML_DETECTION], { junit });
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuites name="splq test" tests="3" failures="1" errors="0" skipped="1"/);
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml).toContain('<failure type="detection-test" message="missing field user">');
  });

  it('rejects --sourcetype without --data, an unknown preset or zone, an absent --data file or --data-root', async () => {
    await expect(runCli([WMI_DETECTION], { sourcetype: 'x' })).rejects.toThrow(/give --data too/);
    await expect(runCli([WMI_DETECTION], { preset: 'linux' })).rejects.toThrow(/unknown preset "linux"/);
    await expect(runCli([WMI_DETECTION], { data: [join(root, 'nope.json')] })).rejects.toThrow(/--data file .*nope\.json does not exist/);
    await expect(runCli([WMI_DETECTION], { dataRoot: join(root, 'nowhere') })).rejects.toThrow(/--data-root .*nowhere does not exist/);
    await expect(runCli([WMI_DETECTION], { tz: 'Mars/Base' })).rejects.toMatchObject({ code: 'usage', message: expect.stringMatching(/^--tz: /) });
  });

  // Issue 16 point 18: usage mistakes are found before any test runs, and all exit 64 (code 'usage').
  it('rejects a --junit file in a missing folder and a bad --now before running anything', async () => {
    const out: string[] = [];
    const junit = join(root, 'no-such-folder', 'report.xml');
    await expect(runTestCommand([WMI_DETECTION], options({ junit }), (t) => out.push(t))).rejects.toMatchObject({ code: 'usage', message: expect.stringMatching(/--junit .*report\.xml: the folder .*no-such-folder does not exist/) });
    await expect(runTestCommand([WMI_DETECTION], options({ now: 'someday' }), (t) => out.push(t))).rejects.toMatchObject({ code: 'usage', message: expect.stringMatching(/^--now: /) });
    expect(out).toEqual([]);
  });

  // Issue 16 point 17: folders and globs, as `run -i` takes them.
  describe('folders, globs and --fail-on-skip', () => {
    const suite = join(root, 'suite');
    write(join(suite, 'b', 'wmi.yml'), readFileSync(WMI_DETECTION, 'utf8'));
    write(join(suite, 'a', 'untested.yml'), readFileSync(NO_TESTS, 'utf8'));
    write(join(suite, 'macros', 'wmi.yml'), 'name: wmi\ndefinition: sourcetype=x\n');
    write(join(suite, 'README.md'), '# not a detection\n');

    it('a folder runs every detection YAML under it in path order and sets other YAML aside, saying so', async () => {
      const { code, text } = await runCli([suite]);
      expect(text.split('\n')[0]).toBe(`note: set aside 1 YAML file(s) without a search: key: ${join(suite, 'macros', 'wmi.yml')}`);
      expect(text).toMatch(/SKIP  Fixture Untested[\s\S]*PASS  Fixture WMI \[True Positive Test\]/);
      expect(text).toContain('3 tests: 1 passed, 0 failed, 2 skipped, 0 errors');
      expect(code).toBe(0);
    });

    it('a glob expands like run -i; a folder or glob without detections is a usage error', async () => {
      const { text } = await runCli([join(suite, '*', 'wmi.yml')]);
      expect(text).toContain('PASS  Fixture WMI [True Positive Test]');
      expect(text).toContain('2 tests: 1 passed, 0 failed, 1 skipped, 0 errors');
      await expect(runCli([join(suite, 'macros')])).rejects.toMatchObject({ code: 'usage', message: expect.stringMatching(/no detection YAML .* in folder/) });
      await expect(runCli([join(suite, '*.yaml')])).rejects.toMatchObject({ code: 'usage' });
    });

    it('--fail-on-skip turns a skipped test into exit 1', async () => {
      expect((await runCli([suite], { failOnSkip: true })).code).toBe(1);
      expect((await runCli([suite])).code).toBe(0);
    });
  });
  it('--max-memory bounds what a command holds, as for splq run: past it the test is an error, not an abort', async () => {
    const big = 'x'.repeat(1000);
    const data = write(join(root, 'many.json'), Array.from({ length: 3000 }, (_, i) => JSON.stringify({ EventCode: '1', n: i, pad: big })).join('\n'));
    const sorted = write(join(root, 'sorted.yml'), `name: Fixture Sorted
search: 'EventCode=1 | sort 0 n | table n pad'
`);
    const tight = await runCli([sorted], { data: [data], maxMemory: 1 });
    expect(tight.text).toMatch(/ERROR .*Fixture Sorted.*memory budget of 1 MB/);
    expect(tight.code).toBe(1);
    const roomy = await runCli([sorted], { data: [data] });
    expect(roomy.text).toContain('PASS  Fixture Sorted [command-line data]: 3000 results');
  });
});
