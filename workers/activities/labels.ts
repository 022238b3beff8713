/**
 * Activities of the label-batch workflow. Each is safe to repeat: a chunk already recorded is not
 * rendered again, the merged file is written under a fixed key, and status changes are guarded.
 */
import { PassThrough } from 'node:stream';
import type { Readable } from 'node:stream';
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Db } from '../../domain/db.ts';
import type { FileStore } from '../../domain/files.ts';
import { LABELS_PER_PAGE } from '../../domain/labels/layout.ts';
import { mergePdfs } from '../../domain/labels/merge.ts';
import { writeLabelSheet } from '../../domain/labels/pdf.ts';
import type { LabelData } from '../../domain/labels/pdf.ts';
import { LabelSource } from '../../domain/labels/source.ts';
import { DatabaseLabelBatchStore } from '../../domain/labels/database-store.ts';
import type { LabelBatch } from '../../domain/labels/store.ts';
import { DatabaseRegionStore } from '../../domain/stores/database-regions.ts';
import { FAILURE } from '../../workflows/shared/messages.ts';

/** Key of the PDF of chunk `chunkNo` (from 1) of a batch. */
export function chunkFileKey(batchId: string, chunkNo: number): string {
  return `label-batches/${batchId}/chunk-${chunkNo}.pdf`;
}

/** Key of the merged PDF of a batch. */
export function batchFileKey(batchId: string): string {
  return `label-batches/${batchId}/labels.pdf`;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** Streams into the file store; a failure on either side removes nothing but never leaves a whole-looking file. */
async function writeToStore(files: FileStore, key: string, write: (out: PassThrough) => Promise<unknown>): Promise<void> {
  const out = new PassThrough();
  const stored = files.put(key, out);
  try {
    await write(out);
    out.end();
  } catch (error) {
    out.destroy(error as Error);
    await stored.catch(() => undefined);
    throw error;
  }
  await stored;
}

/** The label-batch activities, built from their dependencies (wired by the worker, or by tests). */
export function createLabelActivities(deps: { db: Db; files: FileStore; baseUrl: string }) {
  const store = new DatabaseLabelBatchStore(deps.db);
  const regions = new DatabaseRegionStore(deps.db);
  const heartbeat = (details?: unknown) => Context.current().heartbeat(details);

  async function requireBatch(batchId: string): Promise<LabelBatch> {
    const batch = await store.find(null, batchId);
    if (!batch) throw ApplicationFailure.nonRetryable(`label batch ${batchId} does not exist`, FAILURE.labelBatchMissing);
    return batch;
  }

  async function titleOf(batch: LabelBatch): Promise<string> {
    const name =
      batch.selectionSize !== null ? '选定房屋' : (batch.regionName ?? (await regions.nameOf(batch.regionCode)) ?? batch.regionCode);
    return `${name} 房屋标签`;
  }

  async function labelsOf(batch: LabelBatch, chunkNo: number): Promise<LabelData[]> {
    const source = new LabelSource(deps.db, deps.baseUrl);
    const size = batch.chunkSize;
    if (batch.selectionSize !== null) return source.forCodes(await store.selectionSlice(batch.id, (chunkNo - 1) * size, chunkNo * size));
    // A region chunk continues after the last code of the previous one (recorded before this one runs).
    const previous = chunkNo > 1 ? await store.chunk(batch.id, chunkNo - 1) : undefined;
    if (chunkNo > 1 && !previous) throw new Error(`chunk ${chunkNo - 1} of batch ${batch.id} is not recorded`);
    return source.page(batch.regionCode, previous?.lastCode ?? null, size, batch.createdAt);
  }

  return {
    /** Marks the batch running; returns how much there is to do. */
    async startLabelBatch(batchId: string): Promise<{ total: number; chunkCount: number }> {
      const batch = await requireBatch(batchId);
      await store.markRunning(batchId);
      return { total: batch.total, chunkCount: batch.chunkCount };
    },

    /** Renders chunk `chunkNo` (from 1) to its PDF and records it, unless it is recorded already. */
    async renderLabelChunk(input: { batchId: string; chunkNo: number }): Promise<{ labelCount: number; skipped: boolean }> {
      const recorded = await store.chunk(input.batchId, input.chunkNo);
      if (recorded) return { labelCount: recorded.labelCount, skipped: true };
      const batch = await requireBatch(input.batchId);
      const labels = await labelsOf(batch, input.chunkNo);
      const last = labels.at(-1);
      if (!last) return { labelCount: 0, skipped: false };
      const key = chunkFileKey(batch.id, input.chunkNo);
      const firstPageNo = ((input.chunkNo - 1) * batch.chunkSize) / LABELS_PER_PAGE + 1;
      const title = await titleOf(batch);
      await writeToStore(deps.files, key, (out) =>
        writeLabelSheet(labels, out, { title, firstPageNo, onPage: (labelsDone) => heartbeat({ labelsDone }) }),
      );
      await store.recordChunk(batch.id, { chunkNo: input.chunkNo, fileKey: key, labelCount: labels.length, lastCode: last.code });
      return { labelCount: labels.length, skipped: false };
    },

    /** Concatenates the recorded chunks into the batch's PDF and marks the batch done. */
    async mergeLabelBatch(batchId: string): Promise<{ fileKey: string; pages: number }> {
      const batch = await requireBatch(batchId);
      const key = batchFileKey(batchId);
      const chunks = await store.chunks(batchId);
      let pages = 0;
      await writeToStore(deps.files, key, async (out) => {
        async function* sources() {
          for (const chunk of chunks) {
            yield await readAll(deps.files.read(chunk.fileKey));
            heartbeat({ chunkNo: chunk.chunkNo });
          }
        }
        pages = await mergePdfs(sources(), out, await titleOf(batch));
      });
      await store.finish(batchId, key);
      return { fileKey: key, pages };
    },

    /** Records why the batch failed (nothing once it is done). */
    async failLabelBatch(input: { batchId: string; error: string }): Promise<void> {
      await store.fail(input.batchId, input.error);
    },
  };
}

/** Types of the activities, for `proxyActivities` in the workflow. */
export type LabelActivities = ReturnType<typeof createLabelActivities>;
