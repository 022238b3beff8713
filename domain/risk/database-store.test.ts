/**
 * The risk store against PostgreSQL, as the application role: the rules' inputs with the house rows
 * locked, tiers and their history written, the houses the sweep must look at again, and the history a
 * reader of the house may see.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { housesIn } from '../../test/support/imports.ts';
import { createAppAbility, rulesFor } from '../abilities.ts';
import { DatabaseBuildingStore } from '../buildings/database-store.ts';
import { DatabaseCaseStore } from '../cases/database-store.ts';
import { DatabaseRiskStore } from './database-store.ts';
import type { RiskWrite } from './store.ts';

const VILLAGE = '441802006001';
const town = createAppAbility(rulesFor({ id: randomUUID(), role: 'town_officer', regionCode: '441802006' }));
const otherTown = createAppAbility(rulesFor({ id: randomUUID(), role: 'town_officer', regionCode: '441802007' }));
const reason = { rule: 'serious-judgement', tier: 'red' as const, text: '排查判定为严重隐患' };

let database: TestDatabase;
let store: DatabaseRiskStore;
/** Three houses of one village, in code order. */
let codes: string[];

before(async () => {
  database = await createTestDatabase();
  store = new DatabaseRiskStore(database.appDb);
  const buildings = new DatabaseBuildingStore(database.appDb);
  codes = [];
  for (const house of housesIn(VILLAGE, 3, 5))
    codes.push(await buildings.create({ ...house, externalId: null, latestJudgement: null, latestJudgementAt: null }));
});
after(() => database.drop());

const write = (code: string, over: Partial<RiskWrite> = {}): RiskWrite => ({
  code,
  fromTier: null,
  tier: 'red',
  reasons: [reason],
  version: 1,
  history: true,
  ...over,
});

test('the rules’ inputs: houses in code order with their open cases only, unknown codes skipped', async () => {
  const cases = new DatabaseCaseStore(database.appDb);
  const officerId = ((await database.db('users').where({ username: 'officer' }).first('id')) as { id: string }).id;
  const newCase = (severity: 'serious' | 'general') => ({
    buildingCode: codes[1]!,
    regionCode: VILLAGE,
    category: 'structure_damage' as const,
    severity,
    description: '墙体开裂',
    source: 'officer' as const,
    sourceRef: null,
    definitionVersion: 1,
    createdBy: officerId,
  });
  await cases.create(newCase('serious'));
  const { id: closed } = await cases.create(newCase('general'));
  await database.db('cases').where({ id: closed }).update({ status: 'closed' });
  const houses = await database.appDb.transaction((trx) => store.lockHouses(trx, [codes[2]!, codes[1]!, 'nope', codes[0]!]));
  assert.deepEqual(
    houses.map((h) => h.code),
    codes,
  );
  assert.deepEqual(
    houses[1]?.openCases.map((c) => c.severity),
    ['serious'],
  );
  assert.deepEqual(houses[0]?.openCases, []);
  assert.deepEqual([houses[0]?.riskTier, houses[0]?.riskVersion], ['green', null]);
  assert.deepEqual(await database.appDb.transaction((trx) => store.lockHouses(trx, [])), []);
});

test('a house whose row is locked for assessment waits for the first assessment to end', async () => {
  await database.appDb.transaction(async (first) => {
    await store.lockHouses(first, [codes[0]!]);
    await assert.rejects(
      database.appDb.transaction(async (second) => {
        await second.raw(`SET LOCAL lock_timeout = '200ms'`);
        await store.lockHouses(second, [codes[0]!]);
      }),
      /lock timeout/,
    );
    // Another house is not held up.
    await database.appDb.transaction(async (second) => {
      await second.raw(`SET LOCAL lock_timeout = '200ms'`);
      assert.equal((await store.lockHouses(second, [codes[1]!])).length, 1);
    });
  });
});

