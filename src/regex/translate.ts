// Translates a PCRE pattern into the source of an equivalent JavaScript RegExp (compiled with the `u` flag).
import { charClassToJs, charSetToJs, parseCharClass } from './charclass.js';
import { caseVariants, escapeClassChar, escapeLiteral } from './codepoints.js';
import { codePointAt, regexError, type PatternContext } from './context.js';
import { parseEscape } from './escapes.js';
import { parseGroupOpen } from './groups.js';
import { applyFlags, caseInsensitiveThroughout, NO_OPTIONS, type Options } from './options.js';
import { PieceList, type CaptureSlot } from './pieces.js';

export interface Translation {
  /** JS source; never relies on the JS `m` or `s` flags (anchors and `.` are spelled out). */
  source: string;
  /** True when the whole pattern is case-insensitive, so the JS `i` flag is used. */
  ignoreCase: boolean;
  /** PCRE named groups in order. */
  groupNames: string[];
  /** JS match index of PCRE group n (`groupIndex[0]` is 0, the whole match). */
  groupIndex: number[];
}

interface Frame {
  saved: Options;
  start: number;
  atomic: boolean;
  /** Inside a lookbehind (this group or an enclosing one): atomic emulation is skipped there (see docs). */
  lookbehind: boolean;
  offset: number;
}

const EXTENDED_SPACE = /[\t\n\v\f\r \u{85}\u{200e}\u{200f}\u{2028}\u{2029}]/u;
const QUANTIFIER = /(?:[*+?]|\{(\d+)(?:,(\d*))?\})([?+]?)/y;
const MAX_REPEAT = 65535;

/** Translate `ctx.pattern`; throws SplError 'bad-regex' for syntax errors and unsupported constructs. */
export function translatePcre(ctx: PatternContext): Translation {
  return new Translator(ctx).run();
}

class Translator {
  private pos = 0;
  private options: Options = NO_OPTIONS;
  private readonly out = new PieceList();
  private readonly frames: Frame[] = [];
  private readonly slots: CaptureSlot[] = [];
  /** Piece index where the last quantifiable item starts, or null when a quantifier is not allowed. */
  private lastAtom: number | null = null;
  private readonly ignoreCase: boolean;

  constructor(private readonly ctx: PatternContext) {
    this.ignoreCase = caseInsensitiveThroughout(ctx.pattern);
  }

  run(): Translation {
    while (this.pos < this.ctx.pattern.length) this.step();
    const open = this.frames.at(-1);
    if (open) throw regexError(this.ctx, 'missing ) in the regex', open.offset);
    const source = this.out.finish(this.slots, (missing) => {
      throw regexError(this.ctx, `back reference to group ${missing.target}, which does not exist`, missing.offset);
    });
    const groupNames = this.slots.flatMap((slot) => (slot.name === undefined ? [] : [slot.name]));
    return { source, ignoreCase: this.ignoreCase, groupNames, groupIndex: [0, ...this.slots.map((s) => s.jsIndex)] };
  }

  private step(): void {
    const { pattern } = this.ctx;
    const c = pattern[this.pos]!;
    if (this.options.x && EXTENDED_SPACE.test(c)) {
      this.pos++;
    } else if (this.options.x && c === '#') {
      const newline = pattern.indexOf('\n', this.pos);
      this.pos = newline < 0 ? pattern.length : newline + 1;
    } else if (c === '\\') {
      this.escape();
    } else if (c === '[') {
      const { cls, end } = parseCharClass(this.ctx, this.pos);
      this.pos = end;
      this.atom(charClassToJs(cls, this.foldsCase()));
    } else if (c === '(') {
      this.openGroup();
    } else if (c === ')') {
      this.closeGroup();
    } else if (!('*+?{'.includes(c) && this.quantifier())) {
      this.pos++;
      this.single(c);
    }
  }

  /** `|`, `^`, `$`, `.` or a literal character. */
  private single(c: string): void {
    const { m, s } = this.options;
    if (c === '|') this.unquantifiable('|');
    else if (c === '^') this.unquantifiable(m ? '(?:^|(?<=\\n)(?!$))' : '^');
    else if (c === '$') this.unquantifiable(m ? '(?=\\n|$)' : '(?=\\n?$)');
    else if (c === '.') this.atom(s ? '[\\s\\S]' : '[^\\n]');
    else {
      const { cp, next } = codePointAt(this.ctx.pattern, this.pos - 1);
      this.pos = next;
      this.literal(cp);
    }
  }

