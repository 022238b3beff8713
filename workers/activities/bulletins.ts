/**
 * Activities of the bulletin workflows. Making a bulletin computes its figures through the cockpit's
 * StatsService, renders the PDF and the workbook, writes both to the file store and then records them
 * with their SHA-256 on the row in one guarded update; a bulletin already done is left as it is, so a
 * retried or repeated activity records nothing twice.
 */
import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import { bulletinContent } from '../../domain/bulletins/content.ts';
import { bulletinData } from '../../domain/bulletins/data.ts';
import { DatabaseBulletinStore } from '../../domain/bulletins/database-store.ts';
import { bulletinPdf } from '../../domain/bulletins/pdf.ts';
import { bulletinXlsx } from '../../domain/bulletins/xlsx.ts';
import { DatabaseCampaignStore } from '../../domain/campaigns/database-store.ts';
import { DatabaseCaseStore } from '../../domain/cases/database-store.ts';
import { DatabaseTaskStore } from '../../domain/cases/database-task-store.ts';
import type { Db } from '../../domain/db.ts';
import type { FileStore } from '../../domain/files.ts';
import { DatabaseStatsStore } from '../../domain/statistics/database-store.ts';
import { addMonths, beijingDay } from '../../domain/statistics/period.ts';
import { StatsService } from '../../domain/statistics/service.ts';
import { DatabaseRegionStore } from '../../domain/stores/database-regions.ts';
import { FAILURE } from '../../workflows/shared/messages.ts';
import type { MonthlyBulletinsInput } from '../../workflows/bulletin/messages.ts';

/**
 * Where a bulletin's file is kept: named by its digest, so two attempts that ran at once never
 * overwrite the file the row names (the row keeps the first attempt's keys and digests).
 */
export function bulletinFileKey(bulletinId: string, sha256: string, ext: 'pdf' | 'xlsx'): string {
  return `bulletins/${bulletinId}/${sha256.slice(0, 16)}.${ext}`;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** The bulletin activities, built from their dependencies (wired by the worker, or by tests). */
export function createBulletinActivities(deps: { db: Db; files: FileStore }, clock: () => Date = () => new Date()) {
  const bulletins = new DatabaseBulletinStore(deps.db);
  const regions = new DatabaseRegionStore(deps.db);
  const stats = new StatsService(
    {
      stats: new DatabaseStatsStore(deps.db),
      regions,
      tasks: new DatabaseTaskStore(deps.db),
      campaigns: new DatabaseCampaignStore(deps.db),
    },
    clock,
  );
  const cases = new DatabaseCaseStore(deps.db);

  return {
    /** Makes the bulletin's files and records them; nothing to do when it is done already. */
    async generateBulletin({ bulletinId }: { bulletinId: string }): Promise<{ pdfSha256: string; xlsxSha256: string }> {
      const bulletin = await bulletins.find(null, bulletinId);
      if (!bulletin) throw ApplicationFailure.nonRetryable(`bulletin ${bulletinId} does not exist`, FAILURE.bulletinMissing);
      if (bulletin.status === 'done') return { pdfSha256: bulletin.pdfSha256!, xlsxSha256: bulletin.xlsxSha256! };
      await bulletins.markRunning(bulletinId);
      const data = await bulletinData({ stats, cases, bulletins }, bulletin.regionCode, bulletin.month);
      const content = bulletinContent(data);
      const [pdf, xlsx] = [await bulletinPdf(content), await bulletinXlsx(content)];
      const [pdfSha256, xlsxSha256] = [sha256(pdf), sha256(xlsx)];
      const files = {
        pdfKey: bulletinFileKey(bulletinId, pdfSha256, 'pdf'),
        pdfSha256,
        xlsxKey: bulletinFileKey(bulletinId, xlsxSha256, 'xlsx'),
        xlsxSha256,
      };
      await deps.files.put(files.pdfKey, pdf);
      await deps.files.put(files.xlsxKey, xlsx);
      if (!(await bulletins.finish(bulletinId, files, data))) {
        // Another attempt finished first: the row keeps its files (ours, under other keys, are never named).
        const now = (await bulletins.find(null, bulletinId))!;
        return { pdfSha256: now.pdfSha256!, xlsxSha256: now.xlsxSha256! };
      }
      return { pdfSha256: files.pdfSha256, xlsxSha256: files.xlsxSha256 };
    },

    /** Records the month's bulletin of every district and town (those already recorded are kept); returns those not done. */
    async planMonthlyBulletins(input: MonthlyBulletinsInput): Promise<{ month: string; bulletinIds: string[] }> {
      const month = input.month ?? addMonths(beijingDay(clock()).slice(0, 7), -1);
      const ids: string[] = [];
      for (const code of await bulletins.scheduledRegions()) {
        const { id } = await bulletins.ensure(code, month, null);
        const row = await bulletins.find(null, id);
        if (row && row.status !== 'done') ids.push(id);
      }
      return { month, bulletinIds: ids };
    },

    async failBulletin({ bulletinId, message }: { bulletinId: string; message: string }): Promise<void> {
      await bulletins.fail(bulletinId, message);
    },
  };
}

export type BulletinActivities = ReturnType<typeof createBulletinActivities>;
