// `streamstats [current=] [window=] [time_window=] [global=] [reset_on_change=] [reset_before=] [reset_after=] <fn>(x)... [BY a, b]`: running aggregates per event.
import type { CommandOption, StatsCommand } from '../ast.js';
import { compileAggregation } from '../aggregates/index.js';
import type { CommandDef, CompileContext } from '../engine/types.js';
import { SplError } from '../errors.js';
import { compileCondition } from '../eval/index.js';
import { parseEvalExpression } from '../parse/parse.js';
import type { Event } from '../runtime/event.js';
import { parseBinSpan } from './bin-span.js';
import { StatsOptions } from './stats-options.js';
import { MAX_STREAM_WINDOW, runningStage, windowStage, type StreamPlan } from './streamstats-stages.js';

const OPTIONS = ['current', 'window', 'global', 'reset_on_change', 'reset_before', 'reset_after', 'time_window', 'allnum', 'dedup_splitvals'];

/** `reset_before="(<eval-expression>)"` / `reset_after=...`: a condition compiled once; errors point at the option. */
function resetCondition(opt: CommandOption | undefined, ctx: CompileContext): ((ev: Event) => boolean) | null {
  if (!opt) return null;
  if (opt.value.trim() === '') throw new SplError('bad-option', `streamstats: ${opt.name} expects "(<eval-expression>)"`, opt.span);
  try {
    return compileCondition(parseEvalExpression(opt.value), ctx.evalContext);
  } catch (e) {
    if (e instanceof SplError) e.span = opt.span;
    throw e;
  }
}

/** `time_window=<span-length>` in seconds (s, m, h, d, w); 0 when absent. */
function timeWindow(opt: CommandOption | undefined): number {
  if (!opt) return 0;
  const bad = () => new SplError('bad-option', `streamstats: time_window expects a time span such as 30s, 5m, 1h or 2d, got "${opt.value}"`, opt.span);
  let span;
  try {
    span = parseBinSpan(opt.value, opt.span);
  } catch {
    throw bad();
  }
  if (span.kind === 'seconds') return span.seconds;
  if (span.kind === 'days') return span.days * 86400;
  throw bad();
}

export const streamstatsCommand: CommandDef<StatsCommand> = {
  names: ['streamstats'],
  kind: 'dataset',
  notes: '`current=`, `window=` (≤ 10000), `time_window=`, `global=`, `reset_on_change=`, `reset_before=`, `reset_after=`; `allnum=true` not yet',
  compile(node, ctx) {
    const options = new StatsOptions(node, OPTIONS);
    options.onlyDefault('allnum', (opt) => !options.bool(opt.name.toLowerCase(), false));
    const window = options.int('window', 0);
    if (window > MAX_STREAM_WINDOW) {
      throw new SplError('bad-option', `streamstats: window=${window} is over the maximum of ${MAX_STREAM_WINDOW} (max_stream_window)`, options.get('window')!.span);
    }
    const plan: StreamPlan = {
      current: options.bool('current', true),
      window,
      timeWindow: timeWindow(options.get('time_window')),
      global: options.bool('global', true),
      resetOnChange: options.bool('reset_on_change', false),
      resetBefore: resetCondition(options.get('reset_before'), ctx),
      resetAfter: resetCondition(options.get('reset_after'), ctx),
      span: node.span,
    };
    const aggregation = compileAggregation(node, ctx, { dedupSplitValues: options.bool('dedup_splitvals', false) });
    const windowed = plan.window > 0 || plan.timeWindow > 0;
    return {
      kind: 'dataset',
      reads: null,
      // Memory: one state per group without a window; with one, at most `window` (or 10,000) event copies per window.
      factory: (next) => (windowed ? windowStage(aggregation, plan, next) : runningStage(aggregation, plan, next)),
    };
  },
};
