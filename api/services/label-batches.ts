/**
 * Making a label batch (a use case of the API and the CLI): check what is asked, write the batch row
 * (audited) and start its workflow. The row comes first and the workflow id derives from it, so a repeated start is harmless; a start
 * that fails marks the batch failed rather than leaving it queued for ever.
 */
import type { Client } from '@temporalio/client';
import { asSubject } from '../../domain/abilities.ts';
import type { AppAbility } from '../../domain/abilities.ts';
import type { Db } from '../../domain/db.ts';
import { ForbiddenError, RuleError, UnavailableError } from '../../domain/errors.ts';
import { DatabaseAuditStore } from '../../domain/stores/database-audit.ts';
import type { AuditContext } from '../../domain/stores/audit.ts';
import { DatabaseRegionStore } from '../../domain/stores/database-regions.ts';
import { LABELS_PER_PAGE } from '../../domain/labels/layout.ts';
import { assertMayPrint, checkPrintableCodes, commonRegion } from '../../domain/labels/selection.ts';
import { LabelSource } from '../../domain/labels/source.ts';
import { startLabelBatchWorkflow } from '../../domain/labels/workflow-client.ts';
import { DatabaseLabelBatchStore } from '../../domain/labels/database-store.ts';

/** Labels per chunk: a few seconds of work, 50 full pages. */
export const LABEL_CHUNK_SIZE = 500;

/** Print a whole region, or chosen houses. */
export type LabelBatchRequest = { regionCode: string } | { codes: string[] };

/** What making a batch needs: the database and the Temporal client with its task queue. */
export interface LabelBatchDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
}

async function regionPlan(db: Db, ability: AppAbility, regionCode: string, cutoff: Date): Promise<number> {
  if (!(await new DatabaseRegionStore(db).find(ability, regionCode))) {
    throw RuleError.field('body.regionCode', 'unknownRegion', `行政区划 ${regionCode} 不存在或不在您的管辖范围内`, 'UNKNOWN_REGION');
  }
  assertMayPrint(ability, regionCode);
  const total = await new LabelSource(db, '').count(regionCode, cutoff);
  if (total === 0) throw RuleError.field('body.regionCode', 'empty', '该区域还没有登记房屋，没有可打印的标签', 'NOTHING_TO_PRINT');
  return total;
}

/**
 * Creates a batch for a region or a selection and starts printing it; returns the batch id.
 * `chunkSize` must be a multiple of the labels on a page, so chunks join without half-empty pages.
 */
export async function createLabelBatch(
  deps: LabelBatchDeps,
  ability: AppAbility,
  who: AuditContext,
  request: LabelBatchRequest,
  chunkSize = LABEL_CHUNK_SIZE,
): Promise<string> {
  if (chunkSize <= 0 || chunkSize % LABELS_PER_PAGE !== 0) throw new RangeError(`chunk size must be a multiple of ${LABELS_PER_PAGE}`);
  // Buildings registered after this instant are not part of the batch, however long it runs. The
  // database's clock, the one that stamps buildings, decides.
  const store = new DatabaseLabelBatchStore(deps.db);
  const cutoff = await store.clock();
  let regionCode: string;
  let codes: string[] | null = null;
  let total: number;
  if ('codes' in request) {
    codes = await checkPrintableCodes(deps.db, ability, request.codes);
    regionCode = commonRegion(codes);
    total = codes.length;
  } else {
    regionCode = request.regionCode;
    total = await regionPlan(deps.db, ability, regionCode, cutoff);
  }
  if (!ability.can('create', asSubject('LabelBatch', { regionCode }))) throw new ForbiddenError('无权为该区域创建标签打印任务');
  const id = await deps.db.transaction(async (trx) => {
    const batchId = await store.create({ regionCode, codes, total, chunkSize, createdBy: who.actorId, createdAt: cutoff }, trx);
    await new DatabaseAuditStore(deps.db).record(
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
    await startLabelBatchWorkflow(deps, id);
  } catch (error) {
    await store.fail(id, '打印任务未能启动（工作流服务不可用），请重新提交');
    throw new UnavailableError('TEMPORAL_UNAVAILABLE', `工作流服务暂不可用，打印任务未能启动，请稍后重试`, [
      { field: 'temporal', reason: 'unavailable', message: (error as Error).message },
    ]);
  }
  return id;
}
