/**
 * A small seeded pseudo-random generator (mulberry32), so synthetic data is the same on every machine
 * for the same seed: benchmarks compare like with like and demo screenshots stay stable.
 */
/** Cumulative weights of each table, computed once: the village table is drawn from 260,000 times. */
const PREPARED = new WeakMap<object, { keys: string[]; bounds: number[] }>();

/** Deterministic random numbers from a 32-bit seed. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** One key of a weight table, with probability proportional to its weight. */
  weighted<K extends string>(table: Readonly<Partial<Record<K, number>>>): K {
    let prepared = PREPARED.get(table);
    if (!prepared) {
      const keys = Object.keys(table) as string[];
      let sum = 0;
      const bounds = keys.map((k) => (sum += (table as Record<string, number>)[k] ?? 0));
      prepared = { keys, bounds };
      PREPARED.set(table, prepared);
    }
    const { keys, bounds } = prepared;
    const r = this.next() * (bounds[bounds.length - 1] ?? 0);
    let lo = 0;
    let hi = bounds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((bounds[mid] ?? 0) > r) hi = mid;
      else lo = mid + 1;
    }
    const key = keys[lo];
    if (key === undefined) throw new RangeError('weighted pick from an empty table');
    return key as K;
  }

  /** A standard normal deviate (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** A calendar date between two ISO dates, inclusive. */
  date(from: string, to: string): string {
    const a = Date.parse(`${from}T00:00:00Z`);
    const b = Date.parse(`${to}T00:00:00Z`);
    return new Date(a + this.int(0, Math.round((b - a) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
  }
}
