/**
 * A gap's house list as a file for the village's inspectors to work through: a title line (which gap,
 * where, when), Chinese headers, one line per house, owner names masked. The same conventions as the
 * statistics exports (statistics/export.ts): CSV in UTF-8 with a BOM, every text cell formula-safe.
 */
import ExcelJS from 'exceljs';
import { APPRAISAL_GRADE, BUILDING_USE, JUDGEMENT } from '../buildings/enums.ts';
import type { Building } from '../buildings/store.ts';
import { BOM, neutralised, outputCsvLine } from '../imports/csv.ts';
import { formatBeijing } from '../time.ts';
import { GAP } from './gaps.ts';
import type { Gap } from './gaps.ts';

export interface GapList {
  gap: Gap;
  region: { code: string; name: string };
  at: Date;
  /** Owner details already masked. */
  houses: Building[];
}

const HEADERS = [
  '房屋编码',
  '镇（街道）',
  '村（社区）',
  '地址',
  '户主',
  '地上层数',
  '建筑面积（m²）',
  '用途',
  '最新排查结论',
  '鉴定等级',
  '经度',
  '纬度',
];

const label = <T extends string>(labels: Record<T, string>, v: T | null): string => (v ? labels[v] : '');

export function gapListTitle(l: GapList): string {
  return `数据缺项：${GAP.labels[l.gap]}  区域：${l.region.name}（${l.region.code}）  共 ${String(l.houses.length)} 栋  导出时间：${formatBeijing(l.at)}`;
}

export function gapListTable(l: GapList): (string | number)[][] {
  return [
    HEADERS,
    ...l.houses.map((b) => [
      b.code,
      b.townName ?? '',
      b.villageName ?? '',
      b.address ?? '',
      b.ownerName ?? '',
      b.floorsAbove ?? '',
      b.floorArea == null ? '' : Number(b.floorArea),
      label(BUILDING_USE.labels, b.use),
      label(JUDGEMENT.labels, b.latestJudgement),
      label(APPRAISAL_GRADE.labels, b.appraisalGrade),
      b.longitude ?? '',
      b.latitude ?? '',
    ]),
  ];
}

export function gapListCsv(l: GapList): Buffer {
  const text = [[gapListTitle(l)], ...gapListTable(l)].map((cells) => outputCsvLine(cells)).join('');
  return Buffer.from(BOM + text, 'utf8');
}

export async function gapListXlsx(l: GapList): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '一栋一码';
  const sheet = book.addWorksheet(GAP.labels[l.gap]);
  sheet.addRow([neutralised(gapListTitle(l))]);
  sheet.mergeCells(1, 1, 1, HEADERS.length);
  sheet.getRow(1).font = { bold: true };
  for (const cells of gapListTable(l)) sheet.addRow(cells.map((c) => neutralised(c) ?? ''));
  sheet.getRow(2).font = { bold: true };
  sheet.getColumn(1).width = 22;
  sheet.getColumn(4).width = 30;
  return Buffer.from(await book.xlsx.writeBuffer());
}
