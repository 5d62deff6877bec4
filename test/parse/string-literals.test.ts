// The lexer's string literals of an eval text are the string constants of its AST (what datamodels/plan.ts uses them as).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EvalExpr } from '../../src/ast.js';
import { parseEvalExpression } from '../../src/parse/parse.js';
import { stringLiterals } from '../../src/parse/string-literals.js';
import { builtinMappings } from '../../src/datamodels/source-mapping.js';
import { builtinModels } from '../../src/datamodels/catalog.js';
import { fuzzRuns } from '../helpers/tier.js';

/** The AST's string constants, in tree order (every node kind that holds expressions). */
function astStrings(e: EvalExpr, out: string[] = []): string[] {
  for (const value of Object.values(e)) {
    if (Array.isArray(value)) for (const item of value) if (isExpr(item)) astStrings(item, out);
    if (isExpr(value)) astStrings(value, out);
  }
  if (e.kind === 'string') out.push(e.value);
  return out;
}
const isExpr = (v: unknown): v is EvalExpr => typeof v === 'object' && v !== null && typeof (v as { kind?: unknown }).kind === 'string';

/** Every eval text the shipped mappings and data models hold. */
function shippedEvalTexts(): string[] {
  const texts: string[] = [];
  for (const m of builtinMappings()) {
    texts.push(...Object.values(m.evals ?? {}));
    for (const et of m.eventtypes) texts.push(...Object.values(et.evals ?? {}));
  }
  for (const model of builtinModels().values()) {
    for (const ds of model.datasets) for (const c of ds.calculations ?? []) if ('eval' in c) texts.push(c.eval);
  }
  return texts;
}

const sortedOf = (values: string[]) => [...values].sort();

describe('string literals by the lexer', () => {
  it('equal the AST string constants of every shipped EVAL and calculation', () => {
    const texts = shippedEvalTexts();
    expect(texts.length).toBeGreaterThan(100);
    for (const text of texts) expect(sortedOf(stringLiterals(text)), text).toEqual(sortedOf(astStrings(parseEvalExpression(text))));
  });

  it('law: equal the AST string constants of generated expressions (escapes, quoted field names, nesting)', () => {
    const str = fc.constantFrom('"a"', '""', '"say \\"hi\\""', '"back\\\\slash"', '"C:\\\\x"', '"p|q"', '"it\'s"');
    const atom = fc.oneof(str, fc.constantFrom('x', "'odd \"name'", '1', 'null()', 'true()'));
    const expr = fc.letrec((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        atom,
        fc.tuple(tie('e'), fc.constantFrom(' . ', ' + ', ' = ', ' AND '), tie('e')).map(([a, op, b]) => `${a}${op}${b}`),
        fc.tuple(fc.constantFrom('if', 'coalesce', 'lower', 'case', 'replace'), fc.array(tie('e'), { minLength: 1, maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')})`),
        fc.tuple(tie('e'), fc.array(str, { minLength: 1, maxLength: 3 })).map(([a, vs]) => `${a} IN (${vs.join(', ')})`),
      ),
    })).e;
    fc.assert(
      fc.property(expr, (text) => {
        let ast: EvalExpr;
        try {
          ast = parseEvalExpression(text);
        } catch {
          return; // a call with the wrong number of arguments: not an expression
        }
        expect(sortedOf(stringLiterals(text))).toEqual(sortedOf(astStrings(ast)));
      }),
      { numRuns: fuzzRuns(200, 1000) },
    );
  });
});
