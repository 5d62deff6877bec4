// StableTop: the first `limit` items of a stable sort, kept in a bounded heap as items arrive (never all of them).

/**
 * Equals a stable sort of everything pushed, cut to `limit` items: ties keep arrival order. Until `limit` items
 * have arrived they are only collected; then they become a heap whose root is the last item kept, and each new
 * item costs one comparison with it unless it belongs among the kept ones (then O(log limit)).
 * Memory: at most `limit` items.
 */
export class StableTop<T> {
  private readonly items: T[] = [];
  /** Arrival number of each kept item, in the same slots as `items` (the tie-break). */
  private readonly arrivals: number[] = [];
  private arrived = 0;
  private heaped = false;

  /** `limit` may be 0 (keep nothing) or Infinity (keep everything); `compare` orders items ascending. */
  constructor(
    private readonly limit: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  push(item: T): void {
    const arrival = this.arrived++;
    if (this.items.length < this.limit) {
      this.items.push(item);
      this.arrivals.push(arrival);
      return;
    }
    if (this.limit === 0) return;
    if (!this.heaped) this.heapify();
    // A later arrival sorts after an equal kept item, so only a strictly smaller item replaces the root.
    if (this.compare(item, this.items[0]!) >= 0) return;
    this.items[0] = item;
    this.arrivals[0] = arrival;
    this.siftDown(0);
  }

  /** The kept items in order (call once, after the last push: the kept items are sorted in place). */
  sorted(): T[] {
    const { items, arrivals } = this;
    // Never heaped: still in arrival order, and Array#sort is stable.
    if (!this.heaped) return items.sort(this.compare);
    const slots = items.map((_, slot) => slot).sort((a, b) => this.compare(items[a]!, items[b]!) || arrivals[a]! - arrivals[b]!);
    return slots.map((slot) => items[slot]!);
  }

  /** Whether the item in slot `a` sorts after the one in slot `b` (by order, then arrival). */
  private after(a: number, b: number): boolean {
    const c = this.compare(this.items[a]!, this.items[b]!);
    return c > 0 || (c === 0 && this.arrivals[a]! > this.arrivals[b]!);
  }

  private heapify(): void {
    for (let slot = (this.items.length >> 1) - 1; slot >= 0; slot--) this.siftDown(slot);
    this.heaped = true;
  }

  /** Restore the heap below `slot`: every parent sorts after its children. */
  private siftDown(slot: number): void {
    const n = this.items.length;
    for (;;) {
      const left = 2 * slot + 1;
      if (left >= n) return;
      const right = left + 1;
      const child = right < n && this.after(right, left) ? right : left;
      if (!this.after(child, slot)) return;
      this.swap(slot, child);
      slot = child;
    }
  }

  private swap(a: number, b: number): void {
    const { items, arrivals } = this;
    const item = items[a]!;
    items[a] = items[b]!;
    items[b] = item;
    const arrival = arrivals[a]!;
    arrivals[a] = arrivals[b]!;
    arrivals[b] = arrival;
  }
}
