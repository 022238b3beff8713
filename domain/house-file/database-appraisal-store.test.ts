/**
 * The appraisal history on PostgreSQL, as the application role: a report is recorded once, the latest
 * is by date then by recording, lists are scoped to the reader's area and filter the flagged reports,
 * and a scan is found only once its bytes are stored.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { housesIn } from '../../test/support/imports.ts';
import { createAppAbility, rulesFor } from '../abilities.ts';
import { DatabaseBuildingStore } from '../buildings/database-store.ts';
import { DatabaseAppraisalStore } from './database-appraisal-store.ts';
import type { NewAppraisal } from './appraisal-store.ts';

const VILLAGE = '441802006001';
const OTHER_VILLAGE = '441802007001';
const town = createAppAbility(rulesFor({ id: randomUUID(), role: 'town_officer', regionCode: '441802006' }));
const district = createAppAbility(rulesFor({ id: randomUUID(), role: 'district_officer', regionCode: '441802' }));

let database: TestDatabase;
let store: DatabaseAppraisalStore;
let house: string;
let elsewhere: string;
let officer: { id: string; name: string };

const appraisal = (code: string, over: Partial<NewAppraisal> = {}): NewAppraisal => ({
  buildingCode: code,
  regionCode: code.slice(0, 12),
  agencyName: '清远市示例房屋安全鉴定有限公司',
  agencyQualificationNo: 'JD-4418-0001',
  reportNo: `R-${randomUUID().slice(0, 8)}`,
  appraisedOn: '2026-03-01',
  grade: 'B',
  scope: '整栋',
  reportFileId: null,
  nextDueOn: null,
  agencyCheck: 'listed',
  agenciesVersion: 1,
  recordedBy: officer.id,
  recordedByName: officer.name,
  ...over,
});

before(async () => {
  database = await createTestDatabase();
  store = new DatabaseAppraisalStore(database.appDb);
  const buildings = new DatabaseBuildingStore(database.appDb);
  house = await buildings.create({ ...housesIn(VILLAGE, 1, 3)[0]!, externalId: null });
  elsewhere = await buildings.create({ ...housesIn(OTHER_VILLAGE, 1, 4)[0]!, externalId: null });
  officer = (await database.db('users').where({ username: 'officer' }).first('id', 'name')) as { id: string; name: string };
});
after(() => database.drop());

test('a report is recorded once: the same qualification and report number again is refused, not duplicated', async () => {
  const input = appraisal(house, { reportNo: 'QY-2026-001', appraisedOn: '2026-02-01', nextDueOn: '2027-02-01' });
  const added = await database.appDb.transaction((trx) => store.add(input, trx));
  assert.ok(added);
  assert.equal(added.appraisedOn, '2026-02-01');
  assert.equal(added.nextDueOn, '2027-02-01');
  assert.equal(added.agencyCheck, 'listed');
  assert.equal(await database.appDb.transaction((trx) => store.add(input, trx)), false);
  assert.equal(
    (await database.appDb.transaction((trx) => store.add({ ...input, agencyQualificationNo: 'JD-OTHER' }, trx))) !== false,
    true,
  );
});

test('the latest appraisal is the newest by date, whatever the order they were recorded in', async () => {
  await database.appDb.transaction((trx) => store.add(appraisal(house, { appraisedOn: '2026-05-10', grade: 'C', reportNo: 'L-NEW' }), trx));
  await database.appDb.transaction((trx) => store.add(appraisal(house, { appraisedOn: '2025-01-01', grade: 'A', reportNo: 'L-OLD' }), trx));
  const latest = await store.latest(house, database.appDb);
  assert.equal(latest?.reportNo, 'L-NEW');
  assert.equal(latest?.grade, 'C');
});

test('lists are scoped to the reader’s area, newest first, and filter the flagged reports and by grade', async () => {
  await database.appDb.transaction((trx) =>
    store.add(
      appraisal(elsewhere, { agencyName: '某某鉴定公司', agencyQualificationNo: 'XX-1', agencyCheck: 'unlisted', grade: 'D' }),
      trx,
    ),
  );
  await database.appDb.transaction((trx) =>
    store.add(appraisal(house, { agencyQualificationNo: 'JD-9', agencyCheck: 'qualification_mismatch', reportNo: 'MM-1' }), trx),
  );
  const mine = await store.list(town, { page: 1, perPage: 50 });
  assert.ok(
    mine.data.every((a) => a.buildingCode === house),
    'a town sees only its houses',
  );
  assert.equal(mine.total, mine.data.length);
  const dates = mine.data.map((a) => a.appraisedOn);
  assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
  const all = await store.list(district, { page: 1, perPage: 50 });
  assert.equal(all.total, mine.total + 1);
  const flagged = await store.list(district, { page: 1, perPage: 50, flagged: true });
  assert.deepEqual(flagged.data.map((a) => a.agencyCheck).sort(), ['qualification_mismatch', 'unlisted']);
  const flaggedInTown = await store.list(town, { page: 1, perPage: 50, flagged: true });
  assert.deepEqual(
    flaggedInTown.data.map((a) => a.reportNo),
    ['MM-1'],
  );
  assert.equal((await store.list(district, { page: 1, perPage: 50, flagged: false })).total, all.total - 2);
  assert.deepEqual(
    (await store.list(district, { page: 1, perPage: 50, grade: 'D' })).data.map((a) => a.buildingCode),
    [elsewhere],
  );
  assert.equal((await store.list(district, { page: 1, perPage: 50, regionCode: '441802007' })).total, 1);
  assert.equal((await store.list(district, { page: 1, perPage: 50, buildingCode: elsewhere })).total, 1);
});

test('a scan is found with its house’s village once its bytes are stored, never while pending', async () => {
  const [row] = (await database
    .appDb('building_files')
    .insert({
      building_code: house,
      purpose: 'appraisal',
      name: 'r.pdf',
      mime: 'application/pdf',
      size: 10,
      sha256: 'a'.repeat(64),
      storage_key: 'pending',
      uploaded_by: officer.id,
    })
    .returning('id')) as { id: string }[];
  const id = row!.id;
  assert.equal(await store.scan(id), undefined, 'pending: not served');
  await database
    .appDb('building_files')
    .where({ id })
    .update({ storage_key: `buildings/${house}/${id}.pdf` });
  const scan = await store.scan(id);
  assert.equal(scan?.villageCode, VILLAGE);
  assert.equal(scan?.purpose, 'appraisal');
  assert.equal(await store.scan('not-a-uuid'), undefined);
});

test('the database refuses a grade outside A–D and a next due date not after the appraisal', async () => {
  await assert.rejects(
    database.appDb.transaction((trx) => store.add(appraisal(house, { grade: 'E' as 'A' }), trx)),
    /grade_check/,
  );
  await assert.rejects(
    database.appDb.transaction((trx) => store.add(appraisal(house, { appraisedOn: '2026-01-01', nextDueOn: '2026-01-01' }), trx)),
    /next_due_check/,
  );
});
