// The eval function registry: every function definition, looked up by lower-cased name.
import type { EvalFunction } from '../types.js';
import { CONDITIONAL_FUNCTIONS } from './conditional.js';
import { CONVERSION_FUNCTIONS } from './conversion.js';
import { CRYPTO_FUNCTIONS } from './crypto.js';
import { DATETIME_FUNCTIONS } from './datetime.js';
import { INFORMATIONAL_FUNCTIONS } from './informational.js';
import { JSON_FUNCTIONS } from './json.js';
import { MATH_FUNCTIONS } from './math.js';
import { MULTIVALUE_FUNCTIONS } from './multivalue.js';
import { STATISTICAL_FUNCTIONS } from './statistical.js';
import { TEXT_FUNCTIONS } from './text.js';
import { TRIG_FUNCTIONS } from './trig.js';

const ALL_FUNCTIONS: EvalFunction[] = [
  ...CONDITIONAL_FUNCTIONS,
  ...CONVERSION_FUNCTIONS,
  ...CRYPTO_FUNCTIONS,
  ...DATETIME_FUNCTIONS,
  ...INFORMATIONAL_FUNCTIONS,
  ...JSON_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...MULTIVALUE_FUNCTIONS,
  ...STATISTICAL_FUNCTIONS,
  ...TEXT_FUNCTIONS,
  ...TRIG_FUNCTIONS,
];

const REGISTRY = new Map<string, EvalFunction>();
for (const fn of ALL_FUNCTIONS) {
  if (REGISTRY.has(fn.name)) throw new Error(`eval function ${fn.name} is defined twice`);
  REGISTRY.set(fn.name, fn);
}

/** The functions by Splunk's grouping, for the supported-SPL table. */
export const EVAL_FUNCTION_GROUPS: ReadonlyArray<readonly [string, string[]]> = [
  ['Comparison and conditional', CONDITIONAL_FUNCTIONS],
  ['Conversion', CONVERSION_FUNCTIONS],
  ['Cryptographic', CRYPTO_FUNCTIONS],
  ['Date and time', DATETIME_FUNCTIONS],
  ['Informational', INFORMATIONAL_FUNCTIONS],
  ['JSON', JSON_FUNCTIONS],
  ['Mathematical', MATH_FUNCTIONS],
  ['Multivalue', MULTIVALUE_FUNCTIONS],
  ['Statistical', STATISTICAL_FUNCTIONS],
  ['Text', TEXT_FUNCTIONS],
  ['Trigonometry and hyperbolic', TRIG_FUNCTIONS],
].map(([group, fns]) => [group as string, (fns as EvalFunction[]).map((f) => f.name)] as const);

/** Names of all eval functions, sorted. */
export const EVAL_FUNCTION_NAMES: string[] = [...REGISTRY.keys()].sort();

/** The function of this name; names are case-insensitive (Splunk content writes `CASE(`, `LIKE(`). */
export function lookupEvalFunction(name: string): EvalFunction | undefined {
  return REGISTRY.get(name.toLowerCase());
}
