// The matching budget: a RegExp that runs on V8 while its worst case is cheap, else on RE2 (linear), else under a watchdog.
import vm from 'node:vm';
import { RE2JS } from 're2js';
import { SplError } from '../errors.js';
import type { PatternShape } from './linear-source.js';

/** Estimated backtracking paths up to which V8 runs a value directly (about 0.1 s at worst on this machine). */
export const DIRECT_PATHS = 1e8;
/** Values up to this length run on V8 even for nested repetition: 3^16 (doubly nested) is about 4e7 paths. */
export const NESTED_DIRECT_LENGTH = 16;
/** Wall-clock budget of one match attempt on V8 when RE2 cannot run the pattern (the `regex-limit` error past it). */
export const REGEX_TIME_BUDGET_MS = 2000;

/** The longest value V8 may match directly for a pattern of this degree: n^(k+1)/(k+1)! <= DIRECT_PATHS. */
export function directLengthLimit(degree: number): number {
  if (degree === 0) return Infinity;
  if (!Number.isFinite(degree)) return NESTED_DIRECT_LENGTH;
  let factorial = 1;
  for (let i = 2; i <= degree + 1; i++) factorial *= i;
  return Math.floor((DIRECT_PATHS * factorial) ** (1 / (degree + 1)));
}

/** Which engine matched the last value, for tests and `--explain`-style diagnostics. */
export type Engine = 'v8' | 're2' | 'watchdog';

interface LinearPlan {
  /** The RE2 program, compiled on the first value past the direct limit (most patterns never need it). */
  readonly re2: RE2JS | null;
  endGroup: boolean;
  /** JS capture groups (the RE2 pattern may have one more: the end group). */
  readonly groupCount: number;
  groupNames: string[];
  directLimit: number;
  pattern: string;
}

/**
 * A RegExp whose `exec` (and so `test`, `replace`, `matchAll`, which all call it) keeps within the budget:
 * values up to `directLimit` characters run on V8; longer ones run on RE2 when it can run the pattern, and
 * otherwise on V8 under a watchdog that ends the match with `regex-limit` after REGEX_TIME_BUDGET_MS.
 */
export class BudgetedRegExp extends RegExp {
  private readonly plan: LinearPlan;
  lastEngine: Engine = 'v8';
  private matcher: ReturnType<RE2JS['matcher']> | null = null;
  /** A plain RegExp of the same source and flags (made on first use), for values V8 runs directly. */
  private plain: RegExp | null = null;
  private matcherText: string | null = null;

  constructor(source: string | BudgetedRegExp, flags: string, plan?: LinearPlan) {
    super(source, flags);
    this.plan = plan ?? (source as BudgetedRegExp).plan;
  }

  static override get [Symbol.species](): RegExpConstructor {
    return BudgetedRegExp as unknown as RegExpConstructor;
  }

  override exec(text: string): RegExpExecArray | null {
    const { plan } = this;
    if (text.length <= plan.directLimit) {
      this.lastEngine = 'v8';
      return super.exec(text);
    }
    if (plan.re2) {
      this.lastEngine = 're2';
      return this.linearExec(plan.re2, text);
    }
    this.lastEngine = 'watchdog';
    return this.watchedExec(text);
  }

  /**
   * The RegExp to run on a value of this length: a plain one (V8's built-in fast paths for replace and split,
   * which a subclass with its own `exec` does not get) when V8 runs such a value directly, else this one.
   */
  forLength(length: number): RegExp {
    if (length > this.plan.directLimit) return this;
    return (this.plain ??= new RegExp(this.source, this.flags));
  }

  /** A yes/no answer needs no captures: RE2 then runs its DFA only (without `g`, where `test` must move lastIndex). */
  override test(text: string): boolean {
    const { plan } = this;
    if (plan.re2 && !this.global && !this.sticky && text.length > plan.directLimit) {
      this.lastEngine = 're2';
      return plan.re2.test(text);
    }
    return this.exec(text) !== null;
  }

  private linearExec(re2: RE2JS, text: string): RegExpExecArray | null {
    const sticky = this.global || this.sticky;
    const from = sticky ? this.lastIndex : 0;
    if (from > text.length || (from === 0 && !re2.test(text))) {
      if (sticky) this.lastIndex = 0;
      return null;
    }
    // One matcher per text: a global loop (replace, matchAll, max_match=0) calls exec once per match.
    if (this.matcherText !== text || !this.matcher) {
      this.matcher = re2.matcher(text);
      this.matcherText = text;
    }
    const m = this.matcher;
    // Sticky (`y`, e.g. String.prototype.split through Symbol.species) must match exactly at lastIndex.
    if (!m.find(from) || (this.sticky && m.start() !== from)) {
      if (sticky) this.lastIndex = 0;
      return null;
    }
    const { groupCount, groupNames, endGroup } = this.plan;
    const start = m.start();
    const end = endGroup ? m.start(groupCount + 1) : m.end();
    const result = [text.slice(start, end)] as unknown as RegExpExecArray;
    const indices: Array<[number, number] | undefined> = [[start, end]];
    for (let g = 1; g <= groupCount; g++) {
      const s = m.start(g);
      result.push(s < 0 ? (undefined as unknown as string) : text.slice(s, m.end(g)));
      indices.push(s < 0 ? undefined : [s, m.end(g)]);
    }
    result.index = start;
    result.input = text;
    result.groups = groupNames.length === 0 ? undefined : namedValues(groupNames, re2, result);
    if (this.hasIndices) {
      const withGroups = indices as unknown as RegExpIndicesArray;
      withGroups.groups = groupNames.length === 0 ? undefined : (namedValues(groupNames, re2, indices) as Record<string, [number, number]>);
      result.indices = withGroups;
    }
    if (sticky) this.lastIndex = end;
    return result;
  }

