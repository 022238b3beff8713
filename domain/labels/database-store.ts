/**
 * `LabelBatchStore` on PostgreSQL: the batch row and one row per finished chunk; a chunk's row and the
 * progress it moves are written in one transaction.
 */
import { SWEEP_LIMIT, writtenBefore } from '../stores/unstarted.ts';
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import type { Db } from '../db.ts';
import { paged } from '../paging.ts';
import type { ListParams, ListResult } from '../paging.ts';
import type { LabelBatch, LabelBatchChunk, LabelBatchSortField, LabelBatchStatus, LabelBatchStore, NewLabelBatch } from './store.ts';

interface Row {
  id: string;
  region_code: string;
  region_name: string | null;
  selection_size: number | null;
  status: LabelBatchStatus;
  total: number;
  done_count: number;
  chunk_size: number;
  file_key: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  finished_at: Date | null;
  error: string | null;
}

function toBatch(r: Row): LabelBatch {
  return {
    id: r.id,
    regionCode: r.region_code,
    regionName: r.region_name,
    selectionSize: r.selection_size,
    status: r.status,
    total: r.total,
    doneCount: r.done_count,
    chunkSize: r.chunk_size,
    chunkCount: Math.ceil(r.total / r.chunk_size),
    fileKey: r.file_key,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    error: r.error,
  };
}

const SORT: Record<LabelBatchSortField, string> = {
  createdAt: 'lb.created_at',
  total: 'lb.total',
  status: 'lb.status',
  regionCode: 'lb.region_code',
};
const SCOPE = { regionCode: 'lb.region_code' };
const ROW_COLUMNS = [
  'id',
  'region_code',
  'status',
  'total',
  'done_count',
  'chunk_size',
  'file_key',
  'created_by',
  'created_at',
  'finished_at',
  'error',
].map((c) => `lb.${c}`);

export class DatabaseLabelBatchStore implements LabelBatchStore {
  constructor(private readonly db: Db) {}

  private base(db: Db = this.db) {
    return (
      db('label_batches as lb')
        .leftJoin('regions as r', 'r.code', 'lb.region_code')
        .leftJoin('users as u', 'u.id', 'lb.created_by')
        .select(...ROW_COLUMNS, 'r.name as region_name', 'u.name as created_by_name')
        // A selection may hold thousands of codes: lists carry its size, the worker reads it in slices.
        .select(db.raw('jsonb_array_length(lb.codes) AS selection_size'))
    );
  }

  /**
   * The database's clock, the one that stamps buildings: a batch covers the houses registered before
   * this instant, however long it runs.
   */
  async clock(): Promise<Date> {
    const clock = (await this.db.raw('SELECT clock_timestamp() AS now')) as { rows: { now: Date }[] };
    return clock.rows[0]?.now ?? new Date();
  }

  async create(input: NewLabelBatch, db: Db = this.db): Promise<string> {
    const [row] = (await db('label_batches')
      .insert({
        region_code: input.regionCode,
        codes: input.codes === null ? null : JSON.stringify(input.codes),
        total: input.total,
        chunk_size: input.chunkSize,
        created_by: input.createdBy,
        ...(input.createdAt ? { created_at: input.createdAt } : {}),
      })
      .returning('id')) as { id: string }[];
    return (row as { id: string }).id;
  }

  /** One batch; with an ability, only when it may read it. */
  async find(ability: AppAbility | null, id: string): Promise<LabelBatch | undefined> {
    const query = this.base().where('lb.id', id);
    if (ability) whereAllowed(query, ability, 'read', 'LabelBatch', SCOPE);
    const row = (await query.first()) as Row | undefined;
    return row && toBatch(row);
  }

  async list(
    ability: AppAbility,
    params: ListParams & { status?: LabelBatchStatus | undefined; regionCode?: string | undefined; ids?: string[] | undefined },
  ): Promise<ListResult<LabelBatch>> {
    const query = whereAllowed(this.base(), ability, 'read', 'LabelBatch', SCOPE);
    if (params.status) query.where('lb.status', params.status);
    if (params.regionCode) query.whereRaw('lb.region_code LIKE ?', [`${params.regionCode}%`]);
    if (params.ids) query.whereIn('lb.id', params.ids);
    return paged<Row, LabelBatch>(query, params, SORT, 'createdAt', 'lb.id', toBatch);
  }

  /** Codes `from` (0-based) up to `to` (exclusive) of a batch's selection, in code order. */
  async selectionSlice(id: string, from: number, to: number): Promise<string[]> {
    const rows = (await this.db.raw(
      `SELECT e.code FROM label_batches lb, jsonb_array_elements_text(lb.codes) WITH ORDINALITY AS e(code, n)
       WHERE lb.id = ? AND e.n > ? AND e.n <= ? ORDER BY e.n`,
      [id, from, to],
    )) as { rows: { code: string }[] };
    return rows.rows.map((r) => r.code);
  }

  async chunks(id: string): Promise<LabelBatchChunk[]> {
    const rows = (await this.db('label_batch_chunks').where({ batch_id: id }).orderBy('chunk_no')) as {
      chunk_no: number;
      file_key: string;
      label_count: number;
      last_code: string;
      done_at: Date;
    }[];
    return rows.map((r) => ({
      chunkNo: r.chunk_no,
      fileKey: r.file_key,
      labelCount: r.label_count,
      lastCode: r.last_code,
      doneAt: r.done_at,
    }));
  }

  async chunk(id: string, chunkNo: number): Promise<LabelBatchChunk | undefined> {
    return (await this.chunks(id)).find((c) => c.chunkNo === chunkNo);
  }

  /** Queued → running (no change once running, done or failed). */
  async markRunning(id: string): Promise<void> {
    await this.db('label_batches').where({ id, status: 'queued' }).update({ status: 'running' });
  }

  /** Records a finished chunk once; returns false when it was already recorded (progress unchanged). */
  async recordChunk(id: string, chunk: Omit<LabelBatchChunk, 'doneAt'>): Promise<boolean> {
    return this.db.transaction(async (trx) => {
      const inserted = (await trx('label_batch_chunks')
        .insert({
          batch_id: id,
          chunk_no: chunk.chunkNo,
          file_key: chunk.fileKey,
          label_count: chunk.labelCount,
          last_code: chunk.lastCode,
        })
        .onConflict(['batch_id', 'chunk_no'])
        .ignore()
        .returning('chunk_no')) as unknown[];
      if (inserted.length === 0) return false;
      await trx('label_batches')
        .where({ id })
        .update({ done_count: trx.raw('done_count + ?', [chunk.labelCount]) });
      return true;
    });
  }

  async finish(id: string, fileKey: string): Promise<void> {
    await this.db('label_batches').where({ id }).update({ status: 'done', file_key: fileKey, finished_at: this.db.fn.now(), error: null });
  }

  async fail(id: string, error: string): Promise<void> {
    await this.db('label_batches')
      .where({ id })
      .whereNot({ status: 'done' })
      .update({ status: 'failed', error: error.slice(0, 2000), finished_at: this.db.fn.now() });
  }

  async queued(olderThanMs: number, limit = SWEEP_LIMIT): Promise<{ id: string }[]> {
    return (await this.db('label_batches')
      .where('status', 'queued')
      .where('created_at', '<', writtenBefore(this.db, olderThanMs))
      .limit(limit)
      .select('id')) as { id: string }[];
  }
}
