// Printer/parser round trip: generated ASTs print to SPL that parses back to the same tree (the ESCU corpus: roundtrip-corpus.full.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command, Pipeline } from '../../src/ast.js';
import { parseQuery } from '../../src/parse/parse.js';
import { printPipeline } from '../../src/parse/print.js';
import { stripSpans } from '../../src/parse/strip-spans.js';
import { fuzzRuns } from '../helpers/tier.js';
import { pipelineArbitrary } from './arb/pipeline.js';

/** Parse the printed form; a failure message shows the SPL text. */
function reparse(ast: Pipeline): { printed: string; again: Pipeline } {
  const printed = printPipeline(ast);
  return { printed, again: parseQuery(printed) };
}

describe('printPipeline then parseQuery', () => {
  it('gives back every generated AST (spans aside)', () => {
    fc.assert(
      fc.property(pipelineArbitrary, (ast) => {
        const { printed, again } = reparse(ast);
        expect(stripSpans(again), printed).toEqual(stripSpans(ast));
      }),
      { numRuns: fuzzRuns(300, 3000) },
    );
  });

  it('is exercised on every command kind and every eval operator', () => {
    const kinds = new Set<string>();
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') {
        const node = value as { kind?: string; op?: string; command?: string };
        if (node.kind) kinds.add(node.kind === 'binary' || node.kind === 'unary' ? `${node.kind} ${node.op}` : node.kind);
        if (node.kind === 'stats') kinds.add(node.command!);
        Object.values(value).forEach(visit);
      }
    };
    fc.sample(pipelineArbitrary, { numRuns: 1000, seed: 42 }).forEach(visit);
    const commandKinds: Array<Command['kind']> = ['search', 'rex', 'stats', 'rename', 'convert', 'eval', 'where', 'fields', 'table', 'head', 'generic'];
    const expected = [
      ...commandKinds, 'eventstats', 'streamstats', 'and', 'or', 'not', 'term', 'compare', 'subsearch', 'in', 'number', 'string', 'field',
      'call', 'unary NOT', 'unary -', 'unary +', 'word', 'assign', 'group', 'comma',
      ...['+', '-', '*', '/', '%', '.', '=', '==', '!=', '<', '<=', '>', '>=', 'AND', 'OR', 'XOR', 'LIKE'].map((op) => `binary ${op}`),
    ];
    expect(expected.filter((k) => !kinds.has(k))).toEqual([]);
  });
});