  private watchedExec(text: string): RegExpExecArray | null {
    const { script, context } = watchdog();
    context.run = () => RegExp.prototype.exec.call(this, text);
    try {
      return script.runInContext(context, { timeout: REGEX_TIME_BUDGET_MS }) as RegExpExecArray | null;
    } catch (err) {
      if ((err as { code?: string }).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw err;
      throw regexLimitError(this.plan.pattern, text.length);
    } finally {
      context.run = null;
    }
  }
}

function namedValues<T>(names: string[], re2: RE2JS, byIndex: T[]): Record<string, T> {
  const groups = Object.create(null) as Record<string, T>;
  const numbers = re2.namedGroups() as Record<string, number>;
  for (const name of names) groups[name] = byIndex[numbers[name]!]!;
  return groups;
}

/** The error a match past its budget ends with; callers that know the field add it with `withRegexField`. */
export function regexLimitError(pattern: string, length: number): SplError {
  return new SplError(
    'regex-limit',
    `regex ran past its ${REGEX_TIME_BUDGET_MS / 1000} s budget on a value of ${length} characters: ${pattern}`,
    undefined,
    ['the pattern backtracks catastrophically (nested or chained quantifiers); make it more specific, e.g. [^,]* instead of .*'],
  );
}

/** Name what a `regex-limit` error was matching (`rex field=x`, `match() on x`) and give it a span; other errors pass. */
export function annotateRegexLimit(err: unknown, where: string, span?: SplError['span']): unknown {
  if (err instanceof SplError && err.code === 'regex-limit' && !err.message.startsWith('in ')) {
    err.message = `in ${where}: ${err.message}`;
    err.span ??= span;
  }
  return err;
}

interface Watchdog {
  script: vm.Script;
  context: { run: (() => unknown) | null };
}
let shared: Watchdog | undefined;

/** A script run under `timeout`: V8 interrupts even a running regex when the time is up (made on first use). */
function watchdog(): Watchdog {
  if (!shared) {
    const context: Watchdog['context'] = { run: null };
    vm.createContext(context);
    shared = { script: new vm.Script('run()', { filename: 'splq-regex-watchdog' }), context };
  }
  return shared;
}

/** The RegExp to run on a value of `length` characters: a plain twin of a BudgetedRegExp within its direct limit. */
export function regexForLength(regex: RegExp, length: number): RegExp {
  return regex instanceof BudgetedRegExp ? regex.forLength(length) : regex;
}

/** Build the RegExp for a translated pattern: a plain RegExp when V8 is always within budget, else a BudgetedRegExp. */
export function budgetedRegExp(source: string, flags: string, shape: PatternShape, pattern: string, groupNames: string[]): RegExp {
  const directLimit = directLengthLimit(shape.degree);
  if (directLimit === Infinity) return new RegExp(source, flags);
  return new BudgetedRegExp(source, flags, linearPlan(source, flags, shape, pattern, groupNames, directLimit));
}

/** The same pattern forced onto RE2 for every value (tests compare it with V8), or null when RE2 cannot run it. */
export function linearOnlyRegExp(source: string, flags: string, shape: PatternShape, groupNames: string[]): BudgetedRegExp | null {
  const plan = linearPlan(source, flags, shape, source, groupNames, -1);
  return plan.re2 ? new BudgetedRegExp(source, flags, plan) : null;
}

function linearPlan(source: string, flags: string, shape: PatternShape, pattern: string, groupNames: string[], directLimit: number): LinearPlan {
  let compiled: { re2: RE2JS | null; groupCount: number } | undefined;
  const compile = () => (compiled ??= compileRe2(source, flags, shape));
  return {
    get re2() {
      return compile().re2;
    },
    get groupCount() {
      return compile().groupCount;
    },
    endGroup: shape.endGroup,
    groupNames,
    directLimit,
    pattern,
  };
}

/** The RE2 program for a shape, or null when RE2 rejects it or numbers its groups otherwise than V8. */
function compileRe2(source: string, flags: string, shape: PatternShape): { re2: RE2JS | null; groupCount: number } {
  const groupCount = countGroups(new RegExp(source, flags));
  if (shape.re2 === null) return { re2: null, groupCount };
  try {
    const re2 = RE2JS.compile(shape.re2, flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
    return { re2: re2.groupCount() === groupCount + (shape.endGroup ? 1 : 0) ? re2 : null, groupCount };
  } catch {
    return { re2: null, groupCount };
  }
}

/** Number of capture groups of a compiled RegExp. */
function countGroups(regex: RegExp): number {
  return new RegExp(`${regex.source}|`, regex.flags.replace(/[gyd]/g, '')).exec('')!.length - 1;
}
