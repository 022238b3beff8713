/**
 * Import benchmark piece: N synthetic houses written as a template CSV and imported through the real
 * import path (plan, then chunk by chunk as the activities do, then the report), beside a raw load
 * of the same rows into a scratch copy of the buildings table (server-side COPY when the database
 * server can read our temporary file, else multi-row INSERTs) as the baseline. It writes N rows into
 * `buildings`: run it on a scratch database.
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildingCode } from '../domain/buildings/code.ts';
import { BUILDING_COLUMNS, toRow } from '../domain/buildings/building-sql.ts';
import type { Db } from '../domain/db.ts';
import { LocalFileStore } from '../domain/files.ts';
import { importChunk } from '../domain/imports/chunk.ts';
import { BOM, csvLine } from '../domain/imports/csv.ts';
import { DatabaseImportJobStore } from '../domain/imports/database-store.ts';
import { prepareImport } from '../domain/imports/prepare.ts';
import { finishImport } from '../domain/imports/report.ts';
import { DEFAULT_CHUNK_SIZE } from '../api/services/imports.ts';
import { templateCells } from '../domain/imports/template-files.ts';
import { IMPORT_COLUMNS } from '../domain/imports/template.ts';
import { syntheticBuildings } from '../tools/synthetic/buildings.ts';

/** Durations in milliseconds. */
export interface ImportBenchResult {
  rows: number;
  fileBytes: number;
  /** The whole import path: plan + chunks + report. */
  importMs: number;
  prepareMs: number;
  chunksMs: number;
  finishMs: number;
  inserted: number;
  failedRows: number;
  /** Raw load of the same rows into a scratch table with the same columns and indexes. */
  baselineMs: number;
  baselineMethod: 'COPY' | 'INSERT';
}

const ms = (from: number) => Math.round(performance.now() - from);

/** Loads rows straight into a scratch copy of `buildings`; the table is dropped afterwards. */
async function baseline(db: Db, rows: Record<string, unknown>[], dir: string): Promise<{ ms: number; method: 'COPY' | 'INSERT' }> {
  const columns = Object.keys(rows[0] ?? {});
  const table = `bench_raw_${randomUUID().slice(0, 8)}`;
  await db.raw(`CREATE TABLE ${table} (LIKE buildings INCLUDING ALL)`);
  try {
    const file = join(dir, 'raw.csv');
    writeFileSync(file, rows.map((r) => csvLine(columns.map((c) => r[c] as string | number | null))).join(''));
    chmodSync(dir, 0o755);
    chmodSync(file, 0o644);
    const list = columns.map((c) => `"${c}"`).join(', ');
    const started = performance.now();
    try {
      await db.raw(`COPY ${table} (${list}) FROM '${file}' WITH (FORMAT csv)`);
      return { ms: ms(started), method: 'COPY' };
    } catch {
      const again = performance.now();
      await db.raw(`TRUNCATE ${table}`);
      for (let i = 0; i < rows.length; i += 5000) {
        await db.raw(`INSERT INTO ${table} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${table}, ?::jsonb)`, [
          JSON.stringify(rows.slice(i, i + 5000)),
        ]);
      }
      return { ms: ms(again), method: 'INSERT' };
    }
  } finally {
    await db.raw(`DROP TABLE IF EXISTS ${table}`);
  }
}

/** Imports `rows` synthetic houses (seed 4242 unless given) through the import path and times it. */
export async function benchImport(db: Db, options: { rows: number; seed?: number; chunkSize?: number }): Promise<ImportBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ydym-bench-import-'));
  const files = new LocalFileStore(join(dir, 'files'));
  try {
    const houses = [...syntheticBuildings(options.rows, options.seed ?? 4242)];
    const text = BOM + csvLine(IMPORT_COLUMNS.map((c) => c.header)) + houses.map((h) => csvLine(templateCells(h))).join('');
    const id = randomUUID();
    const fileKey = `imports/${id}/source.csv`;
    await files.put(fileKey, text);
    const jobs = new DatabaseImportJobStore(db);
    await jobs.insert({
      id,
      file_key: fileKey,
      file_name: 'bench.csv',
      file_kind: 'csv',
      encoding: 'utf-8',
      file_size: Buffer.byteLength(text),
      region_code: (houses[0]?.villageCode ?? '441802').slice(0, 6),
      created_by: null,
      actor_name: 'bench',
      chunk_size: options.chunkSize ?? DEFAULT_CHUNK_SIZE,
    });
    const deps = { db, files };
    const t0 = performance.now();
    const plan = await prepareImport(deps, id);
    if (plan.error) throw new Error(`bench file refused: ${plan.error}`);
    const t1 = performance.now();
    // Two chunks in flight, as the workflow runs them.
    const queue = [...plan.chunks];
    const lane = async () => {
      for (let chunk = queue.shift(); chunk; chunk = queue.shift()) await importChunk(deps, id, chunk);
    };
    await Promise.all([lane(), lane()]);
    const t2 = performance.now();
    const job = await finishImport(deps, id);
    const t3 = performance.now();

    const seqs = new Map<string, number>();
    const raw = houses.map((h) => {
      const seq = (seqs.get(h.villageCode) ?? 0) + 1;
      seqs.set(h.villageCode, seq);
      const row = toRow(h);
      return {
        code: buildingCode(h.villageCode, seq),
        seq,
        ...Object.fromEntries(Object.values(BUILDING_COLUMNS).map((c) => [c, row[c] ?? null])),
      };
    });
    for (const r of raw) delete (r as Record<string, unknown>).approvals;
    const base = await baseline(db, raw, dir);
    return {
      rows: options.rows,
      fileBytes: Buffer.byteLength(text),
      importMs: Math.round(t3 - t0),
      prepareMs: Math.round(t1 - t0),
      chunksMs: Math.round(t2 - t1),
      finishMs: Math.round(t3 - t2),
      inserted: job.inserted,
      failedRows: job.failedRows,
      baselineMs: base.ms,
      baselineMethod: base.method,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
