/**
 * `npm run bench:export [-- --scale 0.05 --edits 1000 --fresh]`: the upward report (数据上报, issue 20 §2)
 * of the whole district on the statistics benchmark's database (`ydym_bench_stats_<houses>`, 260,000
 * houses at full scale, bench/stats-database.ts: made once, reused):
 *  1. the full report: the data-report activity's own code (domain/reports/build.ts: one REPEATABLE READ
 *     transaction, CSV + XLSX + manifest into a file store in a temporary folder, the snapshot rows), run
 *     in this process: wall time, this process's peak RSS (sampled every 50 ms), each file's size;
 *     baseline in the same run: a raw `COPY (SELECT <the same columns> ORDER BY code) TO STDOUT (CSV)`
 *     through psql into a file;
 *  2. `edits` houses edited (one UPDATE, occupants + 1), then the change report against the first:
 *     wall time, peak RSS, rows and file sizes.
 * The bench's earlier reports (created_by_name 'bench:export') are deleted first, so every run starts
 * with no previous report.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CURRENT_NATIONAL_LAYOUT } from '../definitions/national-layout/index.ts';
import { LocalFileStore } from '../domain/files.ts';
import { buildReport } from '../domain/reports/build.ts';
import { DatabaseDataReportStore } from '../domain/reports/database-store.ts';
import { sourceColumn } from '../domain/reports/rows.ts';
import type { DataReportKind } from '../domain/reports/store.ts';
import { runMain } from '../domain/run-main.ts';
import { scaledSize } from '../tools/synthetic/statistics-dataset.ts';
import { arg, say } from './cli.ts';
import { loadDataset, openDatabase } from './stats-database.ts';

const run = promisify(execFile);
const DISTRICT = '441802';
const BENCH = 'bench:export';
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Runs `work`, sampling this process's RSS; returns its result, seconds and the peak RSS above the start. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peak: number; base: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, seconds: (performance.now() - started) / 1000, peak, base };
  } finally {
    clearInterval(timer);
  }
}

runMain(BENCH, async () => {
  const scale = arg('scale', 1);
  const edits = arg('edits', 1000);
  const size = scaledSize(scale);
  say(`${BENCH}: ${size.houses} houses (scale ${scale}); this machine: ${cpus().length} cores`);
  const database = await openDatabase(size);
  const { db } = database;
  const dir = mkdtempSync(join(tmpdir(), 'ydym-bench-export-'));
  const files = new LocalFileStore(dir);
  const store = new DatabaseDataReportStore(db);
  const figures: string[] = [];
  try {
    await loadDataset(database, size);
    const removed = (await db.raw(`DELETE FROM data_reports WHERE created_by_name = ? RETURNING id`, [BENCH])) as { rowCount: number };
    if (removed.rowCount) say(`  deleted ${removed.rowCount} reports of earlier runs`);
    const houses = (
      (await db.raw(`SELECT count(*)::int AS n FROM buildings WHERE village_code LIKE ?`, [`${DISTRICT}%`])).rows[0] as { n: number }
    ).n;

    const report = async (kind: DataReportKind) => {
      const base = await store.latestDone(DISTRICT);
      const id = await store.create({
        regionCode: DISTRICT,
        kind,
        baseReportId: base?.id ?? null,
        layoutVersion: CURRENT_NATIONAL_LAYOUT.version,
        createdBy: null,
        createdByName: BENCH,
      });
      const found = await store.find(null, id);
      if (!found) throw new Error('report row missing');
      await store.markRunning(id);
      return measured(() => buildReport({ db, files, store }, found));
    };

    say(`full report of ${houses} houses…`);
    const full = await report('full');
    const fileList = (f: { name: string; size: number }[]) =>
      f.map((x) => `${x.name.replace(/^houses-\d+-/, '')} ${mb(x.size)}`).join(', ');
    say(`  ${full.seconds.toFixed(1)} s, peak RSS ${mb(full.peak)} (+${mb(full.peak - full.base)}); ${fileList(full.result.files)}`);
    figures.push(
      `| full report (CSV + XLSX + manifest + snapshot) | ${full.result.counts.rows} | ${full.seconds.toFixed(1)} s | ${mb(full.peak)} (+${mb(full.peak - full.base)}) | ${fileList(full.result.files)} |`,
    );

    // The baseline: the same columns, straight out of PostgreSQL, no codes, no hashing, no workbook.
    const columns = [...new Set(CURRENT_NATIONAL_LAYOUT.columns.flatMap((c) => sourceColumn(c) ?? []))];
    const copyFile = join(dir, 'copy.csv');
    const select = `SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM buildings WHERE village_code LIKE '${DISTRICT}%' ORDER BY code`;
    const copyStart = performance.now();
    await run('psql', [database.url, '-q', '-c', `\\copy (${select}) TO '${copyFile}' WITH (FORMAT csv, HEADER)`], { maxBuffer: 1 << 20 });
    const copySeconds = (performance.now() - copyStart) / 1000;
    const copySize = statSync(copyFile).size;
    say(`  raw COPY of the same columns: ${copySeconds.toFixed(1)} s, ${mb(copySize)}`);
    figures.push(`| raw \`COPY … TO\` (psql \\copy, CSV) | ${houses} | ${copySeconds.toFixed(1)} s | (psql) | ${mb(copySize)} |`);

    say(`editing ${edits} houses…`);
    await db.raw(
      `UPDATE buildings SET occupants = coalesce(occupants, 0) + 1, updated_at = now()
       WHERE code IN (SELECT code FROM buildings WHERE village_code LIKE ? ORDER BY md5(code) LIMIT ?)`,
      [`${DISTRICT}%`, edits],
    );
    const changes = await report('changes');
    const c = changes.result.counts;
    say(
      `  change report: ${changes.seconds.toFixed(1)} s, peak RSS ${mb(changes.peak)}; ${c.added} added, ${c.changed} changed, ${c.removed} removed; ${fileList(changes.result.files)}`,
    );
    figures.push(
      `| change report after ${edits} edits (${c.changed} changed rows) | ${c.rows} | ${changes.seconds.toFixed(1)} s | ${mb(changes.peak)} (+${mb(changes.peak - changes.base)}) | ${fileList(changes.result.files)} |`,
    );
    say('');
    say('| what | rows | time | peak RSS (bench process) | files |');
    say('|---|---|---|---|---|');
    for (const f of figures) say(f);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.destroy();
  }
});
