/**
 * Data completeness through the API (issue 20 §3): houses registered with gaps, the report's every count
 * opened as the list it links to (same total), the town and region sums, the town officer's scope, the
 * exports (CSV and XLSX opened again, owners masked, audited), and a bad gap named in the 400.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { csvRecords } from '../../domain/imports/csv.ts';
import type { CompletenessReport, CompletenessRow } from '../../domain/completeness/report.ts';
import type { ApiClient } from '../support/http.ts';
import { loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

let stack: Stack;
let officer: ApiClient;
let town: ApiClient;

const VILLAGE = '441802006001';
const OTHER_TOWN_VILLAGE = '441802007001';

const house = (over: Record<string, unknown> = {}) => ({
  villageCode: VILLAGE,
  address: '凤城街道高基里 1 号',
  ownerName: '张三丰',
  ownerPhone: '13812345678',
  floorsAbove: 3,
  structureType: 'brick_concrete',
  use: 'own_home',
  latitude: 23.7,
  longitude: 113.03,
  approvals: [{ type: 'rural_housing_approval', number: '批-1', date: null }],
  ...over,
});

async function add(over: Record<string, unknown>): Promise<string> {
  const r = await officer.post<{ code: string }>('/api/buildings', house(over));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.code;
}

before(async () => {
  stack = await startStack();
  officer = await loggedIn(stack.baseUrl, 'officer');
  town = await loggedIn(stack.baseUrl, 'town');
  await add({ address: '高基里 2 号', latitude: 23.71 });
  await add({ address: '高基里 3 号', latitude: null, longitude: null });
  await add({ address: '高基里 4 号', latitude: 23.72, ownerName: null, ownerPhone: null, approvals: [] });
  await add({ address: '高基里 5 号', latitude: 23.73, use: 'business', businessCategory: 'catering' });
  await add({ address: '高基里 6 号', latitude: 23.74 });
  await add({ address: '高基里６号', latitude: 23.75 });
  await add({ villageCode: OTHER_TOWN_VILLAGE, address: '太和路 1 号', latitude: null, longitude: null });
});
after(async () => stack?.stop());

/** Opens the list behind each figure of a row and compares totals. */
async function walk(client: ApiClient, r: CompletenessRow): Promise<void> {
  for (const f of [r.houses, ...Object.values(r.gaps)]) {
    const q = new URLSearchParams({ ...f.link.filter, perPage: '1' });
    const list = await client.get<{ total: number }>(`/api/buildings?${q.toString()}`);
    assert.equal(list.status, 200, JSON.stringify(list.body));
    assert.equal(list.body.total, f.value, `${r.code} ${q.toString()}`);
  }
}

test('every count of the report is the total of the list it links to; towns and the region sum the villages', async () => {
  const r = await officer.get<CompletenessReport>('/api/completeness');
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.region.code, '441802');
  const village = r.body.villages.find((v) => v.code === VILLAGE);
  assert.ok(village);
  assert.equal(village.houses.value, 6);
  const counts = Object.fromEntries(Object.entries(village.gaps).map(([k, f]) => [k, f.value]));
  assert.deepEqual(counts, {
    no_coordinates: 1,
    no_owner: 1,
    no_approvals: 1,
    business_no_licence: 1,
    business_no_appraisal: 1,
    dangerous_no_appraisal: 0,
    likely_duplicate: 2,
  });
  const t = r.body.towns.find((x) => x.code === '441802006');
  assert.equal(t?.houses.value, 6);
  assert.equal(r.body.total.gaps.no_coordinates.value, 2);
  for (const row of [village, t!, r.body.total]) await walk(officer, row);
});

test('a town officer sees their town only; another town is 404', async () => {
  const r = await town.get<CompletenessReport>('/api/completeness');
  assert.equal(r.status, 200);
  assert.equal(r.body.region.code, '441802006');
  assert.ok(r.body.villages.every((v) => v.code.startsWith('441802006')));
  assert.equal(r.body.total.gaps.no_coordinates.value, 1);
  await walk(town, r.body.total);
  assert.equal((await town.get('/api/completeness?regionCode=441802007')).status, 404);
  assert.equal((await town.get(`/api/completeness/houses.csv?regionCode=${OTHER_TOWN_VILLAGE}&gap=no_owner`)).status, 404);
});

test('a gap’s list exports as CSV and XLSX, owners masked, each export audited; a bad gap is a 400 naming it', async () => {
  const csv = await fetch(`${stack.baseUrl}/api/completeness/houses.csv?regionCode=${VILLAGE}&gap=likely_duplicate`, {
    headers: { Cookie: officer.cookieHeader() },
  });
  assert.equal(csv.status, 200);
  const bytes = Buffer.from(await csv.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const records: string[][] = [];
  for await (const r of csvRecords([bytes.subarray(3)], { encoding: 'utf-8' })) records.push(r.cells);
  assert.match(records[0]?.[0] ?? '', /疑似重复/);
  assert.equal(records[1]?.[0], '房屋编码');
  assert.deepEqual(
    records.slice(2).map((r) => [r[3], r[4]]),
    [
      ['高基里 6 号', '张**'],
      ['高基里６号', '张**'],
    ],
  );
  const xlsx = await fetch(`${stack.baseUrl}/api/completeness/houses.xlsx?regionCode=${VILLAGE}&gap=no_coordinates`, {
    headers: { Cookie: officer.cookieHeader() },
  });
  assert.equal(xlsx.status, 200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await xlsx.arrayBuffer());
  const sheet = book.worksheets[0]!;
  assert.equal(sheet.rowCount, 3);
  assert.equal(sheet.getCell(3, 4).value, '高基里 3 号');
  const audit = await stack.db('audit_log').where({ action: 'completeness.export' }).orderBy('at');
  assert.equal(audit.length, 2);
  const bad = await officer.get<{ error: { details?: { field: string }[] } }>('/api/completeness/houses.csv?gap=nothing');
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.details?.[0]?.field, 'query.gap');
  const badList = await officer.get<{ error: { details?: { field: string }[] } }>('/api/buildings?gap=nothing');
  assert.equal(badList.status, 400);
  assert.equal(badList.body.error.details?.[0]?.field, 'query.gap');
});
