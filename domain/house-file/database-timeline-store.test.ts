/**
 * The safety timeline on PostgreSQL, as the application role: every kind of event of one house on one
 * list, newest first, paged with a stable total; a complaint without its complainant; another house's
 * events never mixed in; a house outside the reader's area not found.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { newComplaint } from '../../test/support/complaint-store.ts';
import { housesIn } from '../../test/support/imports.ts';
import { createAppAbility, rulesFor } from '../abilities.ts';
import { DatabaseBuildingStore } from '../buildings/database-store.ts';
import { DatabaseComplaintStore } from '../complaints/database-store.ts';
import { DatabaseTimelineStore } from './database-timeline-store.ts';

const VILLAGE = '441802006001';
const town = createAppAbility(rulesFor({ id: randomUUID(), role: 'town_officer', regionCode: '441802006' }));
const otherTown = createAppAbility(rulesFor({ id: randomUUID(), role: 'town_officer', regionCode: '441802007' }));

let database: TestDatabase;
let store: DatabaseTimelineStore;
let house: string;
let neighbour: string;

const t = (day: number) => new Date(Date.UTC(2026, 0, day, 4)).toISOString();

before(async () => {
  database = await createTestDatabase();
  store = new DatabaseTimelineStore(database.appDb);
  const buildings = new DatabaseBuildingStore(database.appDb);
  [house, neighbour] = [
    await buildings.create({ ...housesIn(VILLAGE, 1, 5)[0]!, externalId: null }),
    await buildings.create({ ...housesIn(VILLAGE, 1, 6)[0]!, externalId: null }),
  ] as [string, string];
  const db = database.db;
  const officer = (await db('users').where({ username: 'officer' }).first('id', 'name')) as { id: string; name: string };
  const inspectionId = randomUUID();
  await db('inspections').insert({
    id: inspectionId,
    building_code: house,
    region_code: VILLAGE,
    inspector_id: officer.id,
    inspector_name: officer.name,
    judgement: 'some',
    hazards: JSON.stringify([{ category: 'ancillary' }]),
    presence: 'near',
    inspected_at: t(2),
  });
  await db('building_changes').insert({
    building_code: house,
    at: t(3),
    source: `inspection:${inspectionId}`,
    changes: JSON.stringify({ latestJudgement: { before: null, after: 'some' }, latestJudgementAt: { before: null, after: '2026-01-02' } }),
  });
  // A change that is not a judgement stays off the timeline.
  await db('building_changes').insert({
    building_code: house,
    at: t(3),
    source: 'api',
    changes: JSON.stringify({ address: { before: 'a', after: 'b' } }),
  });
  await db('building_risk_changes').insert({
    building_code: house,
    at: t(4),
    from_tier: 'yellow',
    to_tier: 'orange',
    reasons: '[]',
    version: 1,
    cause: 'x',
  });
  const [kase] = (await db('cases')
    .insert({
      number: 'AJ-TL-1',
      definition_version: 1,
      building_code: house,
      region_code: VILLAGE,
      category: 'ancillary',
      severity: 'general',
      description: '阳台栏杆松动',
      status: 'closed',
      created_at: t(5),
      closed_at: t(9),
    })
    .returning('id')) as { id: string }[];
  const complaint = await new DatabaseComplaintStore(database.appDb).create(newComplaint({ buildingCode: house, regionCode: VILLAGE }));
  await db('complaints')
    .where({ id: complaint.id })
    .update({ created_at: t(6) });
  const [campaign] = (await db('campaigns')
    .insert({
      name: '经营性自建房专项排查',
      region_code: '441802006',
      filters: '{}',
      assignee_role: 'inspector',
      due_at: t(30),
      remind_days_before: 3,
      total: 1,
      created_by: officer.id,
      created_by_name: officer.name,
      created_at: t(7),
    })
    .returning('id')) as { id: string }[];
  await db('campaign_items').insert({ campaign_id: campaign!.id, building_code: house, village_code: VILLAGE });
  await db('building_appraisals').insert({
    building_code: house,
    region_code: VILLAGE,
    agency_name: '某某鉴定公司',
    agency_qualification_no: 'XX-1',
    report_no: 'R-1',
    appraised_on: '2026-01-08',
    grade: 'B',
    agency_check: 'unlisted',
    agencies_version: 1,
    recorded_by: officer.id,
    recorded_by_name: officer.name,
  });
  // The neighbour's events are not this house's.
  await db('building_risk_changes').insert({
    building_code: neighbour,
    at: t(8),
    from_tier: null,
    to_tier: 'green',
    reasons: '[]',
    version: 1,
    cause: 'x',
  });
  assert.ok(kase);
});
after(() => database.drop());

test('every kind of event of the house, newest first, and nothing of another house', async () => {
  const page = await store.timeline(town, house, { page: 1, perPage: 50 });
  assert.ok(page);
  assert.deepEqual(
    page.data.map((e) => e.kind),
    ['case_ended', 'appraisal', 'campaign', 'complaint', 'case_opened', 'risk', 'judgement', 'inspection'],
  );
  assert.equal(page.total, 8);
  const appraisal = page.data.find((e) => e.kind === 'appraisal');
  assert.equal(appraisal?.data.agencyCheck, 'unlisted', 'the flag is on the timeline');
  assert.equal(appraisal?.at, '2026-01-07T16:00:00.000Z', 'an appraisal date is 00:00 Beijing time');
  assert.equal(page.data.find((e) => e.kind === 'judgement')?.data.to, 'some');
  assert.equal(page.data.find((e) => e.kind === 'campaign')?.data.itemStatus, 'pending');
});

test('a complaint appears without its complainant: no name, no phone, no description', async () => {
  const page = await store.timeline(town, house, { page: 1, perPage: 50, kinds: ['complaint'] });
  const text = JSON.stringify(page);
  assert.equal(page?.total, 1);
  assert.ok(!text.includes('张三丰') && !text.includes('13912345678') && !text.includes('墙体开裂严重'), text);
});

test('pages are stable slices of one order, and the kinds filter narrows it', async () => {
  const all = (await store.timeline(town, house, { page: 1, perPage: 50 }))!.data.map((e) => e.ref + e.kind);
  const pages = [];
  for (let p = 1; p <= 3; p++) pages.push(...(await store.timeline(town, house, { page: p, perPage: 3 }))!.data.map((e) => e.ref + e.kind));
  assert.deepEqual(pages, all);
  const cases = await store.timeline(town, house, { page: 1, perPage: 50, kinds: ['case_opened', 'case_ended'] });
  assert.deepEqual(
    cases?.data.map((e) => e.kind),
    ['case_ended', 'case_opened'],
  );
});

test('a house outside the reader’s area is not found', async () => {
  assert.equal(await store.timeline(otherTown, house, { page: 1, perPage: 10 }), undefined);
  assert.equal((await store.timeline(town, neighbour, { page: 1, perPage: 10 }))?.total, 1);
});
