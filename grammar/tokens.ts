// SPL tokens. Words are split into small parts; the parser glues adjacent parts back into search words,
// so the same token stream serves both the search language (`*.exe`, `web-01`) and eval (`x-1`, `a*b`).
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';

// Every token says whether it can hold a line break (`line_breaks`), so that the lexer does not analyse each pattern
// for it at start-up (~5 ms); QuotedName can hold a \r.
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED, line_breaks: true });
/** Triple-backtick comments are dropped by the lexer. */
export const Comment = createToken({ name: 'Comment', pattern: /```[\s\S]*?```/, group: Lexer.SKIPPED, line_breaks: true });
export const UnterminatedComment = createToken({ name: 'UnterminatedComment', pattern: /```[\s\S]*/, line_breaks: true });
/** A backtick macro call left in the text (macros are expanded before parsing). */
export const MacroCall = createToken({ name: 'MacroCall', pattern: /`[^`]*`?/, line_breaks: true });

export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /"(?:[^"\\]|\\[\s\S])*"/, line_breaks: true });
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /"(?:[^"\\]|\\[\s\S])*/, line_breaks: true });
/** Single-quoted text: a field name in eval, literal text elsewhere. */
export const QuotedName = createToken({ name: 'QuotedName', pattern: /'(?:[^'\\\n]|\\.)*'/, line_breaks: true }); // \r can occur

export const Pipe = createToken({ name: 'Pipe', pattern: /\|/, line_breaks: false });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/, line_breaks: false });
export const RBracket = createToken({ name: 'RBracket', pattern: /]/, line_breaks: false });
export const LParen = createToken({ name: 'LParen', pattern: /\(/, line_breaks: false });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, line_breaks: false });
export const Comma = createToken({ name: 'Comma', pattern: /,/, line_breaks: false });

/** Any comparison operator (category). */
export const CompareOp = createToken({ name: 'CompareOp', pattern: Lexer.NA });
export const EqEq = createToken({ name: 'EqEq', pattern: /==/, categories: [CompareOp], line_breaks: false });
export const NotEq = createToken({ name: 'NotEq', pattern: /!=/, categories: [CompareOp], line_breaks: false });
export const LtEq = createToken({ name: 'LtEq', pattern: /<=/, categories: [CompareOp], line_breaks: false });
export const GtEq = createToken({ name: 'GtEq', pattern: />=/, categories: [CompareOp], line_breaks: false });
export const Eq = createToken({ name: 'Eq', pattern: /=/, categories: [CompareOp], line_breaks: false });

/** Parts that glue into search words when nothing separates them. */
export const WordPart = createToken({ name: 'WordPart', pattern: Lexer.NA });
/** `<<FIELD>>` templates of foreach. Must precede `<`. */
export const Template = createToken({ name: 'Template', pattern: /<<[A-Za-z_]+>>/, categories: [WordPart], line_breaks: false });
export const Lt = createToken({ name: 'Lt', pattern: /</, categories: [CompareOp], line_breaks: false });
export const Gt = createToken({ name: 'Gt', pattern: />/, categories: [CompareOp], line_breaks: false });

