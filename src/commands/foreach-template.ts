// foreach templates: re-print the bracketed pipeline, substitute <<FIELD>>-style tokens as text, re-parse and compile it.
import type { Command, Pipeline, Span } from '../ast.js';
import type { CompileContext, Stage } from '../engine/types.js';
import { commandName } from '../engine/command-name.js';
import { SplError } from '../errors.js';
import { parseQuery } from '../parse/parse.js';
import { printPipeline } from '../parse/print.js';
import type { Event } from '../runtime/event.js';

/** Commands that handle one result at a time (streaming, per event); a template may only hold these (as in Splunk). */
function allowedInTemplate(c: Command, ctx: CompileContext): boolean {
  const def = ctx.findCommand(c);
  return def !== undefined && def.kind === 'streaming' && def.threads === 'per-event';
}

/** Token → replacement text for one iteration, e.g. `<<FIELD>>` → `bytes_in`. */
export type Substitution = ReadonlyArray<readonly [token: string, text: string]>;

/** A template: its printed text and how to turn a substitution into a runnable chain of stages. */
export class ForeachTemplate {
  private readonly text: string;

  constructor(
    pipeline: Pipeline,
    private readonly span: Span,
    private readonly ctx: CompileContext,
  ) {
    for (const c of pipeline.commands) {
      if (!allowedInTemplate(c, ctx)) {
        throw new SplError('bad-argument', `foreach: the template cannot use \`${commandName(c)}\`; only streaming commands such as eval`, span);
      }
    }
    // Printed after a leading pipe so the first command stays a command (`eval ...` alone would parse as search
    // terms); an implicit search is printed with its `search` keyword for the same reason.
    const commands = pipeline.commands.map((c) => (c.kind === 'search' ? { ...c, implicit: false } : c));
    this.text = printPipeline({ ...pipeline, commands, leadingPipe: true });
  }

  /** Substitute, parse and compile; errors point at the template and show the text it produced. */
  instantiate(substitution: Substitution, sink: Stage): Stage {
    let text = this.text;
    for (const [token, replacement] of substitution) text = text.split(token).join(replacement);
    try {
      const pipeline = parseQuery(text);
      return this.ctx.compileSubPipeline(pipeline.commands)(sink);
    } catch (e) {
      if (!(e instanceof SplError)) throw e;
      const used = substitution.filter(([token]) => this.text.includes(token));
      const what = used.length ? ` for ${used.map(([token, value]) => `${token}=${value}`).join(', ')}` : '';
      throw new SplError(e.code, `foreach: the template gives an invalid search${what}: ${e.message}`, this.span, [
        `the template expands to: ${text}`,
        "field names with spaces or symbols need single quotes in eval: '<<FIELD>>'",
      ]);
    }
  }
}

/** Instantiated templates of one running foreach, by substitution key; bounded so value-driven modes cannot grow forever. */
export class TemplateCache {
  private static readonly LIMIT = 10000;
  private readonly stages = new Map<string, Stage>();
  /** Where the current template run puts its results. */
  readonly output: Event[] = [];
  private readonly sink: Stage = { push: (ev) => void this.output.push(ev), end: () => undefined };

  constructor(private readonly template: ForeachTemplate) {}

  stageFor(key: string, substitution: Substitution): Stage {
    let stage = this.stages.get(key);
    if (!stage) {
      if (this.stages.size >= TemplateCache.LIMIT) this.stages.clear();
      stage = this.template.instantiate(substitution, this.sink);
      this.stages.set(key, stage);
    }
    return stage;
  }
}
