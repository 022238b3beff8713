/** What every benchmark script shares: its numeric flags, its output line, a percentile. */

/** `--name N` from the command line, or the fallback. */
export const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

/** `--name 1,2,3` from the command line, or the fallback. */
export const argList = (name: string, fallback: number[]): number[] => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0
    ? String(process.argv[i + 1])
        .split(',')
        .map(Number)
    : fallback;
};

export const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** The `p` quantile (0 to 1) of latencies in ms, to a tenth. */
export const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) * 10) / 10;
};

/** The 95th percentile in ms, to a tenth. */
export const p95 = (xs: number[]): number => percentile(xs, 0.95);

export interface Sample {
  label: string;
  ms: number;
  ok: boolean;
}

/** `users` loops, each sending its next request when the last is answered, until `done()`. */
export async function closedLoop(
  users: number,
  done: () => boolean,
  next: (user: number, i: number) => Promise<{ label: string; ok: boolean }>,
) {
  const samples: Sample[] = [];
  await Promise.all(
    Array.from({ length: users }, async (_, user) => {
      for (let i = 0; !done(); i++) {
        const t = performance.now();
        let result = { label: '?', ok: false };
        try {
          result = await next(user, i);
        } catch {
          // counted as an error below
        }
        samples.push({ ...result, ms: performance.now() - t });
      }
    }),
  );
  return samples;
}

/** A `closedLoop` condition: true once `seconds` have passed from now. */
export function forSeconds(seconds: number): () => boolean {
  const end = performance.now() + seconds * 1000;
  return () => performance.now() >= end;
}
