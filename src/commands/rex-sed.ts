// rex mode=sed: compile `s/regex/replacement/flags` and `y/from/to/` once into a text edit.
import { SplError, type Span } from '../errors.js';
import { compilePcre } from '../regex/pcre.js';
import { stepPastEmptyMatch } from './rex-extract.js';

/** Edits a text; returns the same string when nothing changed. */
export type SedEdit = (text: string) => string;

/** A piece of an `s` replacement: literal text or a reference to a JS match index. */
type ReplacementPiece = string | { group: number };

/** Compile a sed expression; errors point at the expression's span. */
export function compileSedExpression(expression: string, span: Span): SedEdit {
  const command = expression[0];
  if ((command !== 's' && command !== 'y') || expression.length < 2) {
    throw new SplError('bad-argument', 'rex mode=sed supports only "s/regex/replacement/flags" and "y/from/to/"', span);
  }
  if (/[\sA-Za-z0-9\\]/.test(expression[1]!)) {
    throw new SplError('bad-argument', `sed delimiter must be a punctuation character such as "/", got "${expression[1]}"`, span);
  }
  const parts = splitOnDelimiter(expression, span);
  return command === 's' ? compileSubstitution(parts, span) : compileTransliteration(parts, span);
}

/** The three parts after the command letter, split on the (unescaped) delimiter that follows it. */
function splitOnDelimiter(expression: string, span: Span): [string, string, string] {
  const delimiter = expression[1]!;
  const parts: string[] = [];
  let current = '';
  for (let i = 2; i < expression.length; i++) {
    const ch = expression[i]!;
    if (ch === '\\' && i + 1 < expression.length) {
      current += ch + expression[++i];
    } else if (ch === delimiter && parts.length < 2) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (parts.length < 2) {
    throw new SplError('bad-argument', `sed expression "${expression}" is unterminated: expected ${expression[0]}${delimiter}...${delimiter}...${delimiter}`, span);
  }
  // An escaped delimiter stays escaped: `\/` reads as a literal `/` in the regex, the replacement and y lists.
  return [parts[0]!, parts[1]!, current];
}

function compileSubstitution([pattern, replacement, flags]: [string, string, string], span: Span): SedEdit {
  const { global, nth } = parseFlags(flags, span);
  const compiled = compilePcre(pattern, { global: true, span });
  const pieces = parseReplacement(replacement, compiled.groupIndex, span);
  const regex = compiled.regex;
  return (text) => {
    regex.lastIndex = 0;
    let out = '';
    let copiedUpTo = 0;
    let seen = 0;
    let match: RegExpExecArray | null;
    while ((match = regex.exec(text)) !== null) {
      seen++;
      if (seen >= nth) {
        out += text.slice(copiedUpTo, match.index) + render(pieces, match);
        copiedUpTo = match.index + match[0].length;
        if (!global) break;
      }
      if (match[0] === '') regex.lastIndex = stepPastEmptyMatch(text, match.index);
    }
    return seen < nth ? text : out + text.slice(copiedUpTo);
  };
}

/** Flags: none (first match), `g` (all), `N` (the Nth match only), `Ng` (the Nth and later ones, as GNU sed). */
function parseFlags(flags: string, span: Span): { global: boolean; nth: number } {
  const m = /^(\d*)(g?)$/.exec(flags);
  const nth = m?.[1] ? Number(m[1]) : 1;
  if (!m || nth < 1) {
    throw new SplError('bad-argument', `sed flags must be "g", a match number N, or Ng; got "${flags}"`, span);
  }
  return { global: m[2] === 'g', nth };
}

/** `\1`..`\9` are back-references (PCRE group numbers), `\n` newline, `\t` tab, `\x` any other char literally. */
function parseReplacement(text: string, groupIndex: number[], span: Span): ReplacementPiece[] {
  const pieces: ReplacementPiece[] = [];
  let literal = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '\\' || i + 1 === text.length) {
      literal += ch;
      continue;
    }
    const next = text[++i]!;
    if (next >= '0' && next <= '9') {
      const group = Number(next);
      if (group >= groupIndex.length) {
        throw new SplError('bad-argument', `sed replacement refers to group \\${group}, but the regex has ${groupIndex.length - 1} group(s)`, span);
      }
      if (literal) pieces.push(literal);
      literal = '';
      pieces.push({ group: groupIndex[group]! });
    } else literal += next === 'n' ? '\n' : next === 't' ? '\t' : next;
  }
  if (literal) pieces.push(literal);
  return pieces;
}

function render(pieces: ReplacementPiece[], match: RegExpExecArray): string {
  let out = '';
  for (const piece of pieces) out += typeof piece === 'string' ? piece : (match[piece.group] ?? '');
  return out;
}

/** `y/abc/xyz/`: each character of the first list becomes the character at the same place in the second. */
function compileTransliteration([from, to, rest]: [string, string, string], span: Span): SedEdit {
  const source = [...unescapeTransliteration(from)];
  const target = [...unescapeTransliteration(to)];
  if (rest !== '') throw new SplError('bad-argument', `sed "y" takes no flags; got "${rest}"`, span);
  if (source.length !== target.length) {
    throw new SplError('bad-argument', `sed "y" needs lists of equal length (${source.length} and ${target.length} characters)`, span);
  }
  const map = new Map<string, string>();
  source.forEach((ch, i) => map.set(ch, target[i]!));
  return (text) => {
    let out = '';
    let changed = false;
    for (const ch of text) {
      const mapped = map.get(ch);
      if (mapped !== undefined && mapped !== ch) changed = true;
      out += mapped ?? ch;
    }
    return changed ? out : text;
  };
}

function unescapeTransliteration(text: string): string {
  return text.replace(/\\(.)/gsu, (_, ch: string) => (ch === 'n' ? '\n' : ch === 't' ? '\t' : ch));
}
