/**
 * Writing one report: the region's houses read page by page in code order inside one REPEATABLE READ
 * transaction (every file and the snapshot show the same instant however long it takes), each row
 * written to the CSV and the workbook as it is read, compared with the region's previous report (a
 * merge walk over both in code order), and kept as this report's snapshot. The snapshot rows and the
 * report's "done" are committed together; a crash midway commits nothing, and the retried activity
 * writes the files again under the same keys.
 */
import ExcelJS from 'exceljs';
import { CURRENT_NATIONAL_LAYOUT, layoutHeader, nationalLayout } from '../../definitions/national-layout/index.ts';
import type { LayoutDefinition } from '../../definitions/national-layout/index.ts';
import type { Db } from '../db.ts';
import type { FileStore } from '../files.ts';
import { BOM, csvLine } from '../imports/csv.ts';
import { CHANGE_COLUMNS, CHANGE_KIND_LABELS } from '../imports/national.ts';
import { manifestOf } from './manifest.ts';
import { changedFields, headerCells, rowCells, rowHash, sourceColumn } from './rows.ts';
import { HashingSink } from './sink.ts';
import type { DataReport, DataReportCounts, DataReportFile, DataReportStore, SnapshotRow } from './store.ts';

/** Houses read per query. */
export const REPORT_PAGE_SIZE = 2_000;

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MANIFEST_TYPE = 'application/json';

export interface BuildDeps {
  db: Db;
  files: FileStore;
  store: DataReportStore;
  /** Called every page (the activity's heartbeat). */
  beat?: (progress: { rows: number }) => void;
  pageSize?: number;
}

/** The file-store key of a report's file. */
export function reportFileKey(reportId: string, name: string): string {
  return `data-reports/${reportId}/${name}`;
}

/**
 * A cell for a CSV people open in Excel: text Excel would run as a formula (=, @, a tab, or + / -
 * followed by more than digits, spaces and dashes) gets a leading apostrophe. Phone numbers (+86 …)
 * and negative numbers are data and stay as they are.
 */
function safeCell(cell: string): string {
  if (/^[=@\t\r]/.test(cell) || (/^[+-]/.test(cell) && !/^[+-][\d\s.-]*$/.test(cell))) return `'${cell}`;
  return cell;
}

