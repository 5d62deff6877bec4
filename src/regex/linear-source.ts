// Reads a translated JS regex source once: its backtracking cost shape, and the same pattern in RE2 syntax when RE2 can run it.

/** What the budget needs to know about a translated pattern (docs/regex-and-matching.md "Matching budget"). */
export interface PatternShape {
  /**
   * Unbounded quantifiers (`*`, `+`, `{n,}`): a backtracking match of a flat pattern with k of them tries at most
   * about n^(k+1)/(k+1)! paths on a value of n characters. Infinity when a repeated group holds a repetition or an
   * alternation (nested quantifiers: exponential in the worst case).
   */
  degree: number;
  /** The pattern in RE2 syntax, or null when RE2 cannot run it exactly (back references, lookarounds, ...). */
  re2: string | null;
  /** The RE2 pattern ends with an extra `(\n?)\z` group standing for PCRE's final `$`; the match ends where it starts. */
  endGroup: boolean;
}

interface Frame {
  /** A quantifier that repeats (max > 1) occurs inside. */
  repeats: boolean;
  /** An unbounded quantifier occurs inside. */
  unbounded: boolean;
  /** A `|` occurs directly or deeper inside. */
  alternation: boolean;
  /** A `|` occurs directly in this group (not in a group inside it): its branches end in different places. */
  ownAlternation: boolean;
  /** Nullability of the current branch before its last item, and of its last item. */
  before: boolean;
  last: boolean;
  /** Some earlier branch of this group can match the empty string. */
  nullableBranch: boolean;
  /** A lookaround: matches the empty string whatever its body. */
  lookaround: boolean;
}

/** How the translator spells PCRE's non-multiline `$` and `\Z` (end, or before a final newline). */
const END_ANCHOR = '(?=\\n?$)';
/** How the translator spells PCRE's multiline `$`: RE2's `(?m:$)` is the same assertion. */
const LINE_END = '(?=\\n|$)';
const QUANTIFIER = /^(?:[*+?]|\{(\d+)(,(\d*))?\})\??/;

/** Analyse a JS source produced by `translatePcre`. */
export function analyseSource(source: string): PatternShape {
  return new SourceReader(source).read();
}

class SourceReader {
  private pos = 0;
  private out = '';
  private re2ok = true;
  private degree = 0;
  private endGroup = false;
  private readonly frames: Frame[] = [newFrame()];
  /** Flags of the group that just closed (for a quantifier that follows it), or null after any other atom. */
  private lastGroup: Frame | null = null;

  constructor(private readonly source: string) {}

  read(): PatternShape {
    while (this.pos < this.source.length) this.step();
    return { degree: this.degree, re2: this.re2ok ? this.out : null, endGroup: this.endGroup };
  }

  private step(): void {
    const { source } = this;
    if (source.startsWith(END_ANCHOR, this.pos)) return this.endAnchor();
    if (source.startsWith(LINE_END, this.pos)) return this.assertion(LINE_END.length, '(?m:$)');
    const c = source[this.pos]!;
    if (c === '\\') return this.escape();
    if (c === '[') return this.charClass();
    if (c === '(') return this.openGroup();
    if (c === ')') return this.closeGroup();
    if (c === '|') {
      const frame = this.frames.at(-1)!;
      frame.alternation = frame.ownAlternation = true;
      frame.nullableBranch ||= frame.before && frame.last;
      frame.before = frame.last = true;
      return this.emit(1, '|');
    }
    if (c === '^') return this.assertion(1, '^');
    if (c === '$') return this.assertion(1, '\\z');
    if (c === '.') this.re2ok = false; // never emitted by the translator; JS and RE2 disagree on line terminators
    const q = QUANTIFIER.exec(source.slice(this.pos, this.pos + 24));
    if (q) return this.quantifier(q);
    this.lastGroup = null;
    addItem(this.frames.at(-1)!, false);
    this.emit(1, c);
  }

  /** A zero-width item (anchor, word boundary): it matches the empty string. */
  private assertion(length: number, re2: string): void {
    this.lastGroup = null;
    addItem(this.frames.at(-1)!, true);
    this.emit(length, re2);
  }

  private emit(length: number, re2: string): void {
    this.pos += length;
    this.out += re2;
  }

  /** PCRE's `$`: RE2 has no lookahead, so only a final top-level one is kept, as `(\n?)\z` (see `endGroup`). */
  private endAnchor(): void {
    this.pos += END_ANCHOR.length;
    // `(a|b)$` keeps its `$` (every match ends there); `a|b$` does not (a match of `a` has no end group).
    const last = this.pos === this.source.length && this.frames.length === 1 && !this.frames[0]!.ownAlternation;
    if (!last) this.re2ok = false;
    this.out += '(\\n?)\\z';
    this.endGroup = true;
    this.lastGroup = null;
    addItem(this.frames.at(-1)!, true);
  }

