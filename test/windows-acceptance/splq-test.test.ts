// `splq test` acceptance on real data: the reference detection passes on Covenant, fails (no results) on Empire.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDir } from '../../src/corpus.js';
import { splq, tempFiles } from '../helpers/cli.js';
import { noticeIfNoData, WINDOWS_DATA, wmiFiles } from './shared-data.js';

noticeIfNoData('the splq test acceptance tests');

const DETECTION = 'queries/wmi_permanent_event_subscription.yml';
const NAME = 'WMI Permanent Event Subscription';
const WMI = 'WinEventLog:Microsoft-Windows-WMI-Activity/Operational';

describe.skipIf(WINDOWS_DATA === undefined)('splq test over real recordings', () => {
  const files = WINDOWS_DATA === undefined ? undefined : wmiFiles();

  it('passes on the Covenant recording with --data and --preset windows', async () => {
    const result = await splq(['test', DETECTION, '--data', files!.covenant, '--preset', 'windows']);
    expect(result.stdout.split('\n')[0]).toBe(`PASS  ${NAME} [command-line data]: 1 result; observable field(s) dest present (1001 events replayed)`);
    expect(result.stdout).toContain('1 test: 1 passed, 0 failed, 0 skipped, 0 errors');
    expect(result.status).toBe(0);
  });

  it('fails on the Empire SUBSET recording and says why, with exit code 1 (the real process: process.full.test.ts)', async () => {
    const result = await splq(['test', DETECTION, '--data', files!.empire, '--preset', 'windows']);
    expect(result.stdout.split('\n')[0]).toBe(`FAIL  ${NAME} [command-line data]: no results (689 events replayed)`);
    expect(result.status).toBe(1);
  });

  it('maps tests: attack_data URLs under --data-root and writes JUnit; a file not there is a skip', async () => {
    const root = sharedDir()!;
    const url = (path: string): string => `https://media.githubusercontent.com/media/splunk/attack_data/master/${relative(root, path)}`;
    const tests = `tests:
- name: Covenant
  attack_data:
  - {data: '${url(files!.covenant)}', source: '${WMI}', sourcetype: '${WMI}'}
- name: SD2 and Empire together
  attack_data:
  - {data: '${url(files!.sd2)}', source: '${WMI}', sourcetype: '${WMI}'}
  - {data: '${url(files!.empire)}', source: '${WMI}', sourcetype: '${WMI}'}
- name: Not downloaded
  attack_data:
  - {data: '${url(join(root, 'datasets/windows/absent.log'))}', source: '${WMI}', sourcetype: '${WMI}'}
`;
    const dir = tempFiles({ 'wmi.yml': `${readFileSync(DETECTION, 'utf8')}${tests}` });
    const junit = join(dir, 'junit.xml');
    const result = await splq(['test', join(dir, 'wmi.yml'), '--data-root', root, '--preset', 'windows', '--junit', junit]);
    expect(result.stdout.split('\n').slice(0, 3)).toEqual([
      `PASS  ${NAME} [Covenant]: 1 result; observable field(s) dest present (1001 events replayed)`,
      `PASS  ${NAME} [SD2 and Empire together]: 1 result; observable field(s) dest present (692 events replayed)`,
      `SKIP  ${NAME} [Not downloaded]: data file not found: ${join(root, 'datasets/windows/absent.log')}`,
    ]);
    expect(result.status).toBe(0);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuites name="splq test" tests="3" failures="0" errors="0" skipped="1"/);
    expect(xml).toContain(`<skipped message="data file not found: ${join(root, 'datasets/windows/absent.log')}"/>`);
  });

  it('an ESCU detection splq cannot run (MLTK apply after tstats) is an error, not a pass or a skip', async () => {
    const corpus = join(sharedDir()!, 'corpus/security_content');
    const result = await splq(['test', join(corpus, 'detections/endpoint/detect_suspicious_processnames_using_pretrained_model_in_dsdl.yml'), '-m', join(corpus, 'macros'), '--data-root', sharedDir()!]);
    expect(result.stdout.split('\n')[0]).toMatch(/^ERROR Detect suspicious processnames using pretrained model in DSDL \[no tests\]: error\[needs-app\]: `apply` needs the Splunk Machine Learning Toolkit app/);
    expect(result.status).toBe(1);
  });
});