/** The workbook's 说明 sheet: each column's group, header and codes. */
function explain(book: ExcelJS.stream.xlsx.WorkbookWriter, layout: LayoutDefinition, report: DataReport): void {
  const sheet = book.addWorksheet('说明');
  sheet.columns = [
    { header: '分组', width: 12 },
    { header: '列名', width: 36 },
    { header: '代码', width: 80 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  sheet.addRow(['版本', layout.name, `报告 ${report.id}（${report.kind === 'full' ? '全量' : '变更'}）`]).commit();
  if (report.kind === 'changes') {
    sheet.addRow(['变更', '【变更】变更类型', '新增 / 修改 / 删除（删除行为上次报告中的内容）']).commit();
    sheet.addRow(['变更', '【变更】变更字段', '修改行中取值不同的列名，以“、”分隔']).commit();
  }
  for (const c of layout.columns) {
    const codes = c.codes
      ? Object.entries(c.codes)
          .map(([v, code]) => `${code}=${v}`)
          .join('，')
      : c.kind === 'bool'
        ? '1=是，0=否'
        : '';
    sheet.addRow([c.group, layoutHeader(c), codes]).commit();
  }
  sheet.commit();
}

/** Writes the report's files and snapshot and marks it done; returns what was recorded. */
export async function buildReport(
  deps: BuildDeps,
  report: DataReport,
): Promise<{ counts: DataReportCounts; files: DataReportFile[]; digest: string }> {
  const layout = nationalLayout(report.layoutVersion) ?? CURRENT_NATIONAL_LAYOUT;
  const pageSize = deps.pageSize ?? REPORT_PAGE_SIZE;
  const columns = [...new Set(['code', 'village_code', ...layout.columns.flatMap((c) => sourceColumn(c) ?? [])])];
  const changesOnly = report.kind === 'changes';
  const header = changesOnly ? [...CHANGE_COLUMNS.map(layoutHeader), ...headerCells(layout)] : headerCells(layout);
  const base = report.baseReportId;

  return deps.db.transaction(
    async (trx) => {
      const csvName = `houses-${report.regionCode}-${report.kind}.csv`;
      const xlsxName = `houses-${report.regionCode}-${report.kind}.xlsx`;
      const csv = new HashingSink(deps.files, reportFileKey(report.id, csvName));
      const xlsx = new HashingSink(deps.files, reportFileKey(report.id, xlsxName));
      try {
        const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: xlsx.stream, useSharedStrings: false, useStyles: true });
        const sheet = book.addWorksheet('房屋信息', { views: [{ state: 'frozen', ySplit: 1 }] });
        const head = sheet.addRow(header);
        head.font = { bold: true };
        head.commit();
        await csv.write(BOM + csvLine(header));
        const emit = async (cells: string[]) => {
          sheet.addRow(cells).commit();
          await csv.write(csvLine(cells.map(safeCell)));
        };

        const counts: DataReportCounts = { total: 0, rows: 0, added: 0, changed: 0, removed: 0, unchanged: 0 };
        const removedRow = async (old: SnapshotRow) => {
          counts.removed++;
          if (changesOnly) {
            counts.rows++;
            await emit([CHANGE_KIND_LABELS.removed, '', ...old.cells]);
          }
        };
        let after = '';
        for (;;) {
          const houses = await deps.store.houses(trx, report.regionCode, columns, after, pageSize);
          const last = houses.at(-1)?.code ?? null;
          // The previous report's rows up to this page's last code (all that remain, after the last page).
          const previous = base ? await deps.store.snapshot(trx, base, after, last, Number.MAX_SAFE_INTEGER) : [];
          let p = 0;
          const snapshot: SnapshotRow[] = [];
          for (const house of houses) {
            while (p < previous.length && (previous[p] as SnapshotRow).code < house.code) await removedRow(previous[p++] as SnapshotRow);
            const cells = rowCells(layout, house);
            const hash = rowHash(cells);
            snapshot.push({ code: house.code, cells, hash });
            counts.total++;
            const old =
              p < previous.length && (previous[p] as SnapshotRow).code === house.code ? (previous[p++] as SnapshotRow) : undefined;
            const kind = !base ? 'added' : !old ? 'added' : old.hash === hash ? 'unchanged' : 'changed';
            counts[kind]++;
            if (!changesOnly) {
              counts.rows++;
              await emit(cells);
            } else if (kind !== 'unchanged') {
              counts.rows++;
              const fields = kind === 'changed' && old ? changedFields(layout, old.cells, cells).join('、') : '';
              await emit([CHANGE_KIND_LABELS[kind], fields, ...cells]);
            }
          }
          while (p < previous.length) await removedRow(previous[p++] as SnapshotRow);
          await deps.store.addSnapshot(trx, report.id, snapshot);
          deps.beat?.({ rows: counts.total });
          if (last === null) break;
          after = last;
        }
        sheet.commit();
        explain(book, layout, report);
        await book.commit();
        const files: DataReportFile[] = [
          { name: csvName, key: reportFileKey(report.id, csvName), contentType: CSV_TYPE, ...(await csv.close()) },
          { name: xlsxName, key: reportFileKey(report.id, xlsxName), contentType: XLSX_TYPE, ...(await xlsx.close()) },
        ];
        const manifest = manifestOf(report, layout, counts, files);
        const manifestKey = reportFileKey(report.id, 'manifest.json');
        await deps.files.put(manifestKey, manifest.bytes);
        files.push({
          name: 'manifest.json',
          key: manifestKey,
          contentType: MANIFEST_TYPE,
          size: manifest.bytes.length,
          sha256: manifest.sha256,
        });
        const done = { counts, files, digest: manifest.sha256 };
        await deps.store.finish(trx, report.id, done);
        return done;
      } catch (error) {
        csv.abort(error as Error);
        xlsx.abort(error as Error);
        throw error;
      }
    },
    { isolationLevel: 'repeatable read' },
  );
}
