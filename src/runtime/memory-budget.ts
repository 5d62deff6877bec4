// The memory budget of commands that hold data (sort, dedup, stats, eventstats, transaction, join...): estimate, check, fail clearly.
import { getHeapStatistics } from 'node:v8';
import type { Span } from '../ast.js';
import { SplError } from '../errors.js';
import type { Event, FieldValue } from './event.js';

const MB = 1024 * 1024;

/**
 * The default budget per holding command, in MB: half of V8's heap limit (about 2 GB on a 64-bit machine with
 * 16 GB or more; `node --max-old-space-size` raises both). Splunk's own `max_mem_usage_mb` (limits.conf
 * [default]) is 200 MB, but past it Splunk spills to disk; splq fails instead, so its default is what the
 * process can hold (docs/reliability.md).
 */
export function defaultMaxMemoryMb(): number {
  return Math.floor(getHeapStatistics().heap_size_limit / MB / 2);
}

/** Past this share of V8's heap limit, a holding command stops whatever its own estimate says (others hold data too). */
const HEAP_SHARE_LIMIT = 0.85;
/** How much a command's estimate grows between two looks at the real heap. */
const HEAP_CHECK_STEP = 32 * MB;

/**
 * Bytes one event takes on the heap, roughly: the Event and its Map, one Map entry per field, each value's own
 * bytes (field names are shared between events: JSON.parse interns keys), and the raw text. Calibrated against
 * `heapUsed` over the bench's Windows events (docs/reliability.md).
 */
export function estimateEventBytes(ev: Event): number {
  let bytes = 160;
  for (const name of ev.names()) {
    bytes += 40 + valueBytes(ev.get(name));
  }
  return bytes;
}

/** Bytes of a value of a field or a group key (a string's header and one byte a character). */
export function valueBytes(value: FieldValue | undefined): number {
  if (value === undefined) return 0;
  if (typeof value === 'string') return 16 + value.length;
  if (typeof value === 'number') return 16;
  if (typeof value === 'boolean') return 0;
  let bytes = 16 + 8 * value.length;
  for (const v of value) bytes += valueBytes(v);
  return bytes;
}

/** Measure every event until this many, then one in SAMPLE_EVERY (the mean of those measured stands for the rest). */
const MEASURE_FIRST = 64;
const SAMPLE_EVERY = 16;

/**
 * What one holding stage keeps: held events (sampled sizes) plus bytes counted exactly (group keys, distinct
 * values). Past the budget it throws `memory-limit`, naming the command, the budget and how to raise it.
 */
export class MemoryTracker {
  private events = 0;
  private measured = 0;
  private measuredBytes = 0;
  private exactBytes = 0;
  private nextHeapCheck = HEAP_CHECK_STEP;
  private readonly limitBytes: number;

  constructor(
    private readonly command: string,
    private readonly span: Span | undefined,
    private readonly budgetMb: number,
    /** What the command holds, for the message ("events", "groups", "distinct values"). */
    private readonly holds = 'events',
  ) {
    this.limitBytes = budgetMb * MB;
  }

  /** Estimated bytes held now. */
  get bytes(): number {
    const mean = this.measured === 0 ? 0 : this.measuredBytes / this.measured;
    return this.exactBytes + this.events * mean;
  }

  /** One more held event (measured while few, then sampled). */
  addEvent(ev: Event): void {
    const n = this.events++;
    if (n < MEASURE_FIRST || n % SAMPLE_EVERY === 0) {
      this.measured++;
      this.measuredBytes += estimateEventBytes(ev);
      this.check();
    }
  }

  /** Bytes known exactly (a new group, key or distinct value). */
  addBytes(bytes: number): void {
    this.exactBytes += bytes;
    if (this.exactBytes >= this.nextHeapCheck || this.exactBytes > this.limitBytes) this.check();
  }

  /** Everything held was handed on (the next run of the stage starts from nothing). */
  reset(): void {
    this.events = this.measured = this.measuredBytes = this.exactBytes = 0;
    this.nextHeapCheck = HEAP_CHECK_STEP;
  }

  private check(): void {
    const held = this.bytes;
    if (held > this.limitBytes) throw this.error(`more than its memory budget of ${this.budgetMb} MB`);
    if (held < this.nextHeapCheck) return;
    this.nextHeapCheck = held + HEAP_CHECK_STEP;
    const heap = getHeapStatistics();
    if (heap.used_heap_size > heap.heap_size_limit * HEAP_SHARE_LIMIT) {
      throw this.error(`${Math.round(held / MB)} MB while the process's heap is nearly full (${Math.round(heap.used_heap_size / MB)} of ${Math.round(heap.heap_size_limit / MB)} MB)`);
    }
  }

  private error(what: string): SplError {
    return new SplError('memory-limit', `${this.command}: the ${this.holds} it holds take ${what}`, this.span, [
      `narrow the search before ${this.command} (fewer events, fewer fields: \`fields\` before it), or raise the budget with --max-memory <MB> (library: maxMemoryMb); a larger budget may also need node --max-old-space-size=<MB>`,
    ]);
  }
}
