/**
 * The audit store against PostgreSQL, as the application role: entries only ever appended, the trail of
 * audit rows and case events read as one list within the reader's region, filtered, with its subjects
 * named and a case event's responsible party masked.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { demoUser, newCase, registration } from '../../test/support/case-store.ts';
import { housesIn } from '../../test/support/imports.ts';
import { createAppAbility, rulesFor } from '../abilities.ts';
import { DatabaseBuildingStore } from '../buildings/database-store.ts';
import { DatabaseCaseStore } from '../cases/database-store.ts';
import { DatabaseAuditStore } from './database-audit.ts';
import type { AuditContext } from './audit.ts';

const VILLAGE = '441802006001';
const townAuditor = createAppAbility(rulesFor({ id: randomUUID(), role: 'auditor', regionCode: '441802006' }));
const otherTownAuditor = createAppAbility(rulesFor({ id: randomUUID(), role: 'auditor', regionCode: '441802007' }));
const districtAuditor = createAppAbility(rulesFor({ id: randomUUID(), role: 'auditor', regionCode: '441802' }));
/** May read houses and cases, not the audit log. */
const inspector = createAppAbility(rulesFor({ id: randomUUID(), role: 'inspector', regionCode: VILLAGE }));

let database: TestDatabase;
let store: DatabaseAuditStore;
let who: AuditContext;
let userId: string;

before(async () => {
  database = await createTestDatabase();
  store = new DatabaseAuditStore(database.appDb);
  const admin = await demoUser(database.db, 'admin');
  userId = admin.id;
  who = { actorId: admin.id, actorName: admin.name, actorRole: admin.role, ip: '203.0.113.7', userAgent: 'test', requestId: 'r-1' };
});
after(() => database.drop());

const page = (ability = districtAuditor, params: object = {}) => store.list(ability, { page: 1, perPage: 100, ...params });

test('an entry is appended with who, what, where; the log refuses every change to it', async () => {
  await store.record(who, {
    action: 'user.create',
    subjectType: 'User',
    subjectId: userId,
    regionCode: '441802',
    details: { username: 'admin' },
  });
  const [entry] = (await page(districtAuditor, { action: 'user.create' })).data;
  assert.deepEqual(
    [entry?.source, entry?.actorName, entry?.actorRole, entry?.ip, entry?.requestId, entry?.details],
    ['audit', '林管理', 'district_admin', '203.0.113.7', 'r-1', { username: 'admin' }],
  );
  assert.equal(entry?.subjectLabel, '林管理（admin）', 'a user is named by name and account');
  await assert.rejects(database.appDb('audit_log').update({ action: 'x' }), /append-only|permission denied/);
  await assert.rejects(database.appDb('audit_log').delete(), /append-only|permission denied/);
});

test('an entry written in a transaction that rolls back is not kept', async () => {
  await assert.rejects(
    database.appDb.transaction(async (trx) => {
      await store.record(who, { action: 'user.disable', subjectType: 'User', subjectId: userId, regionCode: '441802' }, trx);
      throw new Error('rolled back');
    }),
    /rolled back/,
  );
  assert.equal((await page(districtAuditor, { action: 'user.disable' })).total, 0);
});

test('a reader sees the entries of their region only; a role without the audit right sees none', async () => {
  await store.record(who, { action: 'building.update', subjectType: 'Building', subjectId: `${VILLAGE}000001`, regionCode: VILLAGE });
  await store.record(who, {
    action: 'building.update',
    subjectType: 'Building',
    subjectId: '441802007001000001',
    regionCode: '441802007001',
  });
  const regions = async (ability = districtAuditor) =>
    (await page(ability, { action: 'building.update' })).data.map((e) => e.regionCode).sort();
  assert.deepEqual(await regions(), ['441802006001', '441802007001']);
  assert.deepEqual(await regions(townAuditor), [VILLAGE]);
  assert.deepEqual(await regions(otherTownAuditor), ['441802007001']);
  assert.equal((await page(inspector)).total, 0);
});

test('the trail holds a case’s events beside the audit rows, named by the case number, the responsible party masked', async () => {
  const code = await new DatabaseBuildingStore(database.appDb).create({ ...housesIn(VILLAGE, 1, 3)[0]!, externalId: null });
  const officer = await demoUser(database.db, 'officer');
  const cases = new DatabaseCaseStore(database.appDb);
  const { id, number } = await cases.create(newCase({ code, villageCode: VILLAGE }, officer, { severity: 'general' }));
  const step = registration(id, { id: officer.id, name: officer.name, role: officer.role, regionCode: officer.regionCode });
  step.event.data = { ...step.event.data, form: { responsibleParty: { name: '张三丰', phone: '13912345678' } } };
  await cases.applyTransition(step);
  await store.record(who, { action: 'case.file_upload', subjectType: 'Case', subjectId: id, regionCode: VILLAGE });

  const trail = await page(townAuditor, { subjectId: id });
  assert.deepEqual(trail.data.map((e) => e.source).sort(), ['audit', 'case']);
  assert.ok(trail.data.every((e) => e.subjectLabel === number));
  const event = trail.data.find((e) => e.source === 'case')!;
  assert.deepEqual([event.action, event.id], ['case.registered', `${id}:1`]);
  const party = (event.details.data as { form: { responsibleParty: { name: string; phone: string } } }).form.responsibleParty;
  assert.notEqual(party.name, '张三丰');
  assert.notEqual(party.phone, '13912345678');
  assert.deepEqual(
    (await page(townAuditor, { subjectId: id, source: 'case' })).data.map((e) => e.source),
    ['case'],
  );
  assert.equal((await page(otherTownAuditor, { subjectId: id })).total, 0);
});

test('filters: action, actor, subject type, region (taken literally), time; newest first by default', async () => {
  const other: AuditContext = { ...who, actorId: randomUUID(), actorName: '别人' };
  await store.record(other, { action: 'building_import.create', subjectType: 'ImportJob', subjectId: 'x', regionCode: '441802006002' });
  await store.record(who, { action: 'building_import.create', subjectType: 'ImportJob', subjectId: 'y', regionCode: '441802006002' });
  const imports = await page(districtAuditor, { action: 'building_import.create' });
  assert.deepEqual(
    imports.data.map((e) => e.subjectId),
    ['y', 'x'],
  );
  assert.deepEqual(
    (await page(districtAuditor, { action: 'building_import.create', order: 'asc' })).data.map((e) => e.subjectId),
    ['x', 'y'],
  );
  assert.deepEqual(
    (await page(districtAuditor, { action: 'building_import.create', actorId: other.actorId })).data.map((e) => e.subjectId),
    ['x'],
  );
  assert.equal((await page(districtAuditor, { subjectType: 'ImportJob' })).total, 2);
  assert.equal((await page(districtAuditor, { regionCode: '441802006002' })).total, 2);
  assert.equal((await page(districtAuditor, { regionCode: '4418020060_2' })).total, 0);
  assert.equal(
    (await page(districtAuditor, { action: 'building_import.create', from: new Date(Date.now() + 60_000).toISOString() })).total,
    0,
  );
  assert.equal(
    (await page(districtAuditor, { action: 'building_import.create', to: new Date(Date.now() - 3_600_000).toISOString() })).total,
    0,
  );
  assert.equal(
    (await page(districtAuditor, { action: 'building_import.create', to: new Date(Date.now() + 60_000).toISOString() })).total,
    2,
  );
});
