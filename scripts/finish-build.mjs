// After tsc: make the CLI entry executable so `npm link` / `npx splq` work.
import { chmodSync, existsSync } from 'node:fs';
const bin = 'dist/src/cli/main.js';
if (existsSync(bin)) chmodSync(bin, 0o755);
