// Test helper: a tiny eval-expression reader producing EvalExpr ASTs (tests must not depend on src/parse).
import type { EvalBinaryOp, EvalExpr } from '../../src/ast.js';

type Token = { type: 'num' | 'str' | 'qfield' | 'word' | 'op'; text: string; start: number; end: number };

const TOKEN = /\s*(?:(\d+(?:\.\d*)?(?:e[+-]?\d+)?)|"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z_](?:[\w{}]|\.(?=[\w{]))*)|(==|!=|<=|>=|[-+*/%.=<>(),]))/y;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.trimEnd().length) {
    const m = TOKEN.exec(text);
    if (m === null) throw new Error(`test expr: cannot read at ${TOKEN.lastIndex}: ${text}`);
    const start = m.index + m[0].length - m[0].trimStart().length;
    const end = TOKEN.lastIndex;
    if (m[1] !== undefined) out.push({ type: 'num', text: m[1], start, end });
    else if (m[2] !== undefined) out.push({ type: 'str', text: m[2].replace(/\\(["\\])/g, '$1'), start, end });
    else if (m[3] !== undefined) out.push({ type: 'qfield', text: m[3], start, end });
    else if (m[4] !== undefined) out.push({ type: 'word', text: m[4], start, end });
    else out.push({ type: 'op', text: m[5]!, start, end });
  }
  return out;
}

/** Binary operators by binding power (higher binds tighter). */
const BINARY: Record<string, number> = {
  XOR: 1, OR: 2, AND: 3,
  '=': 5, '==': 5, '!=': 5, '<': 5, '<=': 5, '>': 5, '>=': 5, LIKE: 5, IN: 5,
  '+': 6, '-': 6, '.': 6, '*': 7, '/': 7, '%': 7,
};

/** Parse an eval expression written in SPL syntax, with spans into `text`. */
export function expr(text: string): EvalExpr {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const take = (): Token => {
    const t = tokens[pos++];
    if (t === undefined) throw new Error(`test expr: unexpected end: ${text}`);
    return t;
  };
  const expect = (s: string): Token => {
    const t = take();
    if (t.text !== s) throw new Error(`test expr: expected ${s} at ${t.start}: ${text}`);
    return t;
  };
  const list = (): EvalExpr[] => {
    const items: EvalExpr[] = [];
    if (peek()?.text !== ')') {
      items.push(parse(0));
      while (peek()?.text === ',') {
        take();
        items.push(parse(0));
      }
    }
    return items;
  };
  const primary = (): EvalExpr => {
    const t = take();
    if (t.type === 'num') return { kind: 'number', value: Number(t.text), text: t.text, span: { start: t.start, end: t.end } };
    if (t.type === 'str') return { kind: 'string', value: t.text, span: { start: t.start, end: t.end } };
    if (t.type === 'qfield') return { kind: 'field', name: t.text, quoted: true, span: { start: t.start, end: t.end } };
    if (t.text === '(') {
      const inner = parse(0);
      expect(')');
      return inner;
    }
    if (t.text === 'NOT') {
      const operand = parse(4);
      return { kind: 'unary', op: 'NOT', expr: operand, span: { start: t.start, end: operand.span.end } };
    }
    if (t.text === '-' || t.text === '+') {
      const operand = parse(8);
      return { kind: 'unary', op: t.text, expr: operand, span: { start: t.start, end: operand.span.end } };
    }
    if (t.type !== 'word') throw new Error(`test expr: unexpected ${t.text} at ${t.start}: ${text}`);
    if (peek()?.text !== '(') return { kind: 'field', name: t.text, quoted: false, span: { start: t.start, end: t.end } };
    take();
    const args = list();
    const close = expect(')');
    return { kind: 'call', name: t.text, args, span: { start: t.start, end: close.end } };
  };
  const parse = (minPower: number): EvalExpr => {
    let left = primary();
    for (;;) {
      const t = peek();
      const negated = t?.text === 'NOT' && tokens[pos + 1]?.text === 'IN';
      const op = negated ? 'IN' : t?.text;
      const power = op === undefined ? undefined : BINARY[op];
      if (power === undefined || power <= minPower) return left;
      take();
      if (op === 'IN') {
        if (negated) take();
        expect('(');
        const values = list();
        const close = expect(')');
        left = { kind: 'in', expr: left, values, negated, span: { start: left.span.start, end: close.end } };
        continue;
      }
      const right = parse(power);
      left = { kind: 'binary', op: op as EvalBinaryOp, left, right, span: { start: left.span.start, end: right.span.end } };
    }
  };
  const result = parse(0);
  if (pos !== tokens.length) throw new Error(`test expr: trailing input at ${tokens[pos]!.start}: ${text}`);
  return result;
}