  private escape(): void {
    const rest = this.source.slice(this.pos);
    this.lastGroup = null;
    const codePoint = /^\\u\{([0-9a-fA-F]+)\}/.exec(rest);
    const property = /^\\([pP])\{(?:Script=)?([^}]*)\}/.exec(rest);
    if (codePoint || property) addItem(this.frames.at(-1)!, false);
    if (codePoint) return this.emit(codePoint[0].length, `\\x{${codePoint[1]}}`);
    if (property) return this.emit(property[0].length, `\\${property[1]}{${property[2]}}`);
    const next = rest[1]!;
    if (/[1-9k]/.test(next)) this.re2ok = false; // a back reference
    addItem(this.frames.at(-1)!, /[bB1-9k]/.test(next)); // a back reference may match empty
    this.emit(2, `\\${next}`);
  }

  private charClass(): void {
    let re2 = '[';
    let i = this.pos + 1;
    if (this.source[i] === '^') re2 += this.source[i++];
    while (this.source[i] !== ']') {
      if (this.source[i] !== '\\') {
        re2 += this.source[i++];
        continue;
      }
      const rest = this.source.slice(i);
      const codePoint = /^\\u\{([0-9a-fA-F]+)\}/.exec(rest);
      const property = /^\\([pP])\{(?:Script=)?([^}]*)\}/.exec(rest);
      if (codePoint) re2 += `\\x{${codePoint[1]}}`;
      else if (property) re2 += `\\${property[1]}{${property[2]}}`;
      else re2 += rest.slice(0, 2);
      i += codePoint?.[0].length ?? property?.[0].length ?? 2;
    }
    this.lastGroup = null;
    addItem(this.frames.at(-1)!, false);
    this.out += `${re2}]`;
    this.pos = i + 1;
  }

  private openGroup(): void {
    const rest = this.source.slice(this.pos, this.pos + 4);
    this.frames.push(newFrame(/^\(\?<?[=!]/.test(rest)));
    const named = /^\(\?<([A-Za-z_]\w*)>/.exec(this.source.slice(this.pos));
    if (named) return this.emit(named[0].length, `(?P<${named[1]}>`);
    if (rest.startsWith('(?:')) return this.emit(3, '(?:');
    if (rest.startsWith('(?')) {
      this.re2ok = false; // a lookaround
      const open = /^\(\?<?[=!]/.exec(rest)![0];
      return this.emit(open.length, open);
    }
    this.emit(1, '(');
  }

  private closeGroup(): void {
    const frame = this.frames.pop()!;
    const parent = this.frames.at(-1)!;
    parent.repeats ||= frame.repeats;
    parent.unbounded ||= frame.unbounded;
    parent.alternation ||= frame.alternation;
    addItem(parent, frameNullable(frame));
    this.lastGroup = frame;
    this.emit(1, ')');
  }

  private quantifier(q: RegExpExecArray): void {
    const [text, min, comma, max] = q;
    const unbounded = text[0] === '*' || text[0] === '+' || (comma !== undefined && max === '');
    const upper = text[0] === '?' ? 1 : unbounded ? Infinity : Number(max ?? min);
    const group = this.lastGroup;
    if (group && ((unbounded && (group.repeats || group.alternation)) || (upper > 1 && group.unbounded))) this.degree = Infinity;
    // A repeated group that can match the empty string: RE2's captures can differ from V8's and PCRE's there.
    if (group && upper > 1 && frameNullable(group)) this.re2ok = false;
    if (unbounded) this.degree += 1;
    const frame = this.frames.at(-1)!;
    frame.repeats ||= upper > 1;
    frame.unbounded ||= unbounded;
    frame.last ||= Number(min ?? (text[0] === '+' ? 1 : 0)) === 0;
    this.lastGroup = null;
    this.emit(text.length, text);
  }
}

function newFrame(lookaround = false): Frame {
  return { repeats: false, unbounded: false, alternation: false, ownAlternation: false, before: true, last: true, nullableBranch: false, lookaround };
}

/** A new item in the frame's current branch, which can match the empty string or not. */
function addItem(frame: Frame, nullable: boolean): void {
  frame.before &&= frame.last;
  frame.last = nullable;
}

function frameNullable(frame: Frame): boolean {
  return frame.lookaround || frame.nullableBranch || (frame.before && frame.last);
}
