/**
 * `GET /api/map/due` on the real stack: the houses an inspector still has to inspect, with their
 * address, nearest to where the phone stands first (or by code without a position), a page at a time;
 * the 定期巡查 items falling due (or, before a scheduling pass reaches a house, the registry's own due rule) and region rules (another village's house never shows), no personal data,
 * bad input refused naming the field.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, beijingDay } from '../../domain/statistics/period.ts';
import { createHouse } from '../support/cases.ts';
import { ApiClient, loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

interface DueHouse {
  code: string;
  address: string;
  villageName: string | null;
  riskTier: string;
  lastInspectedOn: string | null;
  dueAt: string | null;
  distanceM: number | null;
}
type Page = { total: number; data: DueHouse[] };

const MINE = '441802006001';
const NEIGHBOUR = '441802006002';
const OTHER_TOWN = '441802007001';
/** Where the inspector stands: the middle of 高基里's row of houses. */
const HERE = { longitude: 113.03, latitude: 23.7 };

let stack: Stack;
let officer: ApiClient;
let inspector: ApiClient;
/** 高基里's due houses: `east[i]` lies i × 100 m east of HERE (added out of order), `unplaced` has no position. */
const houses = { east: [] as string[], unplaced: '', inspected: '', longAgo: '', neighbour: '', otherTown: '' };

const today = beijingDay(new Date());
const dueSince = addDays(today, -364);
/** 100 m east of HERE, in degrees of longitude at its latitude. */
const EAST_100M = 100 / (111_195 * Math.cos((HERE.latitude * Math.PI) / 180));

before(async () => {
  stack = await startStack();
  officer = await loggedIn(stack.baseUrl, 'officer');
  inspector = await loggedIn(stack.baseUrl, 'inspector');
  const at = (i: number) => ({ longitude: HERE.longitude + i * EAST_100M, latitude: HERE.latitude });
  // Created far ones first, so the codes' order is not the distances'.
  const east: string[] = [];
  for (const i of [3, 0, 2, 1]) east[i] = await createHouse(officer, { villageCode: MINE, address: `高基里东 ${i} 号`, ...at(i) });
  houses.east = east;
  houses.unplaced = await createHouse(officer, { villageCode: MINE, address: '高基里无坐标 1 号' });
  houses.inspected = await createHouse(officer, {
    villageCode: MINE,
    address: '高基里已排查 1 号',
    ...at(0.5),
    latestJudgement: 'none',
    latestJudgementAt: today,
  });
  houses.longAgo = await createHouse(officer, {
    villageCode: MINE,
    address: '高基里去年排查 1 号',
    ...at(5),
    latestJudgement: 'none',
    latestJudgementAt: addDays(today, -400),
  });
  // Closer to HERE than any of 高基里's, but in another village and another town.
  houses.neighbour = await createHouse(officer, { villageCode: NEIGHBOUR, address: '鹤堂 1 号', ...at(0.1) });
  houses.otherTown = await createHouse(officer, { villageCode: OTHER_TOWN, address: '白庙 1 号', ...at(0.2) });
});
after(async () => {
  await stack?.stop();
});