export const Plus = createToken({ name: 'Plus', pattern: /\+/, categories: [WordPart], line_breaks: false });
export const Minus = createToken({ name: 'Minus', pattern: /-/, categories: [WordPart], line_breaks: false });
export const Star = createToken({ name: 'Star', pattern: /\*/, categories: [WordPart], line_breaks: false });
export const Slash = createToken({ name: 'Slash', pattern: /\//, categories: [WordPart], line_breaks: false });
export const Percent = createToken({ name: 'Percent', pattern: /%/, categories: [WordPart], line_breaks: false });
export const Dot = createToken({ name: 'Dot', pattern: /\./, categories: [WordPart], line_breaks: false });
export const Bang = createToken({ name: 'Bang', pattern: /!/, categories: [WordPart], line_breaks: false });
export const Apostrophe = createToken({ name: 'Apostrophe', pattern: /'/, categories: [WordPart], line_breaks: false });

/** Characters that never start a Word (delimiters, operators, quotes, white space). */
const NON_WORD_START = new Set([...' \t\n\r\f\v|()[]",=!<>+-*/%.`\'']);

/**
 * The start characters of a Word for the lexer's first-character optimisation (the pattern is a complement set,
 * which chevrotain cannot read). Chevrotain gives each code unit below 256 its own table entry and files those
 * above in buckets (`255 + floor(code / 255)`), so one start character per bucket stands for all of it: the hint is
 * the ~250 Latin-1 starts plus one per bucket, ~500 codes. Listing all ~65,500 code units gave the same tables
 * and cost ~30 ms of every start-up. test/grammar/lexer-hints.test.ts lexes every code unit to check nothing
 * that can start a Word is missed.
 */
export function wordStartChars(): number[] {
  const space = /\s/;
  const startsWord = (code: number): boolean => {
    const ch = String.fromCharCode(code);
    return !NON_WORD_START.has(ch) && !space.test(ch);
  };
  const out: number[] = [];
  for (let code = 0; code < 256; code++) if (startsWord(code)) out.push(code);
  for (let bucket = 1; 255 * bucket < 0x10000; bucket++) {
    const last = Math.min(255 * bucket + 254, 0xffff);
    for (let code = Math.max(255 * bucket, 256); code <= last; code++) {
      if (startsWord(code)) {
        out.push(code);
        break;
      }
    }
  }
  return out;
}

/** Plain word text: letters, digits and punctuation that is not an operator or delimiter. */
export const Word = createToken({
  name: 'Word',
  // A backslash escapes the next character (`\"` inside an unquoted term does not start a string).
  pattern: /(?:[^\s|()[\]",=!<>+\-*/%.`'\\]|\\\S?)(?:[^\s|()[\]",=!<>+\-*/%.`\\]|\\\S?)*/,
  start_chars_hint: wordStartChars(),
  line_breaks: false,
  categories: [WordPart],
});
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/,
  categories: [WordPart],
  longer_alt: Word,
  line_breaks: false,
});

/** Keywords are non-reserved: each is also a Word, so it works as a field name anywhere a name is expected. */
function keyword(name: string): TokenType {
  return createToken({ name, pattern: new RegExp(name.toLowerCase(), 'i'), longer_alt: Word, categories: [Word, WordPart], line_breaks: false });
}
export const And = keyword('AND');
export const Or = keyword('OR');
export const Not = keyword('NOT');
export const Xor = keyword('XOR');
export const By = keyword('BY');
export const As = keyword('AS');
export const In = keyword('IN');
export const Like = keyword('LIKE');

export const KEYWORDS = [And, Or, Not, Xor, By, As, In, Like];

/** Lexer order matters: longer/more specific patterns first, keywords before Word. */
export const ALL_TOKENS: TokenType[] = [
  WhiteSpace, Comment, UnterminatedComment, MacroCall,
  StringLiteral, UnterminatedString, QuotedName,
  Pipe, LBracket, RBracket, LParen, RParen, Comma,
  CompareOp, EqEq, NotEq, LtEq, GtEq, Eq, WordPart, Template, Lt, Gt,
  Plus, Minus, Star, Slash, Percent, NumberLiteral, Dot, Bang, Apostrophe,
  ...KEYWORDS, Word,
];

let lexer: Lexer | undefined;

/** A lexer over the token set; `validate` runs chevrotain's token checks (a test does; start-up skips them). */
export function createSplLexer(validate: boolean): Lexer {
  return new Lexer(ALL_TOKENS, { ensureOptimizations: true, positionTracking: 'full', skipValidations: !validate });
}

/** The lexer, built on first use (its first-character tables take a moment to build). */
export function splLexer(): Lexer {
  lexer ??= createSplLexer(false);
  return lexer;
}

const KEYWORD_SET = new Set<TokenType>(KEYWORDS);
const COMPARE_SET = new Set<TokenType>([EqEq, NotEq, LtEq, GtEq, Eq, Lt, Gt]);
const WORD_PART_SET = new Set<TokenType>([Template, Plus, Minus, Star, Slash, Percent, Dot, Bang, Apostrophe, Word, NumberLiteral, ...KEYWORDS]);

export const isKeywordType = (t: TokenType): boolean => KEYWORD_SET.has(t);
export const isWordToken = (tok: IToken): boolean => tok.tokenType === Word || KEYWORD_SET.has(tok.tokenType);
export const isWordPart = (tok: IToken): boolean => WORD_PART_SET.has(tok.tokenType);
export const isCompareOp = (tok: IToken): boolean => COMPARE_SET.has(tok.tokenType);
