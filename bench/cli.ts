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
