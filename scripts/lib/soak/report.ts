/** The soak's printed tables (Markdown, so a run can be pasted into the README as it is). */
import { latencyTable, recoveries, statusCounts } from './stats.ts';
import type { FaultWindow, Percentiles, Sample } from './stats.ts';

const cell = (p: Percentiles | undefined) => (p && p.count ? `${p.p50} / ${p.p95} / ${p.p99} (${p.count})` : '—');
const seconds = (s: number | undefined) => (s === undefined ? 'not within the run' : `${s.toFixed(1)} s`);

export function soakReport(samples: Sample[], faults: FaultWindow[]): string[] {
  const lines: string[] = [];
  const table = latencyTable(samples, faults);
  lines.push(
    'Latency by request kind, ms from when it was due (p50 / p95 / p99, count), outside the faults and within each fault’s window:',
  );
  lines.push('');
  lines.push(`| request | outside faults | ${faults.map((f) => f.name).join(' | ')} |`);
  lines.push(`| --- | --- | ${faults.map(() => '---').join(' | ')} |`);
  for (const [kind, row] of table)
    lines.push(`| ${kind} | ${cell(row.outside)} | ${faults.map((f) => cell(row.during.get(f.name))).join(' | ')} |`);
  lines.push('');
  lines.push('| fault | repaired in | first 2xx at the first try | latency back under the p95 outside faults |');
  lines.push('| --- | --- | --- | --- |');
  const rec = recoveries(samples, faults);
  for (const [i, f] of faults.entries()) {
    const r = rec[i];
    lines.push(`| ${f.name} | ${((f.end - f.start) / 1000).toFixed(1)} s | ${seconds(r?.firstSuccess)} | ${seconds(r?.backToBaseline)} |`);
  }
  lines.push('');
  lines.push('Answers by status, every attempt counted (0: no answer):');
  lines.push('');
  for (const [kind, row] of statusCounts(samples))
    lines.push(
      `- ${kind}: ${[...row]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status} × ${n}`)
        .join(', ')}`,
    );
  return lines;
}
