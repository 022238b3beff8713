/**
 * The on-site verification of a complaint keeps its evidence as an inspection does: the verifier's
 * photos (uploaded for that complaint, attached when the verification is recorded) and the phone's
 * position with its distance from the house. Bounded input, the verifier's own photos only, and
 * nothing of it on the citizen's progress page.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { ApiClient, loggedIn } from '../support/http.ts';
import { createHouse, tinyPng } from '../support/cases.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

let stack: Stack;
let citizen: ApiClient;
let officer: ApiClient;
let inspector: ApiClient;
let inspector2: ApiClient;
let auditor: ApiClient;
const AT = { latitude: 23.7105, longitude: 113.0412 };
/** About 15 m from the house. */
const ON_SITE = { latitude: 23.7106, longitude: 113.0413, accuracy: 9 };

before(async () => {
  stack = await startStack();
  citizen = new ApiClient(stack.baseUrl);
  officer = await loggedIn(stack.baseUrl, 'officer');
  inspector = await loggedIn(stack.baseUrl, 'inspector');
  inspector2 = await loggedIn(stack.baseUrl, 'inspector2');
  auditor = await loggedIn(stack.baseUrl, 'auditor');
});
after(async () => {
  await stack?.stop();
});

type Verified = {
  id: string;
  status: string;
  verifyPosition: { latitude: number; longitude: number; accuracy: number | null } | null;
  verifyDistanceM: number | null;
  verifyPresence: string | null;
  verifyFiles: { id: string; name: string }[];
};
type ErrorReply = { error: { code: string; message: string; details?: { field: string; message: string }[] } };

