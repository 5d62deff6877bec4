// A small deterministic PRNG (mulberry32) with the sampling helpers the sample generator needs.

/** Seeded pseudo-random source; the same seed always yields the same sequence. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Next float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [min, max] (both inclusive). */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** `digits` random hexadecimal digits, upper case. */
  hex(digits: number): string {
    let out = '';
    while (out.length < digits) out += ((this.next() * 0x10000) >>> 0).toString(16).padStart(4, '0');
    return out.slice(0, digits).toUpperCase();
  }
}

/** A weighted choice table, prepared once so that each draw is a short scan. */
export class WeightedTable<T> {
  private readonly items: readonly T[];
  private readonly cumulative: number[];

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.items = entries.map(([item]) => item);
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let running = 0;
    this.cumulative = entries.map(([, weight]) => (running += weight / total));
  }

  draw(prng: Prng): T {
    const r = prng.next();
    const index = this.cumulative.findIndex((edge) => r < edge);
    return this.items[index === -1 ? this.items.length - 1 : index] as T;
  }
}
