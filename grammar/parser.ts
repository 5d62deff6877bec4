// The pure SPL grammar (chevrotain CstParser): no actions, only structure. src/parse/to-ast.ts turns the CST into the AST.
import { CstParser, LLkLookaheadStrategy, type ILookaheadStrategy, type IOrAlt, type IToken, type TokenType } from 'chevrotain';
import * as T from './tokens.js';

/** Command names with a dedicated rule; everything else parses as a generic command. */
export const STATS_COMMANDS = new Set(['stats', 'eventstats', 'streamstats']);
const typed = (names: string[]) => new Set(names);
const SEARCH = typed(['search']);
const REX = typed(['rex']);
const RENAME = typed(['rename']);
const CONVERT = typed(['convert']);
const EVAL = typed(['eval']);
const WHERE = typed(['where']);
const FIELDS = typed(['fields']);
const TABLE = typed(['table']);
const HEAD = typed(['head']);
/** In a bracketed pipeline these names start a command, not search terms (`foreach * [eval ...]`). */
/**
 * Command names that start a `[ ]` pipeline without a leading pipe: typed commands (foreach templates), and generating
 * commands, which Splunk runs as commands at the start of a subsearch (`append [mstats ...]`, `join x [inputlookup t]`).
 */
const BRACKET_COMMANDS = typed([
  'rex', 'stats', 'eventstats', 'streamstats', 'rename', 'convert', 'eval', 'where', 'fields', 'table', 'head',
  'mstats', 'tstats', 'inputlookup', 'makeresults', 'datamodel', 'metadata', 'rest', 'loadjob', 'savedsearch',
  'inputcsv', 'gentimes', 'mcatalog', 'summary',
]);

type AlternationOptions = Parameters<ILookaheadStrategy['buildLookaheadForAlternation']>[0];
type OptionalOptions = Parameters<ILookaheadStrategy['buildLookaheadForOptional']>[0];

/**
 * Chevrotain's LL(k) lookahead, each decision's function built on its first use instead of all ~600 when the
 * parser is built: a query pays only for the productions it reaches (about half of the grammar analysis at
 * start-up). The functions built are the same, so parses are the same.
 */
class LazyLookahead extends LLkLookaheadStrategy {
  override buildLookaheadForAlternation(options: AlternationOptions): (orAlts?: IOrAlt<unknown>[]) => number | undefined {
    const build = (): ((orAlts?: IOrAlt<unknown>[]) => number | undefined) => super.buildLookaheadForAlternation(options);
    let built: ((orAlts?: IOrAlt<unknown>[]) => number | undefined) | undefined;
    return function lazyAlternation(this: unknown, orAlts?: IOrAlt<unknown>[]) {
      built ??= build();
      return built.call(this, orAlts);
    };
  }

  override buildLookaheadForOptional(options: OptionalOptions): () => boolean {
    const build = (): (() => boolean) => super.buildLookaheadForOptional(options);
    let built: (() => boolean) | undefined;
    return function lazyOptional(this: unknown) {
      built ??= build();
      return built.call(this);
    };
  }
}

const MAX_LOOKAHEAD = 2;

export class SplParser extends CstParser {
  /**
   * `validate`: run chevrotain's grammar checks (ambiguities, left recursion...) and build every lookahead
   * function up front. The checks cost ~20 ms of every start-up and only change when the grammar does, so the
   * shared instance skips them and builds lookahead lazily; a test builds the parser with `validate` on.
   */
  constructor(validate = false) {
    super(T.ALL_TOKENS, {
      maxLookahead: MAX_LOOKAHEAD,
      recoveryEnabled: false,
      nodeLocationTracking: 'onlyOffset',
      skipValidations: !validate,
      ...(validate ? {} : { lookaheadStrategy: new LazyLookahead({ maxLookahead: MAX_LOOKAHEAD }) }),
    });
    this.performSelfAnalysis();
  }

