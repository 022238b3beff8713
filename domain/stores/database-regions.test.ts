/** The region store against PostgreSQL, as the application role: the Qingcheng tree read within the reader's scope, searched, and loaded again. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { createAppAbility, rulesFor } from '../abilities.ts';
import { DatabaseRegionStore } from './database-regions.ts';

const TOWN = '441802006';
const VILLAGE = '441802006001';
const town = createAppAbility(rulesFor({ id: randomUUID(), role: 'town_officer', regionCode: TOWN }));
const district = createAppAbility(rulesFor({ id: randomUUID(), role: 'district_admin', regionCode: '441802' }));

let database: TestDatabase;
let store: DatabaseRegionStore;
let names: Map<string, string>;
let villagesOfTown: string[];

before(async () => {
  database = await createTestDatabase({ demoUsers: false });
  store = new DatabaseRegionStore(database.appDb);
  const rows = (await database.db('regions').select('code', 'name')) as { code: string; name: string }[];
  names = new Map(rows.map((r) => [r.code, r.name]));
  villagesOfTown = rows
    .map((r) => r.code)
    .filter((c) => c.length === 12 && c.startsWith(TOWN))
    .sort();
});
after(() => database.drop());

test('a region is found within the reader’s scope only, with its level and child count', async () => {
  const found = await store.find(town, TOWN);
  assert.deepEqual(
    [found?.name, found?.level, found?.parentCode, found?.childCount],
    [names.get(TOWN), 'town', '441802', villagesOfTown.length],
  );
  assert.equal((await store.find(town, VILLAGE))?.level, 'village');
  assert.equal(await store.find(town, '441802007'), undefined, 'another town');
  assert.equal(await store.find(town, '441802'), undefined, 'above the scope');
  assert.ok(await store.find(district, '441802007'));
  assert.equal(await store.find(district, '441802999'), undefined);
});

test('children are the visible ones, in code order', async () => {
  assert.deepEqual(
    (await store.children(town, TOWN)).map((c) => c.code),
    villagesOfTown,
  );
  assert.deepEqual(
    (await store.children(town, '441802')).map((c) => c.code),
    [TOWN],
  );
  assert.ok((await store.children(district, '441802')).length > 1);
  assert.deepEqual(await store.children(town, VILLAGE), []);
});

test('the detail names the whole ancestry, above the reader’s scope too', async () => {
  const detail = await store.detail(town, VILLAGE);
  assert.deepEqual(
    detail?.path.map((p) => p.code),
    ['0', '44', '4418', '441802', TOWN, VILLAGE].filter((c) => names.has(c)),
  );
  assert.equal(detail?.path.at(-2)?.name, names.get(TOWN));
  assert.deepEqual([detail?.id, detail?.children], [VILLAGE, []]);
  assert.equal(await store.detail(town, '441802007001'), undefined);
});

test('a tree goes as deep as asked and no deeper', async () => {
  const shallow = await store.tree(district, '441802', 0);
  assert.equal(shallow?.children, undefined);
  const deep = await store.tree(district, '441802', 2);
  const mine = deep?.children?.find((c) => c.code === TOWN);
  assert.deepEqual(
    mine?.children?.map((c) => c.code),
    villagesOfTown,
  );
  assert.equal(mine?.children?.[0]?.children, undefined);
  assert.deepEqual((await store.tree(town, '441802', 1))?.children, undefined, 'the district is out of a town reader’s scope');
});

test('search by name or code prefix, by level and parent, with each region’s path of names', async () => {
  const byCode = await store.list(town, { page: 1, perPage: 200, q: '4418020060' });
  assert.deepEqual(
    byCode.data.map((r) => r.code),
    villagesOfTown.filter((c) => c.startsWith('4418020060')),
  );
  const villageName = names.get(VILLAGE)!;
  const byName = await store.list(district, { page: 1, perPage: 200, q: villageName });
  assert.ok(byName.data.some((r) => r.code === VILLAGE));
  const item = byName.data.find((r) => r.code === VILLAGE)!;
  assert.ok(item.path.endsWith(`${names.get(TOWN)} / ${villageName}`));
  assert.equal((await store.list(town, { page: 1, perPage: 10, q: '%' })).total, 0, 'LIKE’s own characters are literal');
  const towns = await store.list(district, { page: 1, perPage: 200, level: 'town' });
  assert.ok(towns.data.length > 1 && towns.data.every((r) => r.code.length === 9));
  assert.equal((await store.list(town, { page: 1, perPage: 200, level: 'town' })).total, 1);
  assert.equal((await store.list(town, { page: 1, perPage: 200, parentCode: TOWN })).total, villagesOfTown.length);
  assert.deepEqual(
    (await store.list(town, { page: 1, perPage: 200, ids: [VILLAGE, '441802007001'] })).data.map((r) => r.code),
    [VILLAGE],
  );
});

test('names and existence for anyone; the deployment’s region is the district', async () => {
  assert.equal(await store.nameOf('441802007'), names.get('441802007'));
  assert.equal(await store.nameOf('441802999'), undefined);
  assert.equal(await store.exists(VILLAGE), true);
  assert.equal(await store.exists('441802006999'), false);
  assert.equal(await store.deploymentRegion(), '441802');
});

test('loading regions again inserts the new ones, parents first, and renames the known ones', async () => {
  const written = await store.upsert([
    { code: '441802999001', name: '新村', parentCode: '441802999' },
    { code: '441802999', name: '新镇', parentCode: '441802' },
    { code: VILLAGE, name: '改名村', parentCode: TOWN },
  ]);
  assert.equal(written, 3);
  assert.equal(await store.nameOf(VILLAGE), '改名村');
  assert.equal((await store.find(district, '441802999'))?.childCount, 1);
  assert.equal((await store.find(district, '441802999001'))?.parentCode, '441802999');
  assert.equal((await store.find(town, TOWN))?.childCount, villagesOfTown.length);
  await assert.rejects(store.upsert([{ code: '441802888001', name: '孤村', parentCode: '441802888' }]), /regions_parent/);
  assert.equal(await store.exists('441802888001'), false, 'a refused load writes nothing');
});
