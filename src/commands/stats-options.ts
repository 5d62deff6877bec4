// Options of eventstats and streamstats (`name=value` before the functions, dedup_splitvals after BY), typed and checked.
import type { CommandOption, StatsCommand } from '../ast.js';
import { closestNames, SplError } from '../errors.js';

const TRUE_WORDS = new Set(['true', 't', '1', 'yes', 'y']);
const FALSE_WORDS = new Set(['false', 'f', '0', 'no', 'n']);

/** The options of a stats-family command by lower-case name; unknown names are bad-option errors with hints. */
export class StatsOptions {
  private readonly byName = new Map<string, CommandOption>();

  constructor(
    private readonly node: StatsCommand,
    known: readonly string[],
  ) {
    for (const opt of [...node.options, ...node.trailingOptions]) {
      const name = opt.name.toLowerCase();
      if (!known.includes(name)) {
        const hints = closestNames(opt.name, known).map((n) => `did you mean \`${n}\`?`);
        throw new SplError('bad-option', `${node.command}: unknown option \`${opt.name}\``, opt.span, hints);
      }
      this.byName.set(name, opt);
    }
  }

  get(name: string): CommandOption | undefined {
    return this.byName.get(name);
  }

  bool(name: string, fallback: boolean): boolean {
    const opt = this.byName.get(name);
    if (!opt) return fallback;
    const word = opt.value.toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    throw new SplError('bad-option', `${this.node.command}: option ${opt.name} expects true or false, got "${opt.value}"`, opt.span);
  }

  int(name: string, fallback: number): number {
    const opt = this.byName.get(name);
    if (!opt) return fallback;
    if (!/^\d+$/.test(opt.value)) throw new SplError('bad-option', `${this.node.command}: option ${opt.name} expects a whole number >= 0, got "${opt.value}"`, opt.span);
    return Number(opt.value);
  }

  /** An option splq accepts only with its default value; any other value is "not supported yet". */
  onlyDefault(name: string, isDefault: (opt: CommandOption) => boolean): void {
    const opt = this.byName.get(name);
    if (opt && !isDefault(opt)) throw new SplError('bad-option', `${this.node.command}: option ${opt.name}=${opt.value} is not supported yet`, opt.span);
  }
}
