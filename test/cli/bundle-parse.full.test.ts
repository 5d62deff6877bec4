// The bundled CLI's parser (prebuilt grammar, each rule's lookahead made on first use: scripts/chevrotain-startup.mjs)
// parses as the tsc-built CLI's (plain chevrotain): the same ASTs and the same errors, over hand-picked queries and
// a sample of ESCU detections from ../shared (skipped with a notice when it is absent).
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

const BUNDLED_CLI = join(REPO, 'dist/bundle/splq.cjs');
const TSC_CLI = join(REPO, 'dist/src/cli/main.js');
const built = existsSync(BUNDLED_CLI) && existsSync(TSC_CLI) && statSync(BUNDLED_CLI).mtimeMs >= statSync(TSC_CLI).mtimeMs;
if (!built) console.warn('bundle parser tests skipped: run `npm run build` first');

const ESCU = join(REPO, '../shared/corpus/security_content');
const escu = existsSync(join(ESCU, 'detections'));
if (!escu) console.warn('ESCU sample of the bundle parser test skipped: ../shared/corpus is absent');

/** `splq parse --spans <args>` through one CLI (a process of its own; the two CLIs of a pair run at once). */
function parse(cli: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, 'parse', '--spans', ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } }, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ status, stdout, stderr });
    });
  });
}

/** The bundled and the tsc-built CLI's answers for the same arguments, run side by side. */
function both(args: string[]) {
  return Promise.all([parse(BUNDLED_CLI, args), parse(TSC_CLI, args)]);
}

const QUERIES = [
  '* | head 1',
  'index=main sourcetype="WinEventLog:Security" (EventCode=4624 OR EventCode=4625) NOT user=*$ | stats count by user',
  '| tstats summariesonly=t count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.dest | `drop_dm_object_name(Processes)`',
  'a=1 | eval x=if(a>1, "y", lower(b)), z=case(a==1, 1, true(), 0) | where x!="y" AND len(z)>0 | rename x as y | table y z',
  '* | rex field=_raw "user=(?<user>\\w+)" | eventstats dc(user) as n by host | streamstats count as c | dedup user sortby -_time',
  '| makeresults count=3 | eval t=strftime(_time, "%Y") | foreach * [eval <<FIELD>>=lower(<<FIELD>>)] | fields - _time',
  '* | join type=left host [search index=x | stats max(_time) as last by host] | append [| inputlookup t.csv] | sort 0 -last',
  '* | stats count(eval(a>1)) as big, values(b) as bs by c | convert ctime(last) | fillnull value=0 | head 5',
  'x="unterminated | eval y=1',
  '* | eval y=(1+2',
  '* | where a=',
  '* | stats count by',
  'Ωmega 日本語 | eval w=\'Ωmega\' | spath input=x path=a.b{} output=c',
];

/** Every 100th detection of the ESCU corpus, in name order (16 files of all kinds). */
function escuSample(): string[] {
  const dir = join(ESCU, 'detections');
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.yml')).sort();
  return files.filter((_, i) => i % 100 === 0).map((f) => join(dir, f));
}

describe.skipIf(!built)('bundled CLI parser', { timeout: 300_000 }, () => {
  it('parses hand-picked queries and their errors as the tsc-built CLI', async () => {
    for (const query of QUERIES) {
      const [bundled, tsc] = await both([query]);
      expect(bundled, query).toEqual(tsc);
    }
  });

  it.skipIf(!escu)('parses a sample of ESCU detections as the tsc-built CLI', async () => {
    const macros = join(ESCU, 'macros');
    let parsed = 0;
    for (const file of escuSample()) {
      const args = ['--detection', file, '-m', macros];
      const [bundled, tsc] = await both(args);
      expect(bundled, file).toEqual(tsc);
      if (bundled.status === 0) parsed++;
    }
    expect(parsed).toBeGreaterThan(8);
  });
});
