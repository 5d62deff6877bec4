// CST → AST for commands without a dedicated rule: arguments kept faithfully, split into clauses at by/where/from/output.
import type { CstNode } from 'chevrotain';
import type { GenericArg, GenericClause, GenericCommand, Pipeline, SearchCompareOp } from '../ast.js';
import { node, nodes, nodeSpan, stringContent, token, tokenSpan } from './cst-util.js';
import { fieldNameFromCst, wordText, type SourceText } from './to-ast-words.js';

/** Unquoted words that start a new clause of a generic command. */
export const CLAUSE_KEYWORDS = new Set(['by', 'where', 'from', 'output', 'outputnew', 'over']);

type PipelineVisitor = (cst: CstNode, src: SourceText) => Pipeline;

export function genericCommandFromCst(cst: CstNode, src: SourceText, visitPipeline: PipelineVisitor): GenericCommand {
  const nameTok = token(cst, 'name')!;
  const args = nodes(cst, 'args').map((a) => genericArgFromCst(a, src, visitPipeline));
  return { kind: 'generic', name: nameTok.image.toLowerCase(), clauses: splitClauses(args, tokenSpan(nameTok).end), span: nodeSpan(cst) };
}

/** Split the flat argument list at clause keywords; the head clause (keyword null) is always present. */
export function splitClauses(args: GenericArg[], headStart: number): GenericClause[] {
  const clauses: GenericClause[] = [{ keyword: null, args: [], span: { start: headStart, end: headStart } }];
  for (const arg of args) {
    if (arg.kind === 'word' && !arg.quoted && CLAUSE_KEYWORDS.has(arg.text.toLowerCase())) {
      clauses.push({ keyword: arg.text.toLowerCase(), args: [], span: { ...arg.span } });
      continue;
    }
    const current = clauses[clauses.length - 1]!;
    current.args.push(arg);
    current.span = { start: current.args.length === 1 && current.keyword === null ? arg.span.start : current.span.start, end: arg.span.end };
  }
  return clauses;
}

function genericArgFromCst(cst: CstNode, src: SourceText, visitPipeline: PipelineVisitor): GenericArg {
  const comma = token(cst, 'Comma');
  if (comma) return { kind: 'comma', span: tokenSpan(comma) };
  const sub = node(cst, 'bracketPipeline');
  if (sub) return { kind: 'subsearch', pipeline: visitPipeline(sub, src), span: nodeSpan(sub) };
  if (token(cst, 'LParen')) {
    return { kind: 'group', items: nodes(cst, 'items').map((i) => genericArgFromCst(i, src, visitPipeline)), span: nodeSpan(cst) };
  }
  const assign = node(cst, 'genericAssign');
  if (assign) return assignFromCst(assign, src, visitPipeline);
  const atom = node(cst, 'genericAtom');
  if (atom) return atomFromCst(atom, src, visitPipeline);
  const stray = token(cst, 'strayOp')!;
  return { kind: 'word', text: stray.image, quoted: false, span: tokenSpan(stray) };
}

function assignFromCst(cst: CstNode, src: SourceText, visitPipeline: PipelineVisitor): GenericArg {
  const name = fieldNameFromCst(node(cst, 'name')!, src);
  const op = token(cst, 'op')!;
  const valueNode = node(cst, 'value');
  const opEnd = tokenSpan(op).end;
  const value: GenericArg = valueNode
    ? atomFromCst(valueNode, src, visitPipeline)
    : { kind: 'word', text: '', quoted: true, span: { start: opEnd, end: opEnd } };
  const opText = (op.image === '==' ? '=' : op.image) as SearchCompareOp;
  return { kind: 'assign', name: name.name, op: opText, value, span: nodeSpan(cst) };
}

function atomFromCst(cst: CstNode, src: SourceText, visitPipeline: PipelineVisitor): GenericArg {
  const str = token(cst, 'StringLiteral');
  if (str) return { kind: 'word', text: stringContent(str), quoted: true, span: tokenSpan(str) };
  const q = token(cst, 'QuotedName');
  if (q) return { kind: 'word', text: q.image, quoted: false, span: tokenSpan(q) };
  const word = wordText(node(cst, 'word')!, src);
  if (!token(cst, 'LParen')) return { kind: 'word', text: word.text, quoted: false, span: word.span };
  const groups: GenericArg[][] = [[]];
  for (const el of nodes(cst, 'callArgs')) {
    const arg = genericArgFromCst(el, src, visitPipeline);
    if (arg.kind === 'comma') groups.push([]);
    else groups[groups.length - 1]!.push(arg);
  }
  const args = groups.length === 1 && groups[0]!.length === 0 ? [] : groups;
  return { kind: 'call', name: word.text, args, span: nodeSpan(cst) };
}

