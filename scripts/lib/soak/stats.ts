/**
 * The soak's figures, pure: latency percentiles per request kind within each fault's window and outside
 * every window, and how long the platform took to recover from each fault.
 */
import { percentile } from '../../../bench/cli.ts';

/** One request of the open-loop load, as the client saw it. */
export interface Sample {
  kind: string;
  /** When it was due (ms since the epoch): latency counts from here, not from when it was sent. */
  due: number;
  /** From `due` to the answer that settled it (after retries), or to giving up. */
  latencyMs: number;
  /** Settled with a 2xx answer. */
  ok: boolean;
  /** Every answer it got, in order (0: no answer: refused connection, reset, timeout). */
  statuses: number[];
}

/** One fault, from the moment it was injected to the moment its repair was complete. */
export interface FaultWindow {
  name: string;
  start: number;
  end: number;
}

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
}

export const percentiles = (xs: number[]): Percentiles => ({
  count: xs.length,
  p50: percentile(xs, 0.5),
  p95: percentile(xs, 0.95),
  p99: percentile(xs, 0.99),
});

const inside = (s: Sample, w: FaultWindow) => s.due >= w.start && s.due <= w.end;

/** The samples due outside every fault's window. */
export const outsideFaults = (samples: Sample[], faults: FaultWindow[]): Sample[] =>
  samples.filter((s) => !faults.some((w) => inside(s, w)));

/** Per kind: the percentiles outside every fault, and within each fault's window (by the fault's name). */
export function latencyTable(
  samples: Sample[],
  faults: FaultWindow[],
): Map<string, { outside: Percentiles; during: Map<string, Percentiles> }> {
  const kinds = [...new Set(samples.map((s) => s.kind))].sort();
  const table = new Map<string, { outside: Percentiles; during: Map<string, Percentiles> }>();
  for (const kind of kinds) {
    const own = samples.filter((s) => s.kind === kind);
    const during = new Map<string, Percentiles>();
    for (const w of faults) during.set(w.name, percentiles(own.filter((s) => inside(s, w)).map((s) => s.latencyMs)));
    table.set(kind, { outside: percentiles(outsideFaults(own, faults).map((s) => s.latencyMs)), during });
  }
  return table;
}

export interface Recovery {
  name: string;
  /** Seconds from the fault's start to the first request due after it that was answered 2xx at the first try; undefined: none. */
  firstSuccess: number | undefined;
  /**
   * Seconds from the fault's start until latency was back to normal: the due time of the first of `run`
   * consecutive requests (in due order, any kind) each within its kind's p95 outside the faults and each
   * settled 2xx; undefined: never within the samples.
   */
  backToBaseline: number | undefined;
}

/** Recovery from each fault, measured on the requests due after its start. */
export function recoveries(samples: Sample[], faults: FaultWindow[], run = 5): Recovery[] {
  const baseline = new Map<string, number>();
  for (const [kind, row] of latencyTable(samples, faults)) baseline.set(kind, row.outside.p95);
  const ordered = [...samples].sort((a, b) => a.due - b.due);
  return faults.map((w) => {
    const after = ordered.filter((s) => s.due >= w.start);
    const first = after.find((s) => s.ok && s.statuses.length === 1);
    let streak = 0;
    let backAt: number | undefined;
    for (const s of after) {
      const normal = s.ok && s.latencyMs <= (baseline.get(s.kind) ?? Infinity);
      streak = normal ? streak + 1 : 0;
      if (streak === 1) backAt = s.due;
      if (streak >= run) break;
    }
    return {
      name: w.name,
      firstSuccess: first ? (first.due + first.latencyMs - w.start) / 1000 : undefined,
      backToBaseline: streak >= run && backAt !== undefined ? (backAt - w.start) / 1000 : undefined,
    };
  });
}

/** Answers by status per kind (0: no answer), counting every attempt. */
export function statusCounts(samples: Sample[]): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const s of samples) {
    const row = out.get(s.kind) ?? new Map<number, number>();
    for (const status of s.statuses) row.set(status, (row.get(status) ?? 0) + 1);
    out.set(s.kind, row);
  }
  return out;
}
