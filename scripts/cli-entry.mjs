#!/usr/bin/env node
// dist/bundle/splq.mjs (copied by scripts/bundle.mjs), kept for those who start splq by that name: it loads the bin,
// splq.cjs (scripts/cli-loader.cjs), which runs the CLI. The bin itself is CommonJS because Node's ES module loader
// costs start-up time; this file pays it again, so `node dist/bundle/splq.cjs` (or the `splq` bin) starts faster.
// require, not `import './splq.cjs'`: importing a CommonJS file makes the ES module loader scan it for its exports
// too (~13 M instructions and ~110 page faults more).
import { createRequire } from 'node:module';

createRequire(import.meta.url)('./splq.cjs');
