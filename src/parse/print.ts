// The printer: any AST back to SPL text that parses to the same AST (spans aside).
import type {
  Aggregate, Command, CommandOption, EvalExpr, FieldName, GenericArg, GenericCommand, Pipeline, SearchExpr, SearchLiteral,
} from '../ast.js';
import { assertNever } from '../ast.js';

/** Quote text for a "double quoted" SPL string so that unescaping gives the text back. */
export function quoteSpl(text: string): string {
  return `"${text.replace(/\\(?=["\\|]|$)/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Single-quoted text is kept verbatim (quotes included) by the parser, so it prints back as written. */
const SINGLE_QUOTED = /^'(?:[^'\\\n]|\\.)*'$/;

/** Escape an unquoted word's text (its `"`, `|` and significant backslashes were unescaped when parsed). */
function escapeWord(text: string): string {
  if (SINGLE_QUOTED.test(text)) return text;
  return text.replace(/\\(?=["\\|]|$)/g, '\\\\').replace(/"/g, '\\"').replace(/\|/g, '\\|');
}

/**
 * A name that lexes back as one glued word (or word with a `(suffix)`). A `'` only continues a word after a
 * letter-like character; after a digit, operator or `.` it could start a 'quoted name'.
 */
const PLAIN_NAME = /^[^\s|()[\]",=!<>`'\\](?:[^\s|[\]",=!<>`'\\]|(?<=[^\s|()[\]",=!<>+\-*/%.`'\\\d])')*$/;

/** foreach templates such as `<<FIELD>>_count` lex back as one name too. */
const TEMPLATE_NAME = /^(?:[^\s|()[\]",=!<>`'\\]*<<[A-Za-z_]+>>)+[^\s|()[\]",=!<>`'\\]*$/;

function printName(name: string, quoted: boolean): string {
  return quoted || !(PLAIN_NAME.test(name) || TEMPLATE_NAME.test(name)) ? quoteSpl(name) : name;
}

const printField = (f: FieldName): string => printName(f.name, f.quoted);

/** Leading words that would be read as a search operator or (first in a search or subsearch) as a command name. */
const OPERATOR_START = /^(?:AND|OR|NOT)(?![^\s|()[\]",=!<>+\-*/%.`'\\])/;
const COMMAND_START = /^(?:search|rex|stats|eventstats|streamstats|rename|convert|eval|where|fields|table|head)(?![^\s|()[\]",=!<>+\-*/%.`'\\])/i;

/** A name before an operator (`name=value`, `name IN (...)`): no `(suffix)` possible, and no operator or command word first. */
function printOperandName(name: string): string {
  const needsQuotes = /[()]/.test(name) || OPERATOR_START.test(name) || COMMAND_START.test(name);
  return needsQuotes ? quoteSpl(name) : printName(name, false);
}

function printOption(o: CommandOption): string {
  return `${o.name}=${o.quoted ? quoteSpl(o.value) : escapeWord(o.value)}`;
}

export function printPipeline(p: Pipeline): string {
  return (p.leadingPipe ? '| ' : '') + p.commands.map(printCommand).join(' | ');
}

export function printCommand(c: Command): string {
  switch (c.kind) {
    case 'search': {
      const expr = c.expr ? printSearch(c.expr) : '';
      return c.implicit ? expr : `search ${expr}`.trimEnd();
    }
    case 'rex':
      return ['rex', ...c.options.map(printOption), quoteSpl(c.pattern)].join(' ');
    case 'stats':
      return [c.command, ...c.options.map(printOption), ...c.aggregates.map(printAggregate),
        ...(c.by.length ? ['by', c.by.map(printField).join(', ')] : []), ...c.trailingOptions.map(printOption)].join(' ');
    case 'rename':
      return `rename ${c.pairs.map((p) => `${printField(p.from)} AS ${printField(p.to)}`).join(', ')}`;
    case 'convert':
      return ['convert', ...c.options.map(printOption),
        ...c.conversions.map((v) => `${v.fn}(${printField(v.field)})${v.as ? ` AS ${printField(v.as)}` : ''}`)].join(' ');
    case 'eval':
      return `eval ${c.assignments.map((a) => `${printField(a.field)}=${printEval(a.expr)}`).join(', ')}`;
    case 'where':
      return `where ${printEval(c.expr)}`;
    case 'fields':
      return ['fields', ...(c.explicitMode ? [c.mode] : []), c.fields.map(printField).join(', ')].join(' ').trimEnd();
    case 'table':
      return `table ${c.fields.map(printField).join(', ')}`.trimEnd();
    case 'head': {
      const hasLimitOption = c.options.some((o) => o.name.toLowerCase() === 'limit');
      return ['head', ...(c.limit !== null && !hasLimitOption ? [String(c.limit)] : []), ...c.options.map(printOption),
        ...(c.expr ? [`(${printEval(c.expr)})`] : [])].join(' ');
    }
    case 'generic':
      return printGeneric(c);
    default:
      return assertNever(c);
  }
}

function printAggregate(a: Aggregate): string {
  let text = a.fn;
  if (a.arg || a.params.length) {
    const arg = !a.arg ? '' : a.arg.kind === 'eval' ? `eval(${printEval(a.arg.expr)})` : printName(a.arg.name, a.arg.quoted);
    text += `(${[arg, ...a.params].join(', ')})`;
  }
  return a.as ? `${text} AS ${printField(a.as)}` : text;
}

// ------------------------------------------------------------------ search

function printLiteral(l: SearchLiteral): string {
  const body = l.quoted ? quoteSpl(l.text) : escapeWord(l.text);
  return l.modifier ? `${l.modifier}(${body})` : body;
}

export function printSearch(e: SearchExpr): string {
  switch (e.kind) {
    case 'and':
      return e.items.map((i) => (i.kind === 'and' ? `(${printSearch(i)})` : printSearch(i))).join(' ');
    case 'or':
      return e.items.map((i) => (i.kind === 'and' || i.kind === 'or' ? `(${printSearch(i)})` : printSearch(i))).join(' OR ');
    case 'not':
      return `NOT ${e.expr.kind === 'and' || e.expr.kind === 'or' ? `(${printSearch(e.expr)})` : printSearch(e.expr)}`;
    case 'term':
      return printLiteral(e.value);
    case 'compare':
      return `${printOperandName(e.field)}${e.op}${printLiteral(e.value)}`;
    case 'in':
      return `${printOperandName(e.field)} IN (${e.values.map(printLiteral).join(', ')})`;
    case 'subsearch':
      return `[${printPipeline(e.pipeline)}]`;
    default:
      return assertNever(e);
  }
}

// ------------------------------------------------------------------ eval

const LEVEL: Record<string, number> = {
  XOR: 1, OR: 2, AND: 3, '=': 5, '==': 5, '!=': 5, '<': 5, '<=': 5, '>': 5, '>=': 5, LIKE: 5,
  '+': 6, '-': 6, '.': 6, '*': 7, '/': 7, '%': 7,
};

function level(e: EvalExpr): number {
  if (e.kind === 'binary') return LEVEL[e.op]!;
  if (e.kind === 'unary') return e.op === 'NOT' ? 4 : 8;
  if (e.kind === 'in') return 5;
  if (e.kind === 'number' && e.value < 0) return 8;
  return 9;
}

function wrap(e: EvalExpr, min: number): string {
  const text = printEval(e);
  return level(e) < min ? `(${text})` : text;
}

export function printEval(e: EvalExpr): string {
  switch (e.kind) {
    case 'number':
      return e.text;
    case 'string':
      return quoteSpl(e.value);
    case 'field':
      return e.quoted ? `'${e.name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : e.name;
    case 'call':
      return `${e.name}(${e.args.map((a) => printEval(a)).join(', ')})`;
    case 'binary': {
      const l = LEVEL[e.op]!;
      const leftMin = l === 5 ? 6 : l;
      return `${wrap(e.left, leftMin)} ${e.op} ${wrap(e.right, l === 5 ? 6 : l + 1)}`;
    }
    case 'unary':
      return e.op === 'NOT' ? `NOT ${wrap(e.expr, 4)}` : `${e.op}${wrap(e.expr, 8)}`;
    case 'in':
      return `${wrap(e.expr, 6)} ${e.negated ? 'NOT ' : ''}IN (${e.values.map((v) => printEval(v)).join(', ')})`;
    default:
      return assertNever(e);
  }
}

// ------------------------------------------------------------------ generic

function printGeneric(c: GenericCommand): string {
  const parts = [c.name];
  for (const clause of c.clauses) {
    if (clause.keyword) parts.push(clause.keyword);
    parts.push(...clause.args.map(printGenericArg));
  }
  return parts.join(' ');
}

export function printGenericArg(a: GenericArg): string {
  switch (a.kind) {
    case 'word':
      return a.quoted ? quoteSpl(a.text) : a.text;
    case 'assign':
      return `${printOperandName(a.name)}${a.op}${printGenericArg(a.value)}`;
    case 'call':
      return `${a.name}(${a.args.map((g) => g.map(printGenericArg).join(' ')).join(', ')})`;
    case 'group':
      return `(${a.items.map(printGenericArg).join(' ')})`;
    case 'subsearch':
      return `[${printPipeline(a.pipeline)}]`;
    case 'comma':
      return ',';
    default:
      return assertNever(a);
  }
}
