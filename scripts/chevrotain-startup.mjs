// esbuild plugin for the CLI bundle: chevrotain's start-up work done once at build time or not at all (docs/benchmarks.md,
// Start-up): the lexer computes its first-character buckets instead of building a 65,536-entry table, the parser
// takes its grammar (GAST) prebuilt instead of recording it from the rules (scripts/prebuilt-gast.mjs) and makes a
// rule's lookahead functions when it first needs one, and the tokens' start characters come from a table made at build.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const PREBUILT_GAST = fileURLToPath(new URL('./prebuilt-gast.mjs', import.meta.url));

/**
 * Texts replaced in chevrotain's files, each of which must be found exactly once as it stands, or the build stops: a
 * chevrotain that changed there needs a new look (chevrotain 11.2.0 is locked).
 */
const PATCHES = [
  {
    // chevrotain/lib/src/scan/lexer.js fills `charCodeToOptimizedIdxMap[i] = i > 255 ? 255 + ~~(i / 255) : i` for every
    // code unit when the first lexer is built (12-17 ms of CPU per start on the shared machine, interpreted, a heap
    // number per division) and looks codes >= 256 up in it. The lookup becomes that formula and the fill goes.
    file: /[\\/]chevrotain[\\/]lib[\\/]src[\\/]scan[\\/]lexer\.js$/,
    replacements: [
      ['        : charCodeToOptimizedIdxMap[charCode];', '        : 255 + ~~(charCode / 255);'],
      [
        '        charCodeToOptimizedIdxMap = new Array(65536);\n        for (let i = 0; i < 65536; i++) {\n            charCodeToOptimizedIdxMap[i] = i > 255 ? 255 + ~~(i / 255) : i;\n        }\n',
        '        charCodeToOptimizedIdxMap = [0]; // filled no more: charCodeToOptimizedIndex computes (scripts/chevrotain-startup.mjs)\n',
      ],
    ],
  },
  {
    // chevrotain/lib/src/parse/parser/parser.js records the GAST in performSelfAnalysis by running every rule in a
    // recording mode (12-15 ms of CPU per start). With a prebuilt GAST for these very rules it is taken instead;
    // SPLQ_DUMP_GAST writes the GAST out, which is how the build makes the prebuilt one from the bundle itself.
    file: /[\\/]chevrotain[\\/]lib[\\/]src[\\/]parse[\\/]parser[\\/]parser\.js$/,
    replacements: [
      [
        'import { applyMixins } from "./utils/apply_mixins.js";\n',
        `import { applyMixins } from "./utils/apply_mixins.js";\nimport { splqDumpGast, splqUsePrebuiltGast } from ${JSON.stringify(PREBUILT_GAST)};\n`,
      ],
      [
        '            this.TRACE_INIT("Grammar Recording", () => {\n                try {\n',
        '            this.TRACE_INIT("Grammar Recording", () => {\n                if (splqUsePrebuiltGast(this)) return;\n                try {\n',
      ],
      [
        '                finally {\n                    this.disableRecording();\n                }\n            });\n',
        '                finally {\n                    this.disableRecording();\n                }\n            });\n            splqDumpGast(this);\n',
      ],
    ],
  },
  {
    // chevrotain/lib/src/parse/parser/traits/looksahead.js makes the lookahead function of every decision of every rule
    // in performSelfAnalysis (grammar/parser.ts makes each function itself lazy; the walk over all ~45 rules that makes
    // the ~300 stand-ins and their keys still cost ~2 ms and their memory). Here a rule's are made when the parser
    // first asks for one of them: a key holds the rule's short name in bits 12-23 (chevrotain's keys.js).
    file: /[\\/]chevrotain[\\/]lib[\\/]src[\\/]parse[\\/]parser[\\/]traits[\\/]looksahead\.js$/,
    replacements: [
      [
        'import { AT_LEAST_ONE_IDX, AT_LEAST_ONE_SEP_IDX, getKeyForAutomaticLookahead, MANY_IDX, MANY_SEP_IDX, OPTION_IDX, OR_IDX, } from "../../grammar/keys.js";\n',
        'import { AT_LEAST_ONE_IDX, AT_LEAST_ONE_SEP_IDX, BITS_FOR_METHOD_TYPE, BITS_FOR_OCCURRENCE_IDX, BITS_FOR_RULE_IDX, getKeyForAutomaticLookahead, MANY_IDX, MANY_SEP_IDX, OPTION_IDX, OR_IDX, } from "../../grammar/keys.js";\n' +
          'const SPLQ_RULE_BITS = ((1 << BITS_FOR_RULE_IDX) - 1) << (BITS_FOR_METHOD_TYPE + BITS_FOR_OCCURRENCE_IDX);\n',
      ],
      [
        '    preComputeLookaheadFunctions(rules) {\n',
        '    preComputeLookaheadFunctions(rules) {\n' +
          '        this.splqPendingRules = new Map(rules.map((rule) => [this.fullRuleNameToShort[rule.name], rule]));\n' +
          '    }\n' +
          '    splqComputeRulesLookahead(rules) {\n',
      ],
      [
        '    getLaFuncFromCache(key) {\n        return this.lookAheadFuncsCache.get(key);\n    }\n',
        '    getLaFuncFromCache(key) {\n' +
          '        const found = this.lookAheadFuncsCache.get(key);\n' +
          '        if (found !== undefined || this.splqPendingRules === undefined) return found;\n' +
          '        const rule = this.splqPendingRules.get(key & SPLQ_RULE_BITS);\n' +
          '        if (rule === undefined) return undefined;\n' +
          '        this.splqPendingRules.delete(key & SPLQ_RULE_BITS);\n' +
          '        this.splqComputeRulesLookahead([rule]);\n' +
          '        return this.lookAheadFuncsCache.get(key);\n' +
          '    }\n',
      ],
    ],
  },
  {
    // chevrotain/lib/src/scan/reg_exp.js finds the characters each token's pattern can start with by parsing the regex
    // (regexp-to-ast) when the lexer is built (~1.5 ms of a start). Here the answers for this build's patterns are a
    // table that the build fills (scripts/bundle.mjs) from the same function in a first run, keyed by the regex's
    // text; with SPLQ_DUMP_START_CODES=<file> every answer is computed and written to the file instead.
    file: /[\\/]chevrotain[\\/]lib[\\/]src[\\/]scan[\\/]reg_exp\.js$/,
    replacements: [
      [
        'import { getRegExpAst } from "./reg_exp_parser.js";\n',
        'import { getRegExpAst } from "./reg_exp_parser.js";\n' +
          'import { writeFileSync as splqWriteFileSync } from "node:fs";\n' +
          '/** Filled by scripts/bundle.mjs: a JSON object from regex text to start codes, or the marker (no table). */\n' +
          'const SPLQ_START_CODES_TEXT = "splq-start-codes:none";\n' +
          'const SPLQ_START_CODES = SPLQ_START_CODES_TEXT.startsWith("{") ? JSON.parse(SPLQ_START_CODES_TEXT) : {};\n' +
          'let splqComputedStartCodes;\n',
      ],
      [
        'export function getOptimizedStartCodesIndices(regExp, ensureOptimizations = false) {\n',
        'export function getOptimizedStartCodesIndices(regExp, ensureOptimizations = false) {\n' +
          '    const key = regExp.toString();\n' +
          '    const dump = process.env.SPLQ_DUMP_START_CODES;\n' +
          '    if (!dump && Object.prototype.hasOwnProperty.call(SPLQ_START_CODES, key)) return SPLQ_START_CODES[key].slice();\n' +
          '    const codes = splqComputeStartCodes(regExp, ensureOptimizations);\n' +
          '    if (dump) {\n' +
          '        if (splqComputedStartCodes === undefined) {\n' +
          '            splqComputedStartCodes = {};\n' +
          '            process.on("exit", () => splqWriteFileSync(dump, JSON.stringify(splqComputedStartCodes)));\n' +
          '        }\n' +
          '        splqComputedStartCodes[key] = codes.slice();\n' +
          '    }\n' +
          '    return codes;\n' +
          '}\n' +
          'function splqComputeStartCodes(regExp, ensureOptimizations = false) {\n',
      ],
    ],
  },
];

export const chevrotainStartup = {
  name: 'chevrotain-startup',
  setup(build) {
    for (const { file, replacements } of PATCHES) {
      build.onLoad({ filter: file }, async (args) => {
        let contents = await readFile(args.path, 'utf8');
        for (const [from, to] of replacements) {
          if (contents.split(from).length !== 2) throw new Error(`chevrotain-startup: ${args.path} no longer holds exactly one\n${from}`);
          contents = contents.replace(from, to);
        }
        return { contents, loader: 'js' };
      });
    }
  },
};
