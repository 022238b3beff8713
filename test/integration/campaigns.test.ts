/**
 * Special inspections on real Temporal and PostgreSQL, through the API: a campaign over the houses a
 * filter picks, handed to each village's inspectors, progress as inspections come in, a reminder, and
 * at the deadline the village that did not finish overdue; a campaign whose houses are all inspected
 * completes early; cancelling; who may start one; bad input.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createHouse } from '../support/cases.ts';
import { loggedIn } from '../support/http.ts';
import { waitForCampaign } from '../support/campaigns.ts';
import type { ApiClient } from '../support/http.ts';
import { recordHistoriesThenStop } from '../support/histories.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

let stack: Stack;
let officer: ApiClient;
let town: ApiClient;
let inspector: ApiClient;
let auditor: ApiClient;
const DAY_SECONDS = 2;

before(async () => {
  stack = await startStack({ CASE_DAY_SECONDS: String(DAY_SECONDS) });
  officer = await loggedIn(stack.baseUrl, 'officer');
  town = await loggedIn(stack.baseUrl, 'town');
  inspector = await loggedIn(stack.baseUrl, 'inspector');
  auditor = await loggedIn(stack.baseUrl, 'auditor');
});
after(async () => {
  await recordHistoriesThenStop(stack, 'campaigns');
});

type Counts = { total: number; done: number; withHazards: number; overdue: number; pending: number };
type Campaign = {
  id: string;
  status: string;
  remindedAt: string | null;
  progress: Counts;
  villages: (Counts & { villageCode: string; villageName: string })[];
};
type ErrorReply = { error: { code: string; details?: { field: string }[] } };

const inspect = (client: ApiClient, buildingCode: string, hazard = false) =>
  client.post<{ kind: string; campaignId: string | null }>('/api/inspections', {
    id: randomUUID(),
    buildingCode,
    judgement: hazard ? 'some' : 'none',
    hazards: hazard ? [{ category: 'use_change', description: '一楼改为仓库' }] : [],
    fileIds: [],
    position: null,
    inspectedAt: new Date().toISOString(),
  });

const waitFor = (id: string, check: (c: Campaign) => boolean, what: string) => waitForCampaign<Campaign>(officer, id, check, what);

describe('special inspection campaign', () => {
  test('from creation to the deadline: inboxes, progress, a reminder, one village overdue', async () => {
    // Business houses of three floors or more in 凤城街道: two in 高基里 (the demo inspector's village), one elsewhere.
    const mine = [
      await createHouse(officer, { use: 'business', businessCategory: 'catering', floorsAbove: 3 }),
      await createHouse(officer, { use: 'business', businessCategory: 'lodging', floorsAbove: 4 }),
    ];
    const other = await createHouse(officer, { villageCode: '441802006002', use: 'business', businessCategory: 'retail', floorsAbove: 5 });
    await createHouse(officer, { use: 'business', businessCategory: 'retail', floorsAbove: 2 }); // too low
    await createHouse(officer, { use: 'own_home', floorsAbove: 3 }); // not business
    const created = await officer.post<Campaign>('/api/campaigns', {
      name: '凤城街道经营性自建房专项排查',
      regionCode: '441802006',
      filters: { use: 'business', minFloors: 3 },
      assigneeRole: 'inspector',
      dueAt: new Date(Date.now() + 6 * DAY_SECONDS * 1000).toISOString(),
      remindDaysBefore: 2,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id;
    assert.equal(created.body.progress.total, 3);
    assert.equal(created.body.status, 'running');

    // The inspector's inbox holds the two houses of their village; the town officer's holds none (handed to inspectors).
    const tasks = await inspector.get<{ data: { buildingCode: string; campaignId: string }[]; total: number }>('/api/campaign-tasks');
    assert.deepEqual(tasks.body.data.map((t) => t.buildingCode).sort(), [...mine].sort());
    assert.equal((await town.get<{ total: number }>('/api/campaign-tasks')).body.total, 0);
    // The town officer sees the campaign over their town; the inspector sees the progress of their village only.
    assert.equal((await town.get<Campaign>(`/api/campaigns/${id}`)).body.progress.total, 3);
    assert.equal((await inspector.get<Campaign>(`/api/campaigns/${id}`)).body.progress.total, 2);

    const first = await inspect(inspector, mine[0] as string, true);
    assert.equal(first.body.kind, 'special');
    assert.equal(first.body.campaignId, id);
    await inspect(inspector, mine[1] as string);
    const progressed = (await officer.get<Campaign>(`/api/campaigns/${id}`)).body;
    assert.deepEqual(
      { done: progressed.progress.done, withHazards: progressed.progress.withHazards, pending: progressed.progress.pending },
      { done: 2, withHazards: 1, pending: 1 },
    );
    assert.equal((await inspector.get<{ total: number }>('/api/campaign-tasks')).body.total, 0);

    const reminded = await waitFor(id, (c) => c.remindedAt !== null, 'reminded before the deadline');
    assert.equal(reminded.status, 'running');
    const closed = await waitFor(id, (c) => c.status === 'closed', 'closed at the deadline');
    assert.equal(closed.progress.overdue, 1);
    const byVillage = Object.fromEntries(closed.villages.map((v) => [v.villageCode, v]));
    assert.deepEqual({ done: byVillage['441802006001']?.done, overdue: byVillage['441802006001']?.overdue }, { done: 2, overdue: 0 });
    assert.equal(byVillage['441802006002']?.overdue, 1);
    const overdueItems = await officer.get<{ data: { buildingCode: string }[] }>(`/api/campaigns/${id}/items?status=overdue`);
    assert.deepEqual(
      overdueItems.body.data.map((i) => i.buildingCode),
      [other],
    );
    // After the deadline an inspection of that house is an ordinary one.
    const late = await officer.post<{ kind: string }>('/api/inspections', {
      id: randomUUID(),
      buildingCode: other,
      judgement: 'none',
      hazards: [],
      fileIds: [],
      position: null,
      inspectedAt: new Date().toISOString(),
    });
    assert.equal(late.body.kind, 'daily');
  });

  test('every house inspected before the deadline: completed at once; a cancelled campaign leaves the inboxes', async () => {
    const house = await createHouse(officer, { use: 'business', businessCategory: 'education', floorsAbove: 6, yearBuilt: 1988 });
    const created = await officer.post<Campaign>('/api/campaigns', {
      name: '培训机构专项排查',
      regionCode: '441802006001',
      filters: { businessCategory: 'education', minFloors: 6 },
      assigneeRole: 'inspector',
      dueAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    assert.equal(created.body.progress.total, 1, JSON.stringify(created.body));
    await inspect(inspector, house);
    await waitFor(created.body.id, (c) => c.status === 'completed', 'completed when all are done');

    await createHouse(officer, { use: 'business', businessCategory: 'elderly_care', floorsAbove: 3 });
    const other = await officer.post<Campaign>('/api/campaigns', {
      name: '养老场所专项排查',
      regionCode: '441802006',
      filters: { businessCategory: 'elderly_care' },
      assigneeRole: 'inspector',
      dueAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    assert.ok((await inspector.get<{ total: number }>('/api/campaign-tasks')).body.total >= 1);
    const cancelled = await officer.post<Campaign>(`/api/campaigns/${other.body.id}/cancel`, { reason: '并入全区排查' });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    assert.equal(cancelled.body.status, 'cancelled');
    assert.equal((await inspector.get<{ total: number }>('/api/campaign-tasks')).body.total, 0);
    assert.equal((await officer.post(`/api/campaigns/${other.body.id}/cancel`, { reason: '再次撤销' })).status, 409);
  });

  test('only district officers start campaigns; bad input names the field and writes nothing', async () => {
    const body = {
      name: '测试专项',
      regionCode: '441802006',
      filters: { use: 'business' },
      assigneeRole: 'inspector',
      dueAt: new Date(Date.now() + 3600_000).toISOString(),
    };
    assert.equal((await town.post('/api/campaigns', body)).status, 403);
    assert.equal((await auditor.post('/api/campaigns', body)).status, 403);
    const count = async () => Number((await stack.db('campaigns').count({ n: '*' }).first())?.n);
    const before = await count();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...body, dueAt: new Date(Date.now() - 1000).toISOString() }, 422, 'body.dueAt'],
      [{ ...body, filters: { use: 'palace' } }, 400, 'body.filters.use'],
      [{ ...body, filters: { businessCategory: 'warehousing', minFloors: 60 } }, 422, 'body.filters'],
      [{ ...body, filters: { yearFrom: 2000, yearTo: 1990 } }, 422, 'body.filters.yearTo'],
      [{ ...body, assigneeRole: 'auditor' }, 400, 'body.assigneeRole'],
      [{ ...body, regionCode: '441802999' }, 422, 'body.regionCode'],
    ];
    for (const [input, status, field] of cases) {
      const r = await officer.post<ErrorReply>('/api/campaigns', input);
      assert.equal(r.status, status, `${JSON.stringify(input)} → ${JSON.stringify(r.body)}`);
      assert.ok(
        r.body.error.details?.some((d) => d.field.startsWith(field)),
        `${field} in ${JSON.stringify(r.body)}`,
      );
    }
    // A wrong choice gets one message listing the choices, not one per choice.
    const wrongUse = await officer.post<ErrorReply & { error: { message: string } }>('/api/campaigns', {
      ...body,
      filters: { use: 'palace' },
    });
    assert.equal(wrongUse.body.error.details?.length, 1, JSON.stringify(wrongUse.body));
    assert.match(wrongUse.body.error.message, /^房屋条件的房屋用途：取值应为：自住、出租、经营/);
    assert.equal(await count(), before);
  });
});
