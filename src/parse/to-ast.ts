// The CST visitor: turns the pure grammar's CST into the typed AST (src/ast.ts), one function per rule.
import type { CstNode } from 'chevrotain';
import type {
  Aggregate, AggregateArg, Command, ConvertCommand, EvalCommand, FieldsCommand, HeadCommand, Pipeline, RenameCommand,
  RexCommand, SearchCommand, SearchExpr, StatsCommand, TableCommand, WhereCommand,
} from '../ast.js';
import { SplError } from '../errors.js';
import { node, nodes, nodeSpan, stringContent, token, tokens, tokenSpan } from './cst-util.js';
import { evalExprFromCst } from './to-ast-eval.js';
import { genericCommandFromCst } from './to-ast-generic.js';
import { fieldNameFromCst, integerOption, optionFromCst, searchLiteralFromCst, wordText, type SourceText } from './to-ast-words.js';

export function pipelineFromCst(cst: CstNode, src: SourceText): Pipeline {
  const commands: Command[] = [];
  const first = node(cst, 'firstSearch');
  if (first) commands.push(firstSearchFromCst(first, src));
  for (const c of nodes(cst, 'command')) commands.push(commandFromCst(c, src));
  return { kind: 'pipeline', leadingPipe: token(cst, 'leadingPipe') !== undefined, commands, span: nodeSpan(cst) };
}

function firstSearchFromCst(cst: CstNode, src: SourceText): SearchCommand {
  const expr = node(cst, 'searchExpr');
  return {
    kind: 'search',
    implicit: token(cst, 'name') === undefined,
    expr: expr ? searchExprFromCst(expr, src) : null,
    span: nodeSpan(cst),
  };
}

const COMMAND_VISITORS: Record<string, (cst: CstNode, src: SourceText) => Command> = {
  searchCommand: (cst, src) => {
    const expr = node(cst, 'searchExpr');
    return { kind: 'search', implicit: false, expr: expr ? searchExprFromCst(expr, src) : null, span: nodeSpan(cst) };
  },
  rexCommand: rexFromCst,
  statsCommand: statsFromCst,
  renameCommand: renameFromCst,
  convertCommand: convertFromCst,
  evalCommand: evalFromCst,
  whereCommand: (cst, src): WhereCommand => ({ kind: 'where', expr: evalExprFromCst(node(cst, 'evalExpr')!, src), span: nodeSpan(cst) }),
  fieldsCommand: fieldsFromCst,
  tableCommand: (cst, src): TableCommand => ({ kind: 'table', fields: fieldList(cst, src), span: nodeSpan(cst) }),
  headCommand: headFromCst,
  genericCommand: (cst, src) => genericCommandFromCst(cst, src, pipelineFromCst),
};

function commandFromCst(cst: CstNode, src: SourceText): Command {
  const [ruleName] = Object.keys(cst.children);
  const inner = node(cst, ruleName!)!;
  return COMMAND_VISITORS[inner.name]!(inner, src);
}

// ------------------------------------------------------------------ search expressions

export function searchExprFromCst(cst: CstNode, src: SourceText): SearchExpr {
  switch (cst.name) {
    case 'searchExpr':
      return flatten('and', nodes(cst, 'items').map((n) => searchExprFromCst(n, src)), nodeSpan(cst));
    case 'searchOr':
      return flatten('or', nodes(cst, 'items').map((n) => searchExprFromCst(n, src)), nodeSpan(cst));
    case 'searchNot': {
      const negated = node(cst, 'negated');
      if (negated) return { kind: 'not', expr: searchExprFromCst(negated, src), span: nodeSpan(cst) };
      return searchExprFromCst(node(cst, 'searchPrimary')!, src);
    }
    case 'searchPrimary':
      return searchPrimaryFromCst(cst, src);
    default:
      throw new Error(`unexpected search CST node ${cst.name}`);
  }
}

/** One item stays itself; nested and/or of the same kind are merged (the operators are associative). */
function flatten(kind: 'and' | 'or', items: SearchExpr[], span: SearchExpr['span']): SearchExpr {
  if (items.length === 1) return items[0]!;
  const merged = items.flatMap((i) => (i.kind === kind ? i.items : [i]));
  return { kind, items: merged, span };
}

function searchPrimaryFromCst(cst: CstNode, src: SourceText): SearchExpr {
  const inner = node(cst, 'searchExpr');
  if (inner) return searchExprFromCst(inner, src);
  const sub = node(cst, 'bracketPipeline');
  if (sub) return { kind: 'subsearch', pipeline: pipelineFromCst(sub, src), span: nodeSpan(sub) };
  const cmp = node(cst, 'searchCompare');
  if (cmp) {
    const field = fieldNameFromCst(node(cmp, 'field')!, src);
    const value = node(cmp, 'value');
    const op = token(cmp, 'op')!;
    const opText = op.image === '==' ? '=' : (op.image as '=' | '!=' | '<' | '<=' | '>' | '>=');
    const empty = { text: '', quoted: true, span: { start: tokenSpan(op).end, end: tokenSpan(op).end } };
    return {
      kind: 'compare', field: field.name, fieldSpan: field.span, op: opText,
      value: value ? searchLiteralFromCst(value, src) : empty, span: nodeSpan(cmp),
    };
  }
  const inList = node(cst, 'searchIn');
  if (inList) {
    const field = fieldNameFromCst(node(inList, 'field')!, src);
    const values = nodes(inList, 'values').map((v) => searchLiteralFromCst(v, src));
    return { kind: 'in', field: field.name, fieldSpan: field.span, values, span: nodeSpan(inList) };
  }
  const term = searchLiteralFromCst(node(cst, 'term')!, src);
  return { kind: 'term', value: term, span: term.span };
}

