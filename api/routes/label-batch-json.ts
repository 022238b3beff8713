/** The JSON shape of a label batch in the API, and its OpenAPI schema. */
import { Type } from '@sinclair/typebox';
import { LABEL_BATCH_STATUSES } from '../../domain/labels/store.ts';
import type { LabelBatch, LabelBatchChunk } from '../../domain/labels/store.ts';
import { Nullable, Timestamp } from '../http/schemas.ts';

/** queued → running → done, or failed. */
export const LabelBatchStatus = Type.Union(LABEL_BATCH_STATUSES.map((s) => Type.Literal(s)));
const Chunk = Type.Object({ chunkNo: Type.Integer(), labelCount: Type.Integer(), doneAt: Timestamp, url: Type.String() });
/** A label batch with its progress, as every label-batch route answers it. */
export const LabelBatchJson = Type.Object({
  id: Type.String({ format: 'uuid' }),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  selection: Type.Boolean({ description: 'true: chosen houses; false: every house of the region' }),
  status: LabelBatchStatus,
  total: Type.Integer(),
  doneCount: Type.Integer(),
  chunkSize: Type.Integer(),
  chunkCount: Type.Integer(),
  fileUrl: Nullable(Type.String({ description: 'The PDF, once done' })),
  createdByName: Nullable(Type.String()),
  createdAt: Timestamp,
  finishedAt: Nullable(Timestamp),
  error: Nullable(Type.String()),
  chunks: Type.Optional(Type.Array(Chunk, { description: 'Finished chunks (single batch only), each downloadable' })),
});
function fileUrlOf(id: string): string {
  return `/api/label-batches/${id}/file`;
}

/** A batch as the API answers it; `chunks` only for a single batch. */
export function labelBatchJson(b: LabelBatch, chunks?: LabelBatchChunk[]) {
  return {
    id: b.id,
    regionCode: b.regionCode,
    regionName: b.regionName,
    selection: b.selectionSize !== null,
    status: b.status,
    total: b.total,
    doneCount: b.doneCount,
    chunkSize: b.chunkSize,
    chunkCount: b.chunkCount,
    fileUrl: b.status === 'done' && b.fileKey ? fileUrlOf(b.id) : null,
    createdByName: b.createdByName,
    createdAt: b.createdAt.toISOString(),
    finishedAt: b.finishedAt?.toISOString() ?? null,
    error: b.error,
    ...(chunks
      ? {
          chunks: chunks.map((c) => ({
            chunkNo: c.chunkNo,
            labelCount: c.labelCount,
            doneAt: c.doneAt.toISOString(),
            url: `/api/label-batches/${b.id}/chunks/${c.chunkNo}.pdf`,
          })),
        }
      : {}),
  };
}
