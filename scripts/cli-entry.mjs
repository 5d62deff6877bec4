#!/usr/bin/env node
// dist/bundle/splq.mjs (copied by scripts/bundle.mjs), kept for those who start splq by that name: it loads the bin,
// splq.cjs (scripts/cli-loader.cjs), which runs the CLI. The bin itself is CommonJS because Node's ES module loader
// costs start-up time; this file pays it again, so `node dist/bundle/splq.cjs` (or the `splq` bin) starts faster.
import './splq.cjs';
