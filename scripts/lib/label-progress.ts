/**
 * Progress of label printing on the command line: one line rewritten in place on a terminal, a line
 * per step otherwise (logs), and following a batch until it is done.
 */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../../domain/db.ts';
import type { FileStore } from '../../domain/files.ts';
import { DatabaseLabelBatchStore } from '../../domain/labels/database-store.ts';
import type { LabelBatch } from '../../domain/labels/store.ts';

const STATUS_TEXT: Record<LabelBatch['status'], string> = { queued: '排队中', running: '生成中', done: '已完成', failed: '失败' };

/** Writes `done / total` with a rate; `final` ends the line. */
export function progressLine(done: number, total: number, startedAt: number, final = false): void {
  const seconds = (Date.now() - startedAt) / 1000;
  const percent = total ? Math.floor((done / total) * 100) : 100;
  const rate = seconds > 0 ? Math.round(done / seconds) : 0;
  const text = `已生成 ${done.toLocaleString('en')} / ${total.toLocaleString('en')} 张标签（${percent}%），每秒 ${rate} 张`;
  if (process.stderr.isTTY) process.stderr.write(`\r${text}${final ? '\n' : ''}`);
  else process.stderr.write(`${text}\n`);
}

/** A summary of a batch, several lines. */
export function describeBatch(b: LabelBatch): string {
  const lines = [
    `打印任务 ${b.id}`,
    `  区域：${b.regionName ?? ''}（${b.regionCode}）${b.selectionSize !== null ? `，选定 ${b.selectionSize} 栋` : ''}`,
    `  状态：${STATUS_TEXT[b.status]}，进度 ${b.doneCount} / ${b.total} 张，共 ${b.chunkCount} 部分（每部分 ${b.chunkSize} 张）`,
    `  创建：${b.createdAt.toISOString()}${b.createdByName ? `（${b.createdByName}）` : ''}`,
  ];
  if (b.finishedAt) lines.push(`  结束：${b.finishedAt.toISOString()}`);
  if (b.error) lines.push(`  错误：${b.error}`);
  return lines.join('\n');
}

/**
 * Polls a batch until it is done or failed, showing its progress; copies the PDF to `out` when given.
 * Returns the finished batch (failed ones too: the caller decides the exit code).
 */
export async function followBatch(db: Db, files: FileStore, id: string, out?: string): Promise<LabelBatch> {
  const store = new DatabaseLabelBatchStore(db);
  const startedAt = Date.now();
  let hinted = false;
  for (;;) {
    const batch = await store.find(null, id);
    if (!batch) throw new Error(`打印任务 ${id} 不存在`);
    if (batch.status === 'done' || batch.status === 'failed') {
      progressLine(batch.doneCount, batch.total, startedAt, true);
      if (batch.status === 'done' && batch.fileKey) {
        if (out) await pipeline(files.read(batch.fileKey), createWriteStream(out));
        process.stdout.write(`PDF：${out ?? files.where(batch.fileKey)}\n`);
      }
      return batch;
    }
    progressLine(batch.doneCount, batch.total, startedAt);
    if (batch.status === 'queued' && !hinted && Date.now() - startedAt > 15_000) {
      process.stderr.write('\n仍在排队：worker 是否在运行（npm start 或 npm run worker）？\n');
      hinted = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