const due = async (client: ApiClient, query = '') => {
  const r = await client.get<Page>(`/api/map/due${query}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
};
const near = `near=${HERE.longitude},${HERE.latitude}`;

describe('the houses due for inspection (/api/map/due)', () => {
  test('an inspector gets their village’s due houses with addresses, by code without a position', async () => {
    const page = await due(inspector);
    const expected = [...houses.east, houses.unplaced, houses.longAgo].sort();
    assert.deepEqual(
      page.data.map((h) => h.code),
      expected,
    );
    assert.equal(page.total, expected.length);
    assert.ok(page.data.every((h) => h.distanceM === null));
    const first = page.data.find((h) => h.code === houses.east[2])!;
    assert.deepEqual(first, {
      code: houses.east[2],
      address: '高基里东 2 号',
      villageName: '高基里社区居委会',
      riskTier: first.riskTier,
      lastInspectedOn: null,
      // No scheduling pass has run: due by the yearly rule.
      dueAt: null,
      distanceM: null,
    });
    assert.equal(page.data.find((h) => h.code === houses.longAgo)?.lastInspectedOn, addDays(today, -400));
  });

  test('the same houses as the registry’s notInspectedSince filter over the map’s window', async () => {
    const list = await inspector.get<{ total: number }>(`/api/buildings?perPage=1&notInspectedSince=${dueSince}`);
    assert.equal((await due(inspector)).total, list.body.total);
    const all = await officer.get<{ total: number }>(`/api/buildings?perPage=1&notInspectedSince=${dueSince}`);
    assert.equal((await due(officer)).total, all.body.total);
  });

  test('given where the phone is: nearest first with the distance in metres, the house without a position last', async () => {
    const page = await due(inspector, `?${near}`);
    assert.deepEqual(
      page.data.map((h) => h.code),
      [...houses.east, houses.longAgo, houses.unplaced],
    );
    assert.deepEqual(
      page.data.map((h) => h.distanceM),
      [0, 100, 200, 300, 500, null],
    );
  });

  test('another village’s house never appears, however near; the district officer sees them all', async () => {
    const mine = await due(inspector, `?${near}&perPage=100`);
    const codes = mine.data.map((h) => h.code);
    assert.ok(!codes.includes(houses.neighbour) && !codes.includes(houses.otherTown));
    assert.ok(mine.data.every((h) => h.code.startsWith(MINE)));
    const theirs = await due(inspector, `?regionCode=${NEIGHBOUR}`);
    assert.deepEqual(theirs, { total: 0, data: [] }, 'a region outside theirs finds nothing');
    const district = await due(officer, `?${near}&perPage=3`);
    assert.deepEqual(
      district.data.map((h) => h.code),
      [houses.east[0], houses.neighbour, houses.otherTown],
    );
    const town = await loggedIn(stack.baseUrl, 'town');
    const townCodes = (await due(town, `?${near}&perPage=100`)).data.map((h) => h.code);
    assert.ok(townCodes.includes(houses.neighbour) && !townCodes.includes(houses.otherTown));
  });

  test('a page at a time: the pages follow one another and add up to the total', async () => {
    const whole = await due(inspector, `?${near}`);
    const pages = [1, 2, 3].map((n) => due(inspector, `?${near}&perPage=2&page=${n}`));
    const seen = (await Promise.all(pages)).flatMap((p) => {
      assert.equal(p.total, whole.total);
      return p.data.map((h) => h.code);
    });
    assert.deepEqual(
      seen,
      whole.data.map((h) => h.code),
    );
    assert.deepEqual((await due(inspector, `?${near}&perPage=2&page=9`)).data, []);
  });

  test('no personal data: neither the owner’s name nor phone', async () => {
    const text = JSON.stringify(await due(officer, `?${near}&perPage=100`));
    assert.ok(!text.includes('张三') && !text.includes('13812345678') && !/owner/i.test(text));
  });

  test('bad input is refused with the field named, never a 500; signed out is 401', async () => {
    const cases: [string, string][] = [
      ['near=abc', 'query.near'],
      ['near=113.03', 'query.near'],
      ['near=200,23.7', 'query.near'],
      ['near=113.03,95', 'query.near'],
      ['near=113.03,23.7,1', 'query.near'],
      ['near=NaN,NaN', 'query.near'],
      [`near=${'1'.repeat(60)}`, 'query.near'],
      ['perPage=0', 'query.perPage'],
      ['perPage=101', 'query.perPage'],
      ['perPage=x', 'query.perPage'],
      ['page=0', 'query.page'],
      ['page=1001', 'query.page'],
      ['regionCode=4418020', 'query.regionCode'],
      ['limit=5', 'query.limit'],
    ];
    for (const [query, field] of cases) {
      const r = await inspector.get<{ error: { field: string; message: string } }>(`/api/map/due?${query}`);
      assert.equal(r.status, 400, `${query}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.field, field, query);
      assert.match(r.body.error.message, /\p{Script=Han}/u, `${query}: a Chinese message`);
    }
    assert.equal((await new ApiClient(stack.baseUrl).get('/api/map/due')).status, 401);
  });

  test('declared in the OpenAPI document', async () => {
    const doc = await inspector.get<{ paths: Record<string, { get?: { parameters?: { name: string }[] } }> }>('/api/openapi.json');
    const names = doc.body.paths['/api/map/due']?.get?.parameters?.map((p) => p.name) ?? [];
    for (const name of ['near', 'regionCode', 'page', 'perPage']) assert.ok(names.includes(name), `${name} in ${names.join(',')}`);
  });
});