test('writes store the tier and its reasons, with a history row only when asked; the history is scoped and newest first', async () => {
  await database.appDb.transaction(async (trx) => {
    await store.write(
      trx,
      [write(codes[0]!), write(codes[1]!, { tier: 'yellow', history: false })],
      'inspection',
      '2026-12-01T00:00:00.000Z',
    );
  });
  const [first, second] = await database.appDb.transaction((trx) => store.lockHouses(trx, codes.slice(0, 2)));
  assert.deepEqual([first?.riskTier, first?.riskReasons, first?.riskVersion], ['red', [reason], 1]);
  assert.equal(second?.riskTier, 'yellow');
  await database.appDb.transaction((trx) =>
    store.write(trx, [write(codes[0]!, { fromTier: 'red', tier: 'orange' })], 'sweep', '2026-12-02T00:00:00.000Z'),
  );
  const history = await store.history(town, codes[0]!);
  assert.deepEqual(
    history?.map((h) => [h.fromTier, h.toTier, h.cause, h.at]),
    [
      ['red', 'orange', 'sweep', '2026-12-02T00:00:00.000Z'],
      [null, 'red', 'inspection', '2026-12-01T00:00:00.000Z'],
    ],
  );
  assert.deepEqual(await store.history(town, codes[1]!), []);
  assert.equal(await store.history(otherTown, codes[0]!), undefined);
  assert.equal(await store.history(town, `${VILLAGE}9999`), undefined);
  await assert.rejects(
    database.appDb.transaction((trx) => store.write(trx, [write(codes[2]!, { tier: 'purple' as 'red' })], 'x', new Date().toISOString())),
    /buildings_risk_tier_check/,
  );
});

test('the sweep’s list: another version or none, a deadline passed since the assessment, a judgement run out since it', async () => {
  const now = '2026-12-10T00:00:00.000Z';
  await database.appDb.transaction((trx) =>
    store.write(
      trx,
      codes.map((c) => write(c, { history: false })),
      'sweep',
      now,
    ),
  );
  assert.deepEqual(await store.stale(now, 1, 365, 10), [], 'all assessed by version 1 at now');
  assert.deepEqual(await store.stale(now, 2, 365, 10), codes, 'a new version looks at every house');
  assert.equal((await store.stale(now, 2, 365, 2)).length, 2);

  // An open case of house 2 fell due after its assessment.
  await database.db('cases').where({ building_code: codes[1], status: 'registered' }).update({ due_at: '2026-12-11T00:00:00Z' });
  assert.deepEqual(await store.stale(now, 1, 365, 10), []);
  assert.deepEqual(await store.stale('2026-12-12T00:00:00.000Z', 1, 365, 10), [codes[1]]);

  // House 3 was judged on 2025-12-10: with a 365-day interval the judgement counts to the end of 2026-12-10
  // in Beijing, so it runs out at 2026-12-10T16:00Z, after the assessment at `now`.
  await database.db('buildings').where({ code: codes[2] }).update({ latest_judgement: 'none', latest_judgement_at: '2025-12-10' });
  assert.deepEqual(await store.stale('2026-12-10T17:00:00.000Z', 1, 365, 10), [codes[2]]);
  assert.deepEqual(await store.stale('2026-12-10T15:00:00.000Z', 1, 365, 10), [], 'not yet: 23:00 in Beijing');
  // Judged a day earlier, it ran out before the assessment, which has seen it.
  await database.db('buildings').where({ code: codes[2] }).update({ latest_judgement_at: '2025-12-09' });
  assert.deepEqual(await store.stale('2026-12-10T17:00:00.000Z', 1, 365, 10), []);

  // Looked at again after those moments: nothing left.
  await database.appDb.transaction((trx) => store.touch(trx, codes, '2026-12-13T00:00:00.000Z'));
  assert.deepEqual(await store.stale('2026-12-13T00:00:00.000Z', 1, 365, 10), []);
});

test('recomputing every house walks the codes in batches and knows how many there are', async () => {
  assert.equal(await store.count(), 3);
  assert.deepEqual(await store.codesAfter('', 2), codes.slice(0, 2));
  assert.deepEqual(await store.codesAfter(codes[1]!, 2), [codes[2]]);
  assert.deepEqual(await store.codesAfter(codes[2]!, 2), []);
});
