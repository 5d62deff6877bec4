// The CLI bundle's prebuilt grammar (scripts/chevrotain-startup.mjs): the GAST that chevrotain records from the rules
// at every start, as data made at build time by the bundle itself, and turned back into chevrotain's GAST objects.
// Imported into chevrotain's parser.js by the plugin; scripts/bundle.mjs fills PREBUILT_RULES.
import {
  Alternation,
  Alternative,
  NonTerminal,
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
  Rule,
  Terminal,
} from '@chevrotain/gast';
import { writeFileSync } from 'node:fs';

/**
 * scripts/bundle.mjs replaces the marker string (kept by esbuild as it stands) with the `rules` that splqDumpGast
 * wrote: `[serialized Rule, ...]`. Until then there is no prebuilt grammar.
 */
const PREBUILT_RULES = 'splq-prebuilt-gast:none';
/** Whether the last parser built took the prebuilt grammar (the dump says so, for the build's check). */
let usedPrebuilt = false;

const CLASSES = {
  Rule,
  Terminal,
  NonTerminal,
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
  Alternation,
  Alternative,
};
/** Properties holding a token type, written as the token's name. */
const TOKEN_PROPS = new Set(['terminalType', 'separator']);

/** A GAST node as plain data: its class, its own properties (keys sorted) and its children (`d`). */
function serializeNode(node) {
  const kind = Object.keys(CLASSES).find((name) => node.constructor === CLASSES[name]);
  if (kind === undefined) throw new Error(`splq prebuilt grammar: unknown GAST node ${node.constructor.name}`);
  const out = { k: kind };
  for (const key of Object.keys(node).sort()) {
    // referencedRule is set by chevrotain's resolveGrammar, which runs after recording, from nonTerminalName
    if (key === '_definition' || key === 'referencedRule') continue;
    const value = node[key];
    if (TOKEN_PROPS.has(key)) out[key] = value.name;
    else if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) out[key] = value;
    else throw new Error(`splq prebuilt grammar: ${kind}.${key} is not plain data`);
  }
  if (kind !== 'NonTerminal' && kind !== 'Terminal') out.d = node._definition.map(serializeNode);
  return out;
}

/**
 * The node that serializeNode wrote, rebuilt; undefined when a token it names is not in `tokens`. The node gets the
 * class's prototype and the recorded own properties (the constructors' defaults are among them) without running the
 * constructor, whose lodash `pickBy` parses every property name as a path (~4 ms of a start for ~400 nodes).
 */
function deserializeNode(data, tokens) {
  const node = Object.create(CLASSES[data.k].prototype);
  if (data.k !== 'Terminal') node._definition = [];
  for (const key of Object.keys(data)) {
    if (key === 'k' || key === 'd') continue;
    if (TOKEN_PROPS.has(key)) {
      const token = tokens[data[key]];
      if (token === undefined) return undefined;
      node[key] = token;
    } else node[key] = data[key];
  }
  if (data.d !== undefined) {
    for (const child of data.d) {
      const built = deserializeNode(child, tokens);
      if (built === undefined) return undefined;
      node._definition.push(built);
    }
  }
  return node;
}

/**
 * Fills the parser's GAST from the prebuilt grammar instead of recording it, when there is one for exactly these rules
 * and tokens (and SPLQ_RECORD_GRAMMAR is not 1). Returns whether it did.
 */
export function splqUsePrebuiltGast(parser) {
  usedPrebuilt = false;
  const prebuilt = PREBUILT_RULES;
  if (!Array.isArray(prebuilt) || process.env.SPLQ_RECORD_GRAMMAR === '1') return false;
  const names = parser.definedRulesNames;
  if (prebuilt.length !== names.length || prebuilt.some((rule, i) => rule.name !== names[i])) return false;
  const rules = [];
  for (const data of prebuilt) {
    const rule = deserializeNode(data, parser.tokensMap);
    if (rule === undefined) return false;
    rules.push(rule);
  }
  for (const rule of rules) parser.gastProductionsCache[rule.name] = rule;
  usedPrebuilt = true;
  return true;
}

/** With SPLQ_DUMP_GAST=<file>: writes the parser's GAST (recorded or prebuilt: `prebuilt` says which) as JSON. */
export function splqDumpGast(parser) {
  const file = process.env.SPLQ_DUMP_GAST;
  if (!file) return;
  const rules = parser.definedRulesNames.map((name) => serializeNode(parser.gastProductionsCache[name]));
  writeFileSync(file, JSON.stringify({ prebuilt: usedPrebuilt, rules }));
}