// ------------------------------------------------------------------ typed commands

function rexFromCst(cst: CstNode, src: SourceText): RexCommand {
  const options = nodes(cst, 'options').map((o) => optionFromCst(o, src));
  const patterns = tokens(cst, 'pattern');
  if (patterns.length !== 1) {
    const where = patterns[1] ? tokenSpan(patterns[1]) : nodeSpan(cst);
    throw new SplError('bad-argument', patterns.length === 0 ? 'rex needs a quoted regular expression' : 'rex takes exactly one regular expression', where);
  }
  const get = (name: string) => options.find((o) => o.name.toLowerCase() === name);
  const mode = get('mode');
  if (mode && mode.value !== 'sed') throw new SplError('bad-option', `rex: mode must be "sed", got "${mode.value}"`, mode.span);
  const maxMatch = get('max_match');
  const pattern = patterns[0]!;
  return {
    kind: 'rex',
    field: get('field')?.value ?? null,
    mode: mode ? 'sed' : null,
    pattern: stringContent(pattern),
    patternSpan: tokenSpan(pattern),
    maxMatch: maxMatch ? integerOption(maxMatch, 'rex') : null,
    offsetField: get('offset_field')?.value ?? null,
    options,
    span: nodeSpan(cst),
  };
}

function statsFromCst(cst: CstNode, src: SourceText): StatsCommand {
  const command = token(cst, 'name')!.image.toLowerCase() as StatsCommand['command'];
  const aggregates = nodes(cst, 'aggregates').map((a) => aggregateFromCst(a, src));
  if (aggregates.length === 0 && command !== 'streamstats') {
    throw new SplError('bad-argument', `${command} needs at least one aggregate function, e.g. count`, nodeSpan(cst));
  }
  return {
    kind: 'stats',
    command,
    options: nodes(cst, 'options').map((o) => optionFromCst(o, src)),
    aggregates,
    by: nodes(cst, 'by').map((b) => fieldNameFromCst(b, src)),
    trailingOptions: nodes(cst, 'trailing').map((o) => optionFromCst(o, src)),
    span: nodeSpan(cst),
  };
}

function aggregateFromCst(cst: CstNode, src: SourceText): Aggregate {
  let arg: AggregateArg | null = null;
  const expr = node(cst, 'evalExpr');
  const field = node(cst, 'field');
  if (expr) arg = { kind: 'eval', expr: evalExprFromCst(expr, src), span: nodeSpan(expr) };
  else if (field) {
    const f = fieldNameFromCst(field, src);
    arg = { kind: 'field', name: f.name, quoted: f.quoted, span: f.span };
  }
  const as = node(cst, 'as');
  return {
    fn: token(cst, 'fn')!.image + tokens(cst, 'fnRest').map((t) => t.image).join(''),
    arg,
    params: nodes(cst, 'params').map((p) => wordText(p, src).text),
    as: as ? fieldNameFromCst(as, src) : null,
    span: nodeSpan(cst),
  };
}

function renameFromCst(cst: CstNode, src: SourceText): RenameCommand {
  const pairs = nodes(cst, 'pairs').map((p) => ({
    from: fieldNameFromCst(node(p, 'from')!, src),
    to: fieldNameFromCst(node(p, 'to')!, src),
    span: nodeSpan(p),
  }));
  return { kind: 'rename', pairs, span: nodeSpan(cst) };
}

function convertFromCst(cst: CstNode, src: SourceText): ConvertCommand {
  const conversions = nodes(cst, 'conversions').map((c) => {
    const as = node(c, 'as');
    return {
      fn: token(c, 'fn')!.image.toLowerCase(),
      field: fieldNameFromCst(node(c, 'field')!, src),
      as: as ? fieldNameFromCst(as, src) : null,
      span: nodeSpan(c),
    };
  });
  return { kind: 'convert', options: nodes(cst, 'options').map((o) => optionFromCst(o, src)), conversions, span: nodeSpan(cst) };
}

function evalFromCst(cst: CstNode, src: SourceText): EvalCommand {
  const assignments = nodes(cst, 'assignments').map((a) => ({
    field: fieldNameFromCst(node(a, 'target')!, src),
    expr: evalExprFromCst(node(a, 'evalExpr')!, src),
    span: nodeSpan(a),
  }));
  return { kind: 'eval', assignments, span: nodeSpan(cst) };
}

function fieldList(cst: CstNode, src: SourceText) {
  const list = node(cst, 'fieldList');
  return list ? nodes(list, 'fieldName').map((f) => fieldNameFromCst(f, src)) : [];
}

function fieldsFromCst(cst: CstNode, src: SourceText): FieldsCommand {
  const mode = token(cst, 'mode');
  return { kind: 'fields', mode: mode?.image === '-' ? '-' : '+', explicitMode: mode !== undefined, fields: fieldList(cst, src), span: nodeSpan(cst) };
}

function headFromCst(cst: CstNode, src: SourceText): HeadCommand {
  const options = nodes(cst, 'options').map((o) => optionFromCst(o, src));
  const limitTok = token(cst, 'limit');
  const limitOpt = options.find((o) => o.name.toLowerCase() === 'limit');
  const expr = node(cst, 'evalExpr');
  let limit: number | null = null;
  if (limitTok) {
    if (!/^\d+$/.test(limitTok.image)) throw new SplError('bad-argument', `head: the limit must be a whole number, got ${limitTok.image}`, tokenSpan(limitTok));
    limit = Number(limitTok.image);
  } else if (limitOpt) limit = integerOption(limitOpt, 'head');
  return { kind: 'head', limit, expr: expr ? evalExprFromCst(expr, src) : null, options, span: nodeSpan(cst) };
}