  /** True when the next token starts right where the previous one ended (no white space between). */
  private adjacent(): boolean {
    const prev = this.LA(0);
    const next = this.LA(1);
    return prev.endOffset !== undefined && next.startOffset === prev.endOffset + 1;
  }

  private nextIs(names: Set<string>): boolean {
    const tok = this.LA(1);
    return T.isWordToken(tok) && names.has(tok.image.toLowerCase());
  }

  private nextImageIs(tokenType: TokenType, image: string): boolean {
    const tok = this.LA(1);
    return tok.tokenType === tokenType && tok.image === image;
  }

  public query = this.RULE('query', () => {
    this.SUBRULE(this.pipeline);
  });

  public pipeline = this.RULE('pipeline', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Pipe, { LABEL: 'leadingPipe' });
          this.SUBRULE(this.command);
        },
      },
      { ALT: () => this.SUBRULE(this.firstSearch) },
    ]);
    this.MANY(() => {
      this.CONSUME2(T.Pipe);
      this.SUBRULE2(this.command);
    });
  });

  /** A pipeline inside `[ ]`: a subsearch, or a command template such as foreach's `[eval ...]`. */
  public bracketPipeline = this.RULE('bracketPipeline', () => {
    this.CONSUME(T.LBracket);
    this.OR({
      IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
      DEF: [
        {
          ALT: () => {
            this.CONSUME(T.Pipe, { LABEL: 'leadingPipe' });
            this.SUBRULE(this.command);
          },
        },
        { GATE: () => this.nextIs(BRACKET_COMMANDS), ALT: () => this.SUBRULE2(this.command) },
        { ALT: () => this.SUBRULE(this.firstSearch) },
      ],
    });
    this.MANY(() => {
      this.CONSUME2(T.Pipe);
      this.SUBRULE3(this.command);
    });
    this.CONSUME(T.RBracket);
  });

  /** The search at the start of a query: the `search` keyword is optional. */
  public firstSearch = this.RULE('firstSearch', () => {
    this.OPTION({ GATE: () => this.nextIs(SEARCH), DEF: () => this.CONSUME(T.Word, { LABEL: 'name' }) });
    this.OPTION2(() => this.SUBRULE(this.searchExpr));
  });

  public command = this.RULE('command', () => {
    // One token of lookahead: the command name alone picks the rule, so a typed command's own errors are reported
    // inside it instead of falling through to the generic rule.
    this.OR({
      MAX_LOOKAHEAD: 1,
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => this.nextIs(SEARCH), ALT: () => this.SUBRULE(this.searchCommand) },
        { GATE: () => this.nextIs(REX), ALT: () => this.SUBRULE(this.rexCommand) },
        { GATE: () => this.nextIs(STATS_COMMANDS), ALT: () => this.SUBRULE(this.statsCommand) },
        { GATE: () => this.nextIs(RENAME), ALT: () => this.SUBRULE(this.renameCommand) },
        { GATE: () => this.nextIs(CONVERT), ALT: () => this.SUBRULE(this.convertCommand) },
        { GATE: () => this.nextIs(EVAL), ALT: () => this.SUBRULE(this.evalCommand) },
        { GATE: () => this.nextIs(WHERE), ALT: () => this.SUBRULE(this.whereCommand) },
        { GATE: () => this.nextIs(FIELDS), ALT: () => this.SUBRULE(this.fieldsCommand) },
        { GATE: () => this.nextIs(TABLE), ALT: () => this.SUBRULE(this.tableCommand) },
        { GATE: () => this.nextIs(HEAD), ALT: () => this.SUBRULE(this.headCommand) },
        { ALT: () => this.SUBRULE(this.genericCommand) },
      ],
    });
  });

  // ------------------------------------------------------------ words

  /** Adjacent word parts glued into one word: `*.exe`, `web-01`, `Processes.dest`, `-70m@m`. */
  public word = this.RULE('word', () => {
    this.CONSUME(T.WordPart, { LABEL: 'parts' });
    this.MANY({ GATE: () => this.adjacent(), DEF: () => this.CONSUME2(T.WordPart, { LABEL: 'parts' }) });
  });

  /** A field name: a word, a "double" or 'single' quoted name. */
  public fieldName = this.RULE('fieldName', () => {
    this.OR([
      {
        ALT: () => {
          this.SUBRULE(this.word);
          // Names such as `aceFlags(inheritance)` or `predicted(x)` carry a parenthesised suffix.
          this.OPTION({
            GATE: () => this.adjacent() && this.LA(1).tokenType === T.LParen && this.LA(3).tokenType === T.RParen,
            DEF: () => {
              this.CONSUME(T.LParen, { LABEL: 'suffixOpen' });
              this.SUBRULE2(this.word, { LABEL: 'suffix' });
              this.CONSUME(T.RParen, { LABEL: 'suffixClose' });
            },
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.StringLiteral);
          // `"Web".*` (from drop_dm_object_name("Web")) names the pattern `Web.*`.
          this.OPTION2({ GATE: () => this.adjacent() && T.isWordPart(this.LA(1)), DEF: () => this.SUBRULE3(this.word, { LABEL: 'rest' }) });
        },
      },
      { ALT: () => this.CONSUME(T.QuotedName) },
    ]);
  });

  /** `name=value` command option. */
  public commandOption = this.RULE('commandOption', () => {
    this.CONSUME(T.Word, { LABEL: 'name' });
    this.CONSUME(T.Eq);
    this.OPTION({
      GATE: () => this.adjacent(),
      DEF: () =>
        this.OR([
          { ALT: () => this.SUBRULE(this.word, { LABEL: 'value' }) },
          { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: 'value' }) },
          { ALT: () => this.CONSUME(T.QuotedName, { LABEL: 'value' }) },
        ]),
    });
  });

  /** A field list separated by commas and/or spaces. */
  public fieldList = this.RULE('fieldList', () => {
    this.AT_LEAST_ONE(() => {
      this.MANY(() => this.CONSUME(T.Comma));
      this.SUBRULE(this.fieldName);
    });
    this.MANY2(() => this.CONSUME2(T.Comma));
  });

  // ------------------------------------------------------------ search expressions (NOT > OR > AND)

  public searchExpr = this.RULE('searchExpr', () => {
    this.AT_LEAST_ONE(() => {
      this.OPTION({ GATE: () => this.nextImageIs(T.And, 'AND'), DEF: () => this.CONSUME(T.And) });
      this.SUBRULE(this.searchOr, { LABEL: 'items' });
    });
  });

  public searchOr = this.RULE('searchOr', () => {
    this.SUBRULE(this.searchNot, { LABEL: 'items' });
    this.MANY({
      GATE: () => this.nextImageIs(T.Or, 'OR'),
      DEF: () => {
        this.CONSUME(T.Or);
        this.SUBRULE2(this.searchNot, { LABEL: 'items' });
      },
    });
  });

  public searchNot = this.RULE('searchNot', () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
      DEF: [
        {
          GATE: () => this.nextImageIs(T.Not, 'NOT'),
          ALT: () => {
            this.CONSUME(T.Not);
            this.SUBRULE(this.searchNot, { LABEL: 'negated' });
          },
        },
        { ALT: () => this.SUBRULE(this.searchPrimary) },
      ],
    });
  });

  public searchPrimary = this.RULE('searchPrimary', () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
      DEF: [
        {
          ALT: () => {
            this.CONSUME(T.LParen);
            this.SUBRULE(this.searchExpr);
            this.CONSUME(T.RParen);
          },
        },
        {
          ALT: () => this.SUBRULE(this.bracketPipeline),
        },
        { GATE: () => this.isComparison(), ALT: () => this.SUBRULE(this.searchCompare) },
        { GATE: () => this.isIn(), ALT: () => this.SUBRULE(this.searchIn) },
        { ALT: () => this.SUBRULE(this.searchLiteral, { LABEL: 'term' }) },
      ],
    });
  });

  /** Looks past a glued word for a comparison operator. */
  private afterWord(): IToken {
    let i = 1;
    const first = this.LA(i);
    if (first.tokenType === T.StringLiteral || first.tokenType === T.QuotedName) return this.LA(2);
    if (!T.isWordPart(first)) return first;
    while (T.isWordPart(this.LA(i + 1)) && this.LA(i + 1).startOffset === this.LA(i).endOffset! + 1) i++;
    return this.LA(i + 1);
  }

  private isComparison(): boolean {
    return T.isCompareOp(this.afterWord());
  }

  private isIn(): boolean {
    const after = this.afterWord();
    if (after.tokenType !== T.In) return false;
    // IN must be followed by a parenthesised list.
    let i = 1;
    while (this.LA(i) !== after) i++;
    return this.LA(i + 1).tokenType === T.LParen;
  }

  public searchCompare = this.RULE('searchCompare', () => {
    this.SUBRULE(this.fieldName, { LABEL: 'field' });
    const fieldEnd = this.LA(0).endOffset;
    const op = this.CONSUME(T.CompareOp, { LABEL: 'op' });
    const spaced = () => fieldEnd !== undefined && op.startOffset > fieldEnd + 1 && this.valueToken();
    this.OPTION({ GATE: () => this.adjacentValue() || spaced(), DEF: () => this.SUBRULE(this.searchLiteral, { LABEL: 'value' }) });
  });

  private valueToken(): boolean {
    const next = this.LA(1);
    return T.isWordPart(next) || next.tokenType === T.StringLiteral || next.tokenType === T.QuotedName;
  }

  /**
   * A comparison value must follow the operator directly (`x=` then space means the empty value), unless the
   * operator stands apart on both sides: `x = "v"` compares x with v (ESCU writes `Processes.process = "* save *"`).
   */
  private adjacentValue(): boolean {
    const next = this.LA(1);
    return this.adjacent() && (T.isWordPart(next) || next.tokenType === T.StringLiteral || next.tokenType === T.QuotedName);
  }

  public searchIn = this.RULE('searchIn', () => {
    this.SUBRULE(this.fieldName, { LABEL: 'field' });
    this.CONSUME(T.In);
    this.CONSUME(T.LParen);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Comma) },
        { ALT: () => this.SUBRULE(this.searchLiteral, { LABEL: 'values' }) },
      ]);
    });
    this.CONSUME(T.RParen);
  });

  /** A search term or value: word, "phrase", 'text', or CASE(...)/TERM(...). */
  public searchLiteral = this.RULE('searchLiteral', () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
      DEF: [
        {
          GATE: () => this.isModifierCall(),
          ALT: () => {
            this.CONSUME(T.Word, { LABEL: 'modifier' });
            this.CONSUME(T.LParen);
            this.SUBRULE(this.searchLiteral, { LABEL: 'inner' });
            this.CONSUME(T.RParen);
          },
        },
        {
          ALT: () => {
            this.SUBRULE(this.word);
            // `*GetCurrent()*`: an empty `()` glued to a word stays in the term (ESCU writes it unquoted). Only
            // the empty pair: `f(x)` keeps meaning `f x`, and an empty group is otherwise an error anyway.
            this.MANY({
              GATE: () => this.gluedEmptyParens(),
              DEF: () => {
                this.CONSUME2(T.LParen, { LABEL: 'emptyOpen' });
                this.CONSUME2(T.RParen, { LABEL: 'emptyClose' });
                this.OPTION({ GATE: () => this.adjacent() && T.isWordPart(this.LA(1)), DEF: () => this.SUBRULE2(this.word, { LABEL: 'tail' }) });
              },
            });
          },
        },
        { ALT: () => this.CONSUME(T.StringLiteral) },
        { ALT: () => this.CONSUME(T.QuotedName) },
      ],
    });
  });

  /** True at `()` written right after a word, with nothing between the parentheses. */
  private gluedEmptyParens(): boolean {
    const open = this.LA(1);
    const close = this.LA(2);
    return this.adjacent() && open.tokenType === T.LParen && close.tokenType === T.RParen && close.startOffset === open.endOffset! + 1;
  }

  private isModifierCall(): boolean {
    const tok = this.LA(1);
    const name = tok.image.toUpperCase();
    const paren = this.LA(2);
    return (name === 'CASE' || name === 'TERM') && paren.tokenType === T.LParen && paren.startOffset === tok.endOffset! + 1;
  }

  // ------------------------------------------------------------ typed commands

  public searchCommand = this.RULE('searchCommand', () => {
    this.CONSUME(T.Word, { LABEL: 'name' });
    this.OPTION(() => this.SUBRULE(this.searchExpr));
  });

  public rexCommand = this.RULE('rexCommand', () => {
    this.CONSUME(T.Word, { LABEL: 'name' });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.commandOption, { LABEL: 'options' }) },
        { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: 'pattern' }) },
      ]);
    });
  });

  public statsCommand = this.RULE('statsCommand', () => {
    this.CONSUME(T.Word, { LABEL: 'name' });
    this.MANY(() => this.SUBRULE(this.commandOption, { LABEL: 'options' }));
    this.MANY2({
      GATE: () => this.startsAggregate(),
      DEF: () => {
        this.OPTION(() => this.CONSUME(T.Comma));
        this.SUBRULE(this.aggregate, { LABEL: 'aggregates' });
      },
    });
    this.MANY5(() => this.CONSUME3(T.Comma));
    // BY alone decides (one token of lookahead), so `stats count by` with nothing after it reports a missing field.
    this.OPTION2({ MAX_LOOKAHEAD: 1, GATE: () => this.LA(2).tokenType !== T.Eq, DEF: () => {
      this.CONSUME(T.By);
      this.AT_LEAST_ONE({
        GATE: () => this.LA(2).tokenType !== T.Eq,
        DEF: () => {
          this.MANY4(() => this.CONSUME2(T.Comma));
          this.SUBRULE(this.fieldName, { LABEL: 'by' });
        },
      });
    } });
    this.MANY3(() => this.SUBRULE2(this.commandOption, { LABEL: 'trailing' }));
  });

  /** An aggregate follows (after an optional comma), not the BY keyword (`by(x)` would still be a function). */
  private startsAggregate(): boolean {
    const offset = this.LA(1).tokenType === T.Comma ? 1 : 0;
    return this.LA(1 + offset).tokenType !== T.By || this.LA(2 + offset).tokenType === T.LParen;
  }

  /** `fn`, `fn(field)`, `fn(eval(expr))`, `fn(field, param)`, each with optional `AS name`. */
  public aggregate = this.RULE('aggregate', () => {
    this.CONSUME(T.Word, { LABEL: 'fn' });
    // Fractional percentiles: `p99.9` lexes as p99 + .9.
    this.MANY4({ GATE: () => this.adjacent() && this.LA(1).tokenType === T.NumberLiteral, DEF: () => this.CONSUME3(T.NumberLiteral, { LABEL: 'fnRest' }) });
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.OPTION2(() => {
        this.OR({
          IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
          DEF: [
            {
              GATE: () => this.LA(1).image.toLowerCase() === 'eval' && this.LA(2).tokenType === T.LParen,
              ALT: () => {
                this.CONSUME2(T.Word, { LABEL: 'evalKeyword' });
                this.CONSUME2(T.LParen);
                this.SUBRULE(this.evalExpr);
                this.CONSUME2(T.RParen);
              },
            },
            { ALT: () => this.SUBRULE(this.fieldName, { LABEL: 'field' }) },
          ],
        });
      });
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.word, { LABEL: 'params' });
      });
      this.CONSUME(T.RParen);
    });
    this.OPTION3(() => {
      this.CONSUME(T.As);
      this.SUBRULE3(this.fieldName, { LABEL: 'as' });
    });
  });

  public renameCommand = this.RULE('renameCommand', () => {
    this.CONSUME(T.Word, { LABEL: 'name' });
    this.AT_LEAST_ONE(() => {
      this.OPTION(() => this.CONSUME(T.Comma));
      this.SUBRULE(this.renamePair, { LABEL: 'pairs' });
    });
    this.OPTION2(() => this.CONSUME2(T.Comma));
  });

  public renamePair = this.RULE('renamePair', () => {
    this.SUBRULE(this.fieldName, { LABEL: 'from' });
    this.CONSUME(T.As);
    this.SUBRULE2(this.fieldName, { LABEL: 'to' });
  });

  public convertCommand = this.RULE('convertCommand', () => {
    this.CONSUME(T.Word, { LABEL: 'name' });
    this.MANY(() => this.SUBRULE(this.commandOption, { LABEL: 'options' }));
    this.AT_LEAST_ONE(() => {
      this.OPTION(() => this.CONSUME(T.Comma));
      this.SUBRULE(this.conversion, { LABEL: 'conversions' });
    });
  });

  public conversion = this.RULE('conversion', () => {
    this.CONSUME(T.Word, { LABEL: 'fn' });
    this.CONSUME(T.LParen);
    this.SUBRULE(this.fieldName, { LABEL: 'field' });
    this.CONSUME(T.RParen);
    this.OPTION(() => {
      this.CONSUME(T.As);
      this.SUBRULE2(this.fieldName, { LABEL: 'as' });
    });
  });

  public evalCommand = this.RULE('evalCommand', () => {
    this.CONSUME(T.Word, { LABEL: 'name' });
    this.SUBRULE(this.evalAssignment, { LABEL: 'assignments' });
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.evalAssignment, { LABEL: 'assignments' });
    });
  });

  public evalAssignment = this.RULE('evalAssignment', () => {
    this.SUBRULE(this.fieldName, { LABEL: 'target' });
    this.CONSUME(T.Eq);
    this.SUBRULE(this.evalExpr);
  });

  public whereCommand = this.RULE('whereCommand', () => {
    this.CONSUME(T.Word, { LABEL: 'name' });
    this.SUBRULE(this.evalExpr);
  });

  public fieldsCommand = this.RULE('fieldsCommand', () => {
    this.CONSUME(T.Word, { LABEL: 'name' });
    this.OPTION({
      GATE: () => !this.adjacentAfter(1),
      DEF: () => this.OR([{ ALT: () => this.CONSUME(T.Plus, { LABEL: 'mode' }) }, { ALT: () => this.CONSUME(T.Minus, { LABEL: 'mode' }) }]),
    });
    this.OPTION2(() => this.SUBRULE(this.fieldList));
  });

  /** True when token i+1 is glued to token i (so a leading `-` belongs to a name like `-foo`). */
  private adjacentAfter(i: number): boolean {
    return this.LA(i + 1).startOffset === this.LA(i).endOffset! + 1 && T.isWordPart(this.LA(i + 1));
  }

  public tableCommand = this.RULE('tableCommand', () => {
    this.CONSUME(T.Word, { LABEL: 'name' });
    this.OPTION(() => this.SUBRULE(this.fieldList));
  });

  public headCommand = this.RULE('headCommand', () => {
    this.CONSUME(T.Word, { LABEL: 'name' });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.NumberLiteral, { LABEL: 'limit' }) },
        { ALT: () => this.SUBRULE(this.commandOption, { LABEL: 'options' }) },
        {
          ALT: () => {
            this.CONSUME(T.LParen);
            this.SUBRULE(this.evalExpr);
            this.CONSUME(T.RParen);
          },
        },
      ]);
    });
  });

  // ------------------------------------------------------------ generic commands

  public genericCommand = this.RULE('genericCommand', () => {
    this.CONSUME(T.Word, { LABEL: 'name' });
    this.MANY(() => this.SUBRULE(this.genericArg, { LABEL: 'args' }));
  });

  public genericArg = this.RULE('genericArg', () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
      DEF: [
        { ALT: () => this.CONSUME(T.Comma) },
        {
          ALT: () => this.SUBRULE(this.bracketPipeline),
        },
        {
          ALT: () => {
            this.CONSUME(T.LParen);
            this.MANY(() => this.SUBRULE(this.genericArg, { LABEL: 'items' }));
            this.CONSUME(T.RParen);
          },
        },
        { GATE: () => this.isComparison(), ALT: () => this.SUBRULE(this.genericAssign) },
        { ALT: () => this.SUBRULE(this.genericAtom) },
        { ALT: () => this.CONSUME(T.CompareOp, { LABEL: 'strayOp' }) },
      ],
    });
  });

  public genericAssign = this.RULE('genericAssign', () => {
    this.SUBRULE(this.fieldName, { LABEL: 'name' });
    const nameEnd = this.LA(0).endOffset;
    const op = this.CONSUME(T.CompareOp, { LABEL: 'op' });
    // As in searchCompare: `name = value` with the operator apart on both sides is an assignment (`regex f = "re"`).
    const spaced = () => nameEnd !== undefined && op.startOffset > nameEnd + 1 && this.valueToken();
    this.OPTION({ GATE: () => this.adjacentValue() || spaced(), DEF: () => this.SUBRULE(this.genericAtom, { LABEL: 'value' }) });
  });

  /** A word (maybe a call `name(args)`), or a quoted string. */
  public genericAtom = this.RULE('genericAtom', () => {
    this.OR([
      {
        ALT: () => {
          this.SUBRULE(this.word);
          this.OPTION({
            GATE: () => this.adjacent() && this.LA(1).tokenType === T.LParen,
            DEF: () => {
              this.CONSUME(T.LParen);
              this.MANY(() => this.SUBRULE(this.genericArg, { LABEL: 'callArgs' }));
              this.CONSUME(T.RParen);
            },
          });
        },
      },
      { ALT: () => this.CONSUME(T.StringLiteral) },
      { ALT: () => this.CONSUME(T.QuotedName) },
    ]);
  });

  // ------------------------------------------------------------ eval expressions (NOT > AND > OR > XOR)

  public evalExpr = this.RULE('evalExpr', () => {
    this.SUBRULE(this.evalOr, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(T.Xor, { LABEL: 'operators' });
      this.SUBRULE2(this.evalOr, { LABEL: 'operands' });
    });
  });

  public evalOr = this.RULE('evalOr', () => {
    this.SUBRULE(this.evalAnd, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(T.Or, { LABEL: 'operators' });
      this.SUBRULE2(this.evalAnd, { LABEL: 'operands' });
    });
  });

  public evalAnd = this.RULE('evalAnd', () => {
    this.SUBRULE(this.evalNot, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(T.And, { LABEL: 'operators' });
      this.SUBRULE2(this.evalNot, { LABEL: 'operands' });
    });
  });

  public evalNot = this.RULE('evalNot', () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
      DEF: [
        {
          ALT: () => {
            this.CONSUME(T.Not);
            this.SUBRULE(this.evalNot, { LABEL: 'negated' });
          },
        },
        { ALT: () => this.SUBRULE(this.evalCompare) },
      ],
    });
  });

  public evalCompare = this.RULE('evalCompare', () => {
    this.SUBRULE(this.evalAdditive, { LABEL: 'operands' });
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            this.OR2([{ ALT: () => this.CONSUME(T.CompareOp, { LABEL: 'operator' }) }, { ALT: () => this.CONSUME(T.Like, { LABEL: 'operator' }) }]);
            this.SUBRULE2(this.evalAdditive, { LABEL: 'operands' });
          },
        },
        {
          ALT: () => {
            this.OPTION2(() => this.CONSUME(T.Not, { LABEL: 'notIn' }));
            this.CONSUME(T.In);
            this.CONSUME(T.LParen);
            this.OPTION3(() => {
              this.SUBRULE(this.evalExpr, { LABEL: 'inValues' });
              this.MANY(() => {
                this.CONSUME(T.Comma);
                this.SUBRULE2(this.evalExpr, { LABEL: 'inValues' });
              });
            });
            this.CONSUME(T.RParen);
          },
        },
      ]);
    });
  });

  public evalAdditive = this.RULE('evalAdditive', () => {
    this.SUBRULE(this.evalMultiplicative, { LABEL: 'operands' });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Plus, { LABEL: 'operators' }) },
        { ALT: () => this.CONSUME(T.Minus, { LABEL: 'operators' }) },
        { ALT: () => this.CONSUME(T.Dot, { LABEL: 'operators' }) },
      ]);
      this.SUBRULE2(this.evalMultiplicative, { LABEL: 'operands' });
    });
  });

  public evalMultiplicative = this.RULE('evalMultiplicative', () => {
    this.SUBRULE(this.evalUnary, { LABEL: 'operands' });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Star, { LABEL: 'operators' }) },
        { ALT: () => this.CONSUME(T.Slash, { LABEL: 'operators' }) },
        { ALT: () => this.CONSUME(T.Percent, { LABEL: 'operators' }) },
      ]);
      this.SUBRULE2(this.evalUnary, { LABEL: 'operands' });
    });
  });

  public evalUnary = this.RULE('evalUnary', () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.Minus, { LABEL: 'sign' }) }, { ALT: () => this.CONSUME(T.Plus, { LABEL: 'sign' }) }]);
          this.SUBRULE(this.evalUnary, { LABEL: 'operand' });
        },
      },
      { ALT: () => this.SUBRULE(this.evalPrimary) },
    ]);
  });

  public evalPrimary = this.RULE('evalPrimary', () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
      DEF: [
        { ALT: () => this.CONSUME(T.NumberLiteral) },
        { ALT: () => this.CONSUME(T.StringLiteral) },
        { ALT: () => this.CONSUME(T.QuotedName) },
        {
          ALT: () => {
            this.CONSUME(T.LParen);
            this.SUBRULE(this.evalExpr);
            this.CONSUME(T.RParen);
          },
        },
        { GATE: () => this.LA(2).tokenType === T.LParen, ALT: () => this.SUBRULE(this.evalCall) },
        { ALT: () => this.SUBRULE(this.evalField) },
      ],
    });
  });

  public evalCall = this.RULE('evalCall', () => {
    this.CONSUME(T.Word, { LABEL: 'fn' });
    this.CONSUME(T.LParen);
    this.OPTION(() => {
      this.SUBRULE(this.evalExpr, { LABEL: 'args' });
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.evalExpr, { LABEL: 'args' });
      });
    });
    this.CONSUME(T.RParen);
  });

  /** A bare field name in eval: word parts glued by `.`, `{}`, `<<FIELD>>`, e.g. `Processes.dest`, `a{}.b`. */
  public evalField = this.RULE('evalField', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Word, { LABEL: 'parts' }) }, { ALT: () => this.CONSUME(T.Template, { LABEL: 'parts' }) }]);
    this.MANY({
      GATE: () => this.gluedNamePart(),
      DEF: () => this.CONSUME(T.WordPart, { LABEL: 'parts' }),
    });
  });

  /** Inside an eval field name, glue `.` + word and word/template parts that touch; never `-`, `*`, `/`, `+`, `%`. */
  private gluedNamePart(): boolean {
    if (!this.adjacent()) return false;
    const next = this.LA(1).tokenType;
    if (next === T.Word || next === T.Template || next === T.NumberLiteral || T.isKeywordType(next)) return true;
    if (next !== T.Dot) return false;
    const after = this.LA(2);
    return after.startOffset === this.LA(1).endOffset! + 1 && (after.tokenType === T.Word || after.tokenType === T.Template || T.isKeywordType(after.tokenType));
  }
}

let instance: SplParser | undefined;

/** The one parser instance, reset through `.input` for each parse; built on first use (grammar analysis costs ~0.5 s). */
export function splParser(): SplParser {
  instance ??= new SplParser();
  return instance;
}
