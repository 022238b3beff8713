/**
 * The completeness counts on PostgreSQL: each gap counted on the houses that have it (and not on the
 * house that just misses it), per village, and the registry list filtered by the same gap has the same
 * total (the report's links).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { housesIn } from '../../test/support/imports.ts';
import { createAppAbility, rulesFor } from '../abilities.ts';
import { DatabaseBuildingStore } from '../buildings/database-store.ts';
import type { BuildingCreateInput } from '../buildings/schema.ts';
import { DatabaseCompletenessStore } from './database-store.ts';
import { GAP } from './gaps.ts';
import type { Gap } from './gaps.ts';

const VILLAGE = '441802006001';
const OTHER = '441802006002';
const district = createAppAbility(rulesFor({ id: randomUUID(), role: 'district_admin', regionCode: '441802' }));

let database: TestDatabase;
let houses: DatabaseBuildingStore;
let store: DatabaseCompletenessStore;

/** A complete house: coordinates, owner, an approval, own home, not judged dangerous. */
const complete = (village: string, seed: number, over: Partial<BuildingCreateInput> = {}): BuildingCreateInput => ({
  ...housesIn(village, 1, seed)[0]!,
  externalId: null,
  address: `完整路${String(seed)}号`,
  latitude: 23.5 + seed * 0.001,
  longitude: 113.3,
  ownerName: '王五',
  approvals: [{ type: 'rural_housing_approval', number: `批-${String(seed)}`, date: null }],
  use: 'own_home',
  businessCategory: null,
  latestJudgement: 'none',
  appraisalGrade: null,
  ...over,
});

before(async () => {
  database = await createTestDatabase({ demoUsers: false });
  houses = new DatabaseBuildingStore(database.appDb);
  store = new DatabaseCompletenessStore(database.appDb);
  const add = (input: BuildingCreateInput) => houses.create(input);
  await add(complete(VILLAGE, 1));
  await add(complete(VILLAGE, 2, { latitude: null, longitude: null }));
  await add(complete(VILLAGE, 3, { ownerName: null }));
  await add(complete(VILLAGE, 4, { approvals: [] }));
  // Business with a licence but no appraisal; business with an appraisal but no licence.
  const licence = { type: 'business_licence' as const, number: '营-1', date: null };
  await add(complete(VILLAGE, 5, { use: 'business', businessCategory: 'retail', approvals: [licence] }));
  await add(complete(VILLAGE, 6, { use: 'mixed', businessCategory: 'catering', appraisalGrade: 'B' }));
  // Any business licence counts (a food business licence here; not yet a type of this branch's form).
  const food = { type: 'food_business_licence', number: '食-1', date: null } as unknown as typeof licence;
  await add(complete(VILLAGE, 16, { use: 'business', businessCategory: 'catering', approvals: [food], appraisalGrade: 'A' }));
  await add(complete(VILLAGE, 7, { latestJudgement: 'serious' }));
  await add(complete(VILLAGE, 8, { latestJudgement: 'serious', appraisalGrade: 'C' }));
  // The same address written differently: a duplicate pair.
  await add(complete(VILLAGE, 9, { address: '东街 12 号' }));
  await add(complete(VILLAGE, 10, { address: '东街１２号' }));
  // Two points 2 m apart with similar floors and area; a third 2 m away with many more floors is not one.
  await add(complete(VILLAGE, 11, { latitude: 23.6, longitude: 113.31, floorsAbove: 3, floorArea: 120 }));
  await add(complete(VILLAGE, 12, { latitude: 23.600018, longitude: 113.31, floorsAbove: 3, floorArea: 130 }));
  await add(complete(VILLAGE, 13, { latitude: 23.6, longitude: 113.310019, floorsAbove: 7, floorArea: 400 }));
  // 8 m away: not a duplicate of the pair.
  await add(complete(VILLAGE, 14, { latitude: 23.600072, longitude: 113.31, floorsAbove: 3, floorArea: 120 }));
  // The same address in another village is not a duplicate.
  await add(complete(OTHER, 15, { address: '东街12号', ownerName: '' }));
});
after(() => database.drop());

const expected: Record<Gap, number> = {
  no_coordinates: 1,
  no_owner: 1,
  no_approvals: 1,
  business_no_licence: 1,
  business_no_appraisal: 1,
  dangerous_no_appraisal: 1,
  likely_duplicate: 4,
};

test('each gap counts the houses that have it, per village', async () => {
  const villages = await store.villages('441802006');
  const village = villages.find((v) => v.villageCode === VILLAGE);
  assert.ok(village);
  assert.equal(village.houses, 15);
  assert.equal(village.townCode, '441802006');
  assert.ok(village.villageName && village.townName);
  assert.deepEqual(village.gaps, expected);
  const other = villages.find((v) => v.villageCode === OTHER);
  assert.deepEqual(other?.gaps, { ...expected, ...Object.fromEntries(GAP.values.map((g) => [g, 0])), no_owner: 1 });
  assert.ok(
    villages.some((v) => v.houses === 0),
    'villages without houses are listed too',
  );
  assert.ok(villages.every((v) => v.villageCode.startsWith('441802006')));
});

test('the registry list filtered by a gap has the report’s count and exactly those houses', async () => {
  for (const gap of GAP.values) {
    const list = await houses.list(district, { page: 1, perPage: 100, regionCode: VILLAGE, gap });
    assert.equal(list.total, expected[gap], gap);
  }
  const dupes = await houses.list(district, { page: 1, perPage: 100, regionCode: VILLAGE, gap: 'likely_duplicate', sort: 'code' });
  assert.deepEqual(
    dupes.data.map((b) => b.address),
    ['东街 12 号', '东街１２号', '完整路11号', '完整路12号'],
  );
});
