// fast-check arbitraries for generic commands: words, assignments, calls, groups, commas, subsearches, clauses.
import fc from 'fast-check';
import type { Command, GenericArg, Pipeline, SearchCompareOp } from '../../../src/ast.js';
import { DEPTH } from './eval.js';
import { anyName, quotedText, SPAN } from './words.js';

export interface GenericTies {
  genericArg: () => fc.Arbitrary<GenericArg>;
  callArg: () => fc.Arbitrary<GenericArg>;
  subPipeline: () => fc.Arbitrary<Pipeline>;
}

/** Unquoted generic words are kept verbatim, so these are texts that lex back as one glued word. */
const RAW_WORDS = ['5', '100', '*.exe', 'web-01', '-70m@m', 'Processes.dest', 'asset_lookup_by_str', "'quoted text'", 'x', 't', 'a\\b', 'AS', 'On'];
const CLAUSE_KEYWORDS = ['by', 'where', 'from', 'output', 'outputnew', 'over'];
const GENERIC_NAMES = ['lookup', 'dedup', 'tstats', 'join', 'append', 'inputlookup', 'makeresults', 'foreach', 'sort', 'top', 'bin', 'spath', 'fillnull'];
const OPS: SearchCompareOp[] = ['=', '!=', '<', '<=', '>', '>='];

const word = fc.oneof(
  fc.constantFrom(...RAW_WORDS).map((text): GenericArg => ({ kind: 'word', text, quoted: false, span: SPAN })),
  quotedText.map((text): GenericArg => ({ kind: 'word', text, quoted: true, span: SPAN })),
);
const comma = fc.constant<GenericArg>({ kind: 'comma', span: SPAN });

export function genericArbitraries(tie: GenericTies) {
  // A call's argument groups are split at commas; `f()` has no group at all (never one empty group).
  const call = fc
    .record({
      name: fc.constantFrom('values', 'count', 'f', 'Processes.dest', 'max'),
      args: fc.array(fc.array(tie.callArg(), { maxLength: 3 }), { maxLength: 3 }).filter((g) => !(g.length === 1 && g[0]!.length === 0)),
    })
    .map(({ name, args }): GenericArg => ({ kind: 'call', name, args, span: SPAN }));
  const assign = fc
    .record({
      name: anyName,
      op: fc.constantFrom(...OPS),
      value: fc.oneof(word, call, fc.constant<GenericArg>({ kind: 'word', text: '', quoted: true, span: SPAN })),
    })
    .map(({ name, op, value }): GenericArg => ({ kind: 'assign', name, op, value, span: SPAN }));
  const group = fc.array(tie.genericArg(), { maxLength: 3 }).map((items): GenericArg => ({ kind: 'group', items, span: SPAN }));
  const subsearch = tie.subPipeline().map((pipeline): GenericArg => ({ kind: 'subsearch', pipeline, span: SPAN }));
  return {
    genericArg: fc.oneof(DEPTH, word, comma, assign, call, group, subsearch),
    callArg: fc.oneof(DEPTH, word, assign, call, group, subsearch),
  };
}

export function genericCommand(tie: GenericTies): fc.Arbitrary<Command> {
  const args = fc.array(tie.genericArg(), { maxLength: 4 });
  const clause = fc.record({ keyword: fc.constantFrom(...CLAUSE_KEYWORDS), args, span: fc.constant(SPAN) });
  return fc
    .record({ name: fc.constantFrom(...GENERIC_NAMES), head: args, more: fc.array(clause, { maxLength: 2 }) })
    .map(({ name, head, more }): Command => ({
      kind: 'generic',
      name,
      clauses: [{ keyword: null, args: head, span: SPAN }, ...more],
      span: SPAN,
    }));
}
