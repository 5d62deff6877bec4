// Runs one child process and measures its wall time, CPU seconds (user+sys) and peak resident memory.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';

export interface Measurement {
  wallSeconds: number;
  /** undefined when the platform offers no way to measure it. */
  cpuSeconds: number | undefined;
  peakRssMb: number | undefined;
  exitCode: number;
  /** The first few KB of the child's stderr (where both splq diagnostics and Node crashes state the error). */
  stderrHead: string;
}

export interface CommandSpec {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
}

const GNU_TIME = '/usr/bin/time';
const STDERR_HEAD_CHARS = 4000;
/** Linux reports process CPU times in clock ticks of 1/100 s (USER_HZ). */
const CLOCK_TICKS_PER_SECOND = 100;
const RSS_POLL_MS = 20;

/** Whether GNU time (with -f and -o) is available; otherwise /proc is used where it exists. */
export const hasGnuTime = existsSync(GNU_TIME);

function spawnAndWait(spec: CommandSpec, stdoutPath: string, onStart: (pid: number) => void): Promise<{ code: number; stderrHead: string }> {
  const stdoutFd = openSync(stdoutPath, 'w');
  return new Promise((resolve, reject) => {
    const child = spawn(spec.command, spec.args, { stdio: ['ignore', stdoutFd, 'pipe'], env: spec.env ?? process.env });
    let stderrHead = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderrHead.length < STDERR_HEAD_CHARS) stderrHead = (stderrHead + chunk).slice(0, STDERR_HEAD_CHARS);
    });
    child.on('error', reject);
    if (child.pid !== undefined) onStart(child.pid);
    child.on('close', (code, signal) => {
      closeSync(stdoutFd);
      resolve({ code: code ?? (signal === null ? 1 : 128), stderrHead });
    });
  });
}

/** Children's CPU time of this process so far, from /proc/self/stat (cutime + cstime); undefined off Linux. */
function childrenCpuSeconds(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS_PER_SECOND;
}

function peakRssKb(pid: number): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? undefined : Number(match[1]);
  } catch {
    return undefined;
  }
}

async function measureWithGnuTime(spec: CommandSpec, stdoutPath: string): Promise<Measurement> {
  const reportPath = `${stdoutPath}.time`;
  const started = process.hrtime.bigint();
  const { code, stderrHead } = await spawnAndWait(
    { ...spec, command: GNU_TIME, args: ['-f', '%U %S %M', '-o', reportPath, spec.command, ...spec.args] }, stdoutPath, () => {});
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const lines = readFileSync(reportPath, 'utf8').trim().split('\n');
  rmSync(reportPath);
  const [user, system, maxRssKb] = (lines[lines.length - 1] ?? '').split(' ').map(Number);
  const cpuSeconds = user === undefined || system === undefined ? undefined : user + system;
  return { wallSeconds, cpuSeconds, peakRssMb: maxRssKb === undefined ? undefined : maxRssKb / 1024, exitCode: code, stderrHead };
}

async function measureWithProc(spec: CommandSpec, stdoutPath: string): Promise<Measurement> {
  const cpuBefore = childrenCpuSeconds();
  let peakKb: number | undefined;
  let poller: NodeJS.Timeout | undefined;
  const started = process.hrtime.bigint();
  const { code, stderrHead } = await spawnAndWait(spec, stdoutPath, (pid) => {
    poller = setInterval(() => {
      peakKb = peakRssKb(pid) ?? peakKb;
    }, RSS_POLL_MS);
  });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(poller);
  const cpuAfter = childrenCpuSeconds();
  const cpuSeconds = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  return { wallSeconds, cpuSeconds, peakRssMb: peakKb === undefined ? undefined : peakKb / 1024, exitCode: code, stderrHead };
}

/** Run `spec` once with its stdout written to `stdoutPath`, measured with GNU time if present, else /proc. */
export function measure(spec: CommandSpec, stdoutPath: string): Promise<Measurement> {
  return hasGnuTime ? measureWithGnuTime(spec, stdoutPath) : measureWithProc(spec, stdoutPath);
}