async function fileComplaint(body: Record<string, unknown>): Promise<{ id: string; trackingNo: string; secret: string }> {
  const r = await citizen.post<{ trackingNo: string; secret: string }>('/api/public/complaints', {
    category: 'structure_damage',
    description: '外墙有很长的裂缝，担心倒塌',
    fileIds: [],
    ...body,
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const list = await officer.get<{ data: { id: string }[] }>(`/api/complaints?trackingNo=${r.body.trackingNo}`);
  return { id: list.body.data[0]?.id as string, ...r.body };
}

async function photo(client: ApiClient, complaintId: string, expect = 201): Promise<string> {
  const r = await client.request<{ id: string } & ErrorReply>('POST', `/api/complaints/${complaintId}/verification-files`, tinyPng(), {
    'Content-Type': 'image/png',
    'X-File-Name': encodeURIComponent('现场.png'),
  });
  assert.equal(r.status, expect, JSON.stringify(r.body));
  return r.body.id;
}

describe('the evidence of a complaint verification', () => {
  let house: string;
  before(async () => {
    house = await createHouse(officer, { ...AT, address: '凤城街道高基里 20 号' });
  });

  test('photos and the phone’s position are kept with the verification and shown on the complaint, not to the citizen', async () => {
    const c = await fileComplaint({ buildingCode: house });
    const taken = await photo(inspector, c.id);
    const discarded = await photo(inspector, c.id);
    const r = await inspector.post<Verified>(`/api/complaints/${c.id}/verify`, {
      result: 'confirmed',
      reply: '现场属实，已立案整改',
      fileIds: [taken],
      position: ON_SITE,
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(
      r.body.verifyFiles.map((f) => f.id),
      [taken],
    );
    assert.deepEqual(r.body.verifyPosition, { latitude: ON_SITE.latitude, longitude: ON_SITE.longitude, accuracy: ON_SITE.accuracy });
    assert.equal(r.body.verifyPresence, 'near');
    assert.ok((r.body.verifyDistanceM ?? 999) < 30, `distance ${r.body.verifyDistanceM}`);

    // Anyone who may read the complaint sees the photo; the one left out of the verification is not served.
    const shown = await fetch(`${stack.baseUrl}/api/complaint-verification-files/${taken}`, {
      headers: { cookie: auditor.cookieHeader() },
    });
    assert.equal(shown.status, 200);
    assert.equal(shown.headers.get('content-type'), 'image/png');
    const unused = await fetch(`${stack.baseUrl}/api/complaint-verification-files/${discarded}`, {
      headers: { cookie: auditor.cookieHeader() },
    });
    assert.equal(unused.status, 404);
    assert.equal((await fetch(`${stack.baseUrl}/api/complaint-verification-files/${taken}`)).status, 401);

    const page = await citizen.post('/api/public/complaints/progress', { trackingNo: c.trackingNo, secret: c.secret });
    assert.equal(page.status, 200);
    const text = JSON.stringify(page.body);
    for (const inside of ['verifyFiles', 'verifyPosition', 'presence', String(ON_SITE.latitude), taken])
      assert.ok(!text.includes(inside), `progress page shows ${inside}`);

    // Verified: no more photos for it.
    await photo(inspector, c.id, 409);

    // The photo left out is deleted by the housekeeping once old; the verification's stays.
    await stack
      .db('complaint_verification_files')
      .where({ id: discarded })
      .update({ created_at: stack.db.raw(`now() - interval '3 days'`) });
    await stack.temporal.client.workflow.execute('housekeepingWorkflow', {
      taskQueue: stack.config.temporalTaskQueue,
      workflowId: 'hk-verification-photos',
      args: [],
    });
    const left = (await stack.db('complaint_verification_files').whereIn('id', [taken, discarded]).pluck('id')) as string[];
    assert.deepEqual(left, [taken]);
  });

  test('verified without a position: recorded as missing, for the town officer to see', async () => {
    const c = await fileComplaint({ buildingCode: house, category: 'ancillary', description: '阳台栏杆松动摇晃' });
    const r = await inspector.post<Verified>(`/api/complaints/${c.id}/verify`, {
      result: 'unfounded',
      reply: '栏杆已由户主加固',
      position: null,
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.verifyPresence, 'missing');
    assert.equal(r.body.verifyPosition, null);
    assert.deepEqual(r.body.verifyFiles, []);
  });

  test('a complaint from the map: the distance is from the point the citizen picked', async () => {
    const c = await fileComplaint({ position: { latitude: AT.latitude + 0.0026, longitude: AT.longitude } });
    const r = await inspector.post<Verified>(`/api/complaints/${c.id}/verify`, {
      result: 'unfounded',
      reply: '现场未见问题',
      position: ON_SITE,
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.verifyPresence, 'far');
    assert.ok((r.body.verifyDistanceM ?? 0) > 200, `distance ${r.body.verifyDistanceM}`);
  });

  test('bounded input, and only the verifier’s own photos of this complaint', async () => {
    const c = await fileComplaint({ buildingCode: house, category: 'illegal_addition', description: '楼顶正在加建第四层' });
    const other = await fileComplaint({ buildingCode: house, category: 'surroundings', description: '房屋周边边坡有滑塌迹象' });
    const tooMany = await inspector.post<ErrorReply>(`/api/complaints/${c.id}/verify`, {
      result: 'unfounded',
      reply: '不属实',
      fileIds: Array.from({ length: 10 }, () => randomUUID()),
    });
    assert.equal(tooMany.status, 400, JSON.stringify(tooMany.body));
    const badPlace = await inspector.post<ErrorReply>(`/api/complaints/${c.id}/verify`, {
      result: 'unfounded',
      reply: '不属实',
      position: { latitude: 123, longitude: 113 },
    });
    assert.equal(badPlace.status, 400, JSON.stringify(badPlace.body));
    assert.ok(
      badPlace.body.error.details?.some((d) => d.field.startsWith('body.position')),
      JSON.stringify(badPlace.body),
    );

    const colleagues = await photo(inspector2, c.id);
    const otherComplaints = await photo(inspector, other.id);
    for (const id of [colleagues, otherComplaints, randomUUID()]) {
      const r = await inspector.post<ErrorReply>(`/api/complaints/${c.id}/verify`, { result: 'unfounded', reply: '不属实', fileIds: [id] });
      assert.equal(r.status, 422, JSON.stringify(r.body));
      assert.equal(r.body.error.details?.[0]?.field, 'body.fileIds.0');
    }
    // Nothing was recorded by the refusals.
    const still = await inspector.get<{ status: string }>(`/api/complaints/${c.id}`);
    assert.equal(still.body.status, 'verifying');
    // The auditor reads complaints but may not verify them, nor upload for them.
    await photo(auditor, c.id, 403);
  });
});
