/**
 * Label batches (a use case of the API and the CLI): making one (check what is asked, write the batch
 * row, audited, and start its workflow), and reading batches, their progress and their PDFs for a
 * reader who may see them. The row comes first and the workflow id derives from it, so a repeated start
 * is harmless; a start that fails marks the batch failed rather than leaving it queued for ever.
 */
import type { Readable } from 'node:stream';
import type { Client } from '@temporalio/client';
import { asSubject } from '../../domain/abilities.ts';
import type { AppAbility } from '../../domain/abilities.ts';
import type { Db } from '../../domain/db.ts';
import { ConflictError, ForbiddenError, NotFoundError, RuleError, UnavailableError } from '../../domain/errors.ts';
import type { FileStore } from '../../domain/files.ts';
import type { ListParams, ListResult } from '../../domain/paging.ts';
import type { AuditContext, AuditStore } from '../../domain/stores/audit.ts';
import type { RegionStore } from '../../domain/stores/regions.ts';
import { LABELS_PER_PAGE } from '../../domain/labels/layout.ts';
import { assertMayPrint, checkPrintableCodes, commonRegion } from '../../domain/labels/selection.ts';
import { LabelSource } from '../../domain/labels/source.ts';
import type { LabelBatch, LabelBatchChunk, LabelBatchStatus, LabelBatchStore } from '../../domain/labels/store.ts';
import { startLabelBatchWorkflow } from '../../domain/labels/workflow-client.ts';

/** Labels per chunk: a few seconds of work, 50 full pages. */
export const LABEL_CHUNK_SIZE = 500;

/** Print a whole region, or chosen houses. */
export type LabelBatchRequest = { regionCode: string } | { codes: string[] };

/** What the label-batch use cases need. */
export interface LabelBatchServiceDeps {
  /** Transactions, and the label source and selection check that read the houses. */
  db: Db;
  batches: LabelBatchStore;
  regions: RegionStore;
  audit: AuditStore;
  files: FileStore;
  temporal: Client;
  taskQueue: string;
}

/** The filters of a batch list. */
export type LabelBatchListParams = ListParams & {
  status?: LabelBatchStatus | undefined;
  regionCode?: string | undefined;
  ids?: string[] | undefined;
};

export class LabelBatchService {
  constructor(private readonly deps: LabelBatchServiceDeps) {}

  private async regionPlan(ability: AppAbility, regionCode: string, cutoff: Date): Promise<number> {
    if (!(await this.deps.regions.find(ability, regionCode))) {
      throw RuleError.field('body.regionCode', 'unknownRegion', `行政区划 ${regionCode} 不存在或不在您的管辖范围内`, 'UNKNOWN_REGION');
    }
    assertMayPrint(ability, regionCode);
    const total = await new LabelSource(this.deps.db, '').count(regionCode, cutoff);
    if (total === 0) throw RuleError.field('body.regionCode', 'empty', '该区域还没有登记房屋，没有可打印的标签', 'NOTHING_TO_PRINT');
    return total;
  }

  /**
   * Creates a batch for a region or a selection and starts printing it; returns the batch as written
   * (whoever asks may read it back). `chunkSize` must be a multiple of the labels on a page, so chunks
   * join without half-empty pages.
   */
  async create(ability: AppAbility, who: AuditContext, request: LabelBatchRequest, chunkSize = LABEL_CHUNK_SIZE): Promise<LabelBatch> {
    if (chunkSize <= 0 || chunkSize % LABELS_PER_PAGE !== 0) throw new RangeError(`chunk size must be a multiple of ${LABELS_PER_PAGE}`);
    const { batches } = this.deps;
    // Buildings registered after this instant are not part of the batch, however long it runs. The
    // database's clock, the one that stamps buildings, decides.
    const cutoff = await batches.clock();
    let regionCode: string;
    let codes: string[] | null = null;
    let total: number;
    if ('codes' in request) {
      codes = await checkPrintableCodes(this.deps.db, ability, request.codes);
      regionCode = commonRegion(codes);
      total = codes.length;
    } else {
      regionCode = request.regionCode;
      total = await this.regionPlan(ability, regionCode, cutoff);
    }
    if (!ability.can('create', asSubject('LabelBatch', { regionCode }))) throw new ForbiddenError('无权为该区域创建标签打印任务');
    const id = await this.deps.db.transaction(async (trx) => {
      const batchId = await batches.create({ regionCode, codes, total, chunkSize, createdBy: who.actorId, createdAt: cutoff }, trx);
      await this.deps.audit.record(
        who,
        {
          action: 'labelBatch.create',
          subjectType: 'LabelBatch',
          subjectId: batchId,
          regionCode,
          details: { total, selection: codes !== null },
        },
        trx,
      );
      return batchId;
    });
    try {
      await startLabelBatchWorkflow(this.deps, id);
    } catch (error) {
      await batches.fail(id, '打印任务未能启动（工作流服务不可用），请重新提交');
      throw new UnavailableError('TEMPORAL_UNAVAILABLE', `工作流服务暂不可用，打印任务未能启动，请稍后重试`, [
        { field: 'temporal', reason: 'unavailable', message: (error as Error).message },
      ]);
    }
    return this.found(null, id);
  }

  /** One batch; with an ability, only one it may read (404 otherwise). */
  private async found(ability: AppAbility | null, id: string): Promise<LabelBatch> {
    const batch = await this.deps.batches.find(ability, id);
    if (!batch) throw new NotFoundError('打印任务不存在或无权查看');
    return batch;
  }

  /** A page of the batches the reader may see. */
  list(ability: AppAbility, params: LabelBatchListParams): Promise<ListResult<LabelBatch>> {
    return this.deps.batches.list(ability, params);
  }

  /** One batch the reader may see, with its finished chunks. */
  async get(ability: AppAbility, id: string): Promise<{ batch: LabelBatch; chunks: LabelBatchChunk[] }> {
    const batch = await this.found(ability, id);
    return { batch, chunks: await this.deps.batches.chunks(batch.id) };
  }

  /** The PDF of a finished batch the reader may see; 409 while it is still being made. */
  async file(ability: AppAbility, id: string): Promise<{ batch: LabelBatch; body: Readable }> {
    const batch = await this.found(ability, id);
    if (batch.status !== 'done' || !batch.fileKey) {
      throw new ConflictError('LABEL_BATCH_NOT_READY', `标签尚未生成完毕（${batch.doneCount}/${batch.total}），请稍后再下载`);
    }
    return { batch, body: this.deps.files.read(batch.fileKey) };
  }

  /** The PDF of one finished chunk of a batch the reader may see; 404 until that chunk is done. */
  async chunkFile(
    ability: AppAbility,
    id: string,
    chunkNo: number,
  ): Promise<{ batch: LabelBatch; chunk: LabelBatchChunk; body: Readable }> {
    const batch = await this.found(ability, id);
    const chunk = await this.deps.batches.chunk(batch.id, chunkNo);
    if (!chunk) throw new NotFoundError(`第 ${chunkNo} 部分尚未生成`);
    return { batch, chunk, body: this.deps.files.read(chunk.fileKey) };
  }
}
