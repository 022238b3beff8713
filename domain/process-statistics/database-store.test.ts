/**
 * The process statistics against PostgreSQL, as the application role: per BPMN element the open cases
 * there now and the cases that passed it, within the reader's scope and the region asked for.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DatabaseCaseStore } from '../cases/database-store.ts';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { demoUser, houseIn, seedHouses, registration, someone, newCase } from '../../test/support/case-store.ts';
import type { StoreUser } from '../../test/support/case-store.ts';
import { DatabaseProcessStatisticsStore } from './database-store.ts';

let database: TestDatabase;
let store: DatabaseProcessStatisticsStore;
let town: StoreUser;

before(async () => {
  database = await createTestDatabase();
  await seedHouses(database.db, 20);
  store = new DatabaseProcessStatisticsStore(database.appDb);
  const cases = new DatabaseCaseStore(database.appDb);
  const officer = await demoUser(database.db, 'officer');
  town = await demoUser(database.db, 'town');
  const house = await houseIn(database.db, '441802006');
  for (const category of ['structure_damage', 'ancillary'] as const) {
    const { id } = await cases.create(newCase(house, officer, { category, severity: 'general' }));
    await cases.applyTransition(registration(id, officer));
  }
});

after(async () => {
  await database?.drop();
});

test("per element: the open cases there now and the cases that passed it, in the reader's scope", async () => {
  assert.deepEqual(await store.elementCounts(town.ability, 1), {
    elements: { StartEvent_hazard: { active: 0, passed: 2 }, Task_assign: { active: 2, passed: 2 } },
    cases: 2,
  });
  assert.deepEqual(await store.elementCounts(someone('town_officer', '441802003').ability, 1), { elements: {}, cases: 0 });
  assert.deepEqual(await store.elementCounts(town.ability, 1, '441802006999'), { elements: {}, cases: 0 });
  assert.deepEqual(await store.elementCounts(town.ability, 2), { elements: {}, cases: 0 });
});
