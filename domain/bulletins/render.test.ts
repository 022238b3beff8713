/**
 * The bulletin's PDF and workbook from made-up figures: the Chinese text is there (pdftotext reads it
 * back, so no glyph fell back to a box), a long ranking and case list continue on further pages with
 * their header repeated, and the workbook holds numbers as numbers and rates as percentages.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { pdfPageCount, pdfText } from '../../test/support/pdf.ts';
import type { ChildRow, Figure, Overview } from '../statistics/api.ts';
import { bulletinContent } from './content.ts';
import type { BulletinData } from './data.ts';
import { rankChildren } from './data.ts';
import { bulletinPdf } from './pdf.ts';
import { bulletinXlsx } from './xlsx.ts';

const f = (value: number): Figure => ({ value });
const TOWNS = [
  '凤城街道',
  '东城街道',
  '洲心街道',
  '横荷街道',
  '源潭镇',
  '龙塘镇',
  '石角镇',
  '飞来峡镇',
  '东城街道东联村民委员会特别长的名字',
  '沙田镇',
];

export function sampleData(children = 10, cases = 3, warnings = 2): BulletinData {
  const overview: Overview = {
    meta: {
      region: { code: '441802', name: '清城区', level: 'district' },
      period: { from: '2026-11-01', to: '2026-11-30' },
      computedAt: '2026-12-01T01:05:00.000Z',
    },
    houses: { total: f(261_234), business: f(18_020), floors3Plus: f(90_321) },
    coverage: { days: 365, inspected: f(200_000), due: f(61_234), rate: 200_000 / 261_234 },
    judgements: { serious: f(120), some: f(3_400), none: f(196_480), notInspected: f(61_234) },
    tiers: { red: f(98), orange: f(1_200), yellow: f(5_000), green: f(254_936) },
    grades: { A: f(1), B: f(2), C: f(3), D: f(4), none: f(261_224) },
    openHazards: [],
    rectification: { found: f(412), closed: f(301), rate: 301 / 412 },
    overdue: f(17),
    escalations: f(cases),
    complaints: { received: f(88), verified: f(40), unfounded: f(30) },
  };
  const rows: ChildRow[] = Array.from({ length: children }, (_, i) => ({
    region: {
      code: `441802${String(i + 1).padStart(3, '0')}`,
      name: `${TOWNS[i % TOWNS.length]}${i >= TOWNS.length ? i : ''}`,
      level: 'town',
    },
    houses: f(20_000 + i),
    red: f(i),
    openHazards: f(10 + i),
    overdue: f(i % 3),
    found: f(40 + i),
    closed: f(30 + (i % 7)),
    rectificationRate: i === 4 ? null : (30 + (i % 7)) / (40 + i),
    coverageRate: 0.7 + i / 100,
  }));
  return {
    region: overview.meta.region,
    month: '2026-11',
    period: { from: '2026-11-01', to: '2026-11-30' },
    computedAt: overview.meta.computedAt,
    overview,
    ranking: rankChildren(rows),
    escalated: {
      total: cases,
      rows: Array.from({ length: cases }, (_, i) => ({
        number: `YH2026110${String(i).padStart(4, '0')}`,
        regionCode: '441802006001',
        townName: '东城街道',
        villageName: '东联村民委员会',
        category: 'load_bearing_alteration',
        severity: 'serious',
        status: 'rectifying',
        escalationCount: 1 + (i % 2),
        createdAt: '2026-11-03T02:00:00.000Z',
      })),
    },
    warnings: {
      total: warnings,
      byRule: [{ ruleId: 'red_unhandled', ruleName: '红色风险房屋未处置', count: warnings }],
      rows: Array.from({ length: warnings }, (_, i) => ({
        id: String(i),
        ruleId: 'red_unhandled',
        ruleVersion: 2,
        ruleName: '红色风险房屋未处置',
        regionCode: '441802006',
        regionName: '东城街道',
        status: i % 2 ? 'dispatched' : 'open',
        raisedAt: '2026-11-20T08:00:00.000Z',
        buildingCount: 3,
      })),
    },
  };
}

test('the ranking: higher rectification rate first, a region with nothing found last, then fewer overdue', () => {
  const ranked = rankChildren(sampleData().ranking);
  assert.deepEqual(
    ranked.map((r) => r.rank),
    ranked.map((_, i) => i + 1),
  );
  assert.equal(ranked.at(-1)!.rectificationRate, null);
  for (let i = 1; i < ranked.length - 1; i++) assert.ok(ranked[i - 1]!.rectificationRate! >= ranked[i]!.rectificationRate!);
});

test('the PDF carries the title, every section and the figures in Chinese text a reader can copy', async () => {
  const pdf = await bulletinPdf(bulletinContent(sampleData()));
  if (process.env.BULLETIN_PDF_OUT) writeFileSync(process.env.BULLETIN_PDF_OUT, pdf);
  const text = pdfText(pdf);
  for (const s of [
    '清城区自建房安全监管通报（2026年11月）',
    '一、本月概况',
    '二、镇（街道）排名',
    '三、提请督办案件',
    '四、预警情况',
    '261234',
    '73.1%',
    '擅自拆改承重结构',
    '红色风险房屋未处置',
    '第 1 页 共',
  ])
    assert.ok(text.replace(/\s+/g, '').includes(s.replace(/\s+/g, '')), s);
  assert.equal(pdfPageCount(pdf), 2);
});

test('a long ranking and case list continue on further pages, each page with the table header', async () => {
  const pdf = await bulletinPdf(bulletinContent(sampleData(60, 80, 30)));
  if (process.env.BULLETIN_PDF_OUT) writeFileSync(process.env.BULLETIN_PDF_OUT.replace('.pdf', '-long.pdf'), pdf);
  const pages = pdfPageCount(pdf);
  assert.ok(pages >= 5, `${pages} pages`);
  for (let p = 2; p <= pages; p++) assert.match(pdfText(pdf, p).replace(/\s+/g, ''), /第\d+页共\d+页/);
  // The cases table continues: its header is on the page of its last row.
  const last = pdfText(pdf, pages - 1).replace(/\s+/g, '');
  assert.ok(last.includes('案件编号') || last.includes('预警时间'), last.slice(0, 200));
});

test('the workbook: four sheets, numbers as numbers, rates as percentages', async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await bulletinXlsx(bulletinContent(sampleData()))) as unknown as ExcelJS.Buffer);
  assert.deepEqual(
    book.worksheets.map((s) => s.name),
    ['概况', '排名', '提请督办', '预警'],
  );
  const summary = book.getWorksheet('概况')!;
  const row = (name: string) => summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === name)!;
  assert.equal(row('自建房总数（栋）').getCell(2).value, 261_234);
  const rateRow = row('整改率');
  assert.equal(rateRow.getCell(2).numFmt, '0.0%');
  assert.ok(Math.abs((rateRow.getCell(2).value as number) - 301 / 412) < 1e-9);
});