  private inLookbehind(): boolean {
    return this.frames.at(-1)?.lookbehind ?? false;
  }

  private foldsCase(): boolean {
    return this.options.i && !this.ignoreCase;
  }

  private atom(js: string): void {
    this.lastAtom = this.out.length;
    this.out.text(js);
  }

  private unquantifiable(js: string): void {
    this.out.text(js);
    this.lastAtom = null;
  }

  private literal(cp: number): void {
    const variants = this.foldsCase() ? caseVariants(cp) : [];
    this.atom(variants.length === 0 ? escapeLiteral(cp) : `[${[cp, ...variants].map(escapeClassChar).join('')}]`);
  }

  private escape(): void {
    const offset = this.pos;
    const { escape, end } = parseEscape(this.ctx, this.pos, false, this.slots.length);
    this.pos = end;
    if (escape.kind === 'char') this.literal(escape.cp);
    else if (escape.kind === 'set') this.atom(charSetToJs(escape.set));
    else if (escape.kind === 'atom') this.atom(escape.js);
    else if (escape.kind === 'assert') this.unquantifiable(escape.js);
    else if (escape.kind === 'quoted') for (const cp of escape.cps) this.literal(cp);
    else if (escape.kind === 'backref') this.backref(escape.target, offset);
  }

  private backref(target: number | string, offset: number): void {
    this.lastAtom = this.out.length;
    this.out.backref(target, offset);
  }

  /** A quantifier at `pos`; false when a `{` does not start one (PCRE then reads it literally). */
  private quantifier(): boolean {
    QUANTIFIER.lastIndex = this.pos;
    const m = QUANTIFIER.exec(this.ctx.pattern);
    if (!m) return false;
    if (this.lastAtom === null) throw regexError(this.ctx, 'quantifier does not follow a repeatable item', this.pos);
    const [text, min, max, suffix] = m;
    if (Number(min ?? 0) > MAX_REPEAT || Number(max ?? 0) > MAX_REPEAT) throw regexError(this.ctx, 'number too big in {} quantifier', this.pos);
    if (max && Number(max) < Number(min)) throw regexError(this.ctx, 'numbers out of order in {} quantifier', this.pos);
    const lazy = suffix !== '+' && (suffix === '?') !== this.options.U;
    this.out.text(text.slice(0, text.length - suffix!.length) + (lazy ? '?' : ''));
    if (suffix === '+' && !this.inLookbehind()) this.out.wrapAtomic(this.lastAtom);
    this.lastAtom = null;
    this.pos = QUANTIFIER.lastIndex;
    return true;
  }

  private openGroup(): void {
    const offset = this.pos;
    const { open, end } = parseGroupOpen(this.ctx, this.pos);
    this.pos = end;
    if (open.kind === 'comment') return;
    if (open.kind === 'backref') return this.backref(open.name, offset);
    if (open.kind === 'flags' && !open.scoped) {
      this.options = applyFlags(this.options, open.change);
      this.lastAtom = null;
      return;
    }
    const lookbehind = this.inLookbehind() || (open.kind === 'lookaround' && open.js.startsWith('(?<'));
    this.frames.push({ saved: this.options, start: this.out.length, atomic: open.kind === 'atomic' && !lookbehind, lookbehind, offset });
    if (open.kind === 'flags') this.options = applyFlags(this.options, open.change);
    if (open.kind === 'lookaround') this.out.text(open.js);
    else if (open.kind === 'named' || (open.kind === 'plain' && !this.options.n)) this.capture(open.kind === 'named' ? open.name : undefined, offset);
    else this.out.text('(?:');
  }

  private capture(name: string | undefined, offset: number): void {
    if (name !== undefined && this.slots.some((s) => s.name === name)) throw regexError(this.ctx, `two groups are named "${name}"`, offset);
    const slot: CaptureSlot = { name, jsIndex: 0 };
    this.slots.push(slot);
    this.out.openCapture(slot);
  }

  private closeGroup(): void {
    const frame = this.frames.pop();
    if (!frame) throw regexError(this.ctx, 'unmatched ) in the regex', this.pos);
    this.pos++;
    this.out.text(')');
    if (frame.atomic) this.out.wrapAtomic(frame.start);
    this.options = frame.saved;
    this.lastAtom = frame.start;
  }
}
