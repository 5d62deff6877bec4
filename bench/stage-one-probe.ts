// The first stage of a two-stage validator alone (assembly/probes/stage-one.ts): CPU ns/byte over a file's first 128 MiB, best of 5.
// Usage: npx tsx bench/stage-one-probe.ts <file.ndjson>
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PIECE = 65536;
const LOADED = 128 << 20;

interface ProbeExports {
  memory: WebAssembly.Memory;
  base(): number;
  stage1(from: number, end: number): bigint;
}

/** Compiles the probe with the project's AssemblyScript compiler and the modules' flags. */
async function compileProbe(): Promise<ProbeExports> {
  const { default: asc } = await import('assemblyscript/asc');
  const files: Record<string, string | Uint8Array> = {};
  const { error } = await asc.main([join(root, 'assembly/probes/stage-one.ts'), '--outFile', 'probe.wasm', '-O3', '--noAssert', '--runtime', 'stub', '--enable', 'simd', '--initialMemory', '2'], {
    readFile: (name: string) => { try { return readFileSync(name, 'utf8'); } catch { return null; } },
    writeFile: (name: string, contents: string | Uint8Array) => { files[name] = contents; },
  });
  if (error) throw error;
  const binary = files['probe.wasm'];
  if (!(binary instanceof Uint8Array)) throw new Error('asc wrote no probe.wasm');
  const instance = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(binary)), {});
  return instance.exports as unknown as ProbeExports;
}

const probe = await compileProbe();
probe.memory.grow(Math.ceil((LOADED + 2 * PIECE) / PIECE));
const view = new Uint8Array(probe.memory.buffer);
const fd = openSync(process.argv[2]!, 'r');
const size = readSync(fd, view, probe.base(), LOADED, 0);
closeSync(fd);
let best = Infinity;
let sink = 0n;
for (let round = 0; round < 5; round++) {
  const start = process.cpuUsage();
  for (let offset = 0; offset < size; offset += PIECE) sink ^= probe.stage1(probe.base() + offset, probe.base() + Math.min(offset + PIECE, size));
  const used = process.cpuUsage(start);
  best = Math.min(best, ((used.user + used.system) * 1000) / size);
}
console.log(`stage one alone: ${best.toFixed(3)} ns/byte over ${(size / 1e6).toFixed(0)} MB (fold ${sink & 0xffn})`);
