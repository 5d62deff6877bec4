// esbuild plugin for the CLI bundle: chevrotain's lexer computes its first-character buckets instead of building a
// 65,536-entry table at start-up (docs/benchmarks.md, Start-up). The same numbers, by the table's own formula.
import { readFile } from 'node:fs/promises';

/**
 * chevrotain/lib/src/scan/lexer.js fills `charCodeToOptimizedIdxMap[i] = i > 255 ? 255 + ~~(i / 255) : i` for every
 * code unit when the first lexer is built (12-17 ms of CPU per start on the shared machine, interpreted, a heap
 * number per division) and looks codes >= 256 up in it. The lookup becomes that formula and the fill goes. Each
 * replaced text must be found as it stands, or the build stops: a chevrotain that changed there needs a new look.
 */
const REPLACEMENTS = [
  ['        : charCodeToOptimizedIdxMap[charCode];', '        : 255 + ~~(charCode / 255);'],
  [
    '        charCodeToOptimizedIdxMap = new Array(65536);\n        for (let i = 0; i < 65536; i++) {\n            charCodeToOptimizedIdxMap[i] = i > 255 ? 255 + ~~(i / 255) : i;\n        }\n',
    '        charCodeToOptimizedIdxMap = [0]; // filled no more: charCodeToOptimizedIndex computes (scripts/chevrotain-startup.mjs)\n',
  ],
];

export const chevrotainStartup = {
  name: 'chevrotain-startup',
  setup(build) {
    build.onLoad({ filter: /[\\/]chevrotain[\\/]lib[\\/]src[\\/]scan[\\/]lexer\.js$/ }, async (args) => {
      let contents = await readFile(args.path, 'utf8');
      for (const [from, to] of REPLACEMENTS) {
        if (contents.split(from).length !== 2) throw new Error(`chevrotain-startup: ${args.path} no longer holds exactly one\n${from}`);
        contents = contents.replace(from, to);
      }
      return { contents, loader: 'js' };
    });
  },
};
