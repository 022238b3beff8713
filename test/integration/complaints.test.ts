/**
 * Citizens' complaints on real Temporal and PostgreSQL, through the API: filed without an account from
 * a house code or a map position, followed on the progress page (nothing internal), verified on site
 * (confirmed into a new or an open case, or unfounded with a reply), overdue verification recorded
 * once, the complainant's identity masked and its full view audited, the village's inspectors told once
 * of each complaint to verify, and the abuse limits.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient, loggedIn } from '../support/http.ts';
import { createHouse, registerCase, tinyPng, waitForCase } from '../support/cases.ts';
import { recordHistoriesThenStop } from '../support/histories.ts';
import { startableKinds } from '../../workers/activities/startable.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

let stack: Stack;
let citizen: ApiClient;
let officer: ApiClient;
let town: ApiClient;
let inspector: ApiClient;
let auditor: ApiClient;
const AT = { latitude: 23.7105, longitude: 113.0412 };
const DAY_SECONDS = 3;

before(async () => {
  // One definition day is 3 s: a complaint's verification (1 day) is overdue after 3 s.
  stack = await startStack({
    CASE_DAY_SECONDS: String(DAY_SECONDS),
    COMPLAINT_VERIFY_DAYS: '1',
    COMPLAINTS_PER_HOUR: '12',
    COMPLAINTS_PER_PHONE: '2',
    COMPLAINT_PHOTOS_PER_HOUR: '3',
  });
  citizen = new ApiClient(stack.baseUrl);
  officer = await loggedIn(stack.baseUrl, 'officer');
  town = await loggedIn(stack.baseUrl, 'town');
  inspector = await loggedIn(stack.baseUrl, 'inspector');
  auditor = await loggedIn(stack.baseUrl, 'auditor');
});
after(async () => {
  await recordHistoriesThenStop(stack, 'complaints');
});

type Progress = {
  trackingNo: string;
  status: string;
  reply: string | null;
  case: { number: string } | null;
  notifications: { text: string; at: string }[];
};
type Filed = { trackingNo: string; secret: string; progress: Progress };
type Staff = {
  id: string;
  trackingNo: string;
  status: string;
  overdue: boolean;
  contact: { name: string | null; phone: string | null };
  caseId: string | null;
  caseNumber: string | null;
  joinedCase: boolean | null;
  files: { id: string }[];
  notifications: { status: string; text: string }[];
};
type ErrorReply = { error: { code: string; message: string; details?: { field: string }[] } };

async function file(body: Record<string, unknown>, expect = 201) {
  const r = await citizen.post<Filed & ErrorReply>('/api/public/complaints', {
    category: 'structure_damage',
    description: '外墙有很长的裂缝，担心倒塌',
    fileIds: [],
    ...body,
  });
  assert.equal(r.status, expect, JSON.stringify(r.body));
  return r.body;
}

async function progress(filed: { trackingNo: string; secret: string }) {
  const r = await citizen.post<Progress & ErrorReply>('/api/public/complaints/progress', {
    trackingNo: filed.trackingNo,
    secret: filed.secret,
  });
  return r;
}

async function staff(client: ApiClient, trackingNo: string): Promise<Staff> {
  const list = await client.get<{ data: { id: string }[] }>(`/api/complaints?trackingNo=${trackingNo}`);
  assert.equal(list.body.data.length, 1, JSON.stringify(list.body));
  return (await client.get<Staff>(`/api/complaints/${list.body.data[0]?.id}`)).body;
}

async function waitFor<T>(read: () => Promise<T>, check: (v: T) => boolean, what: string): Promise<T> {
  const until = Date.now() + 20_000;
  let last: T | undefined;
  while (Date.now() < until) {
    last = await read();
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail(`${what}; last: ${JSON.stringify(last)}`);
}

describe('complaints', () => {
  let house: string;
  before(async () => {
    house = await createHouse(officer, { ...AT, address: '凤城街道高基里 12 号' });
  });

  test('filed from a house code with a photo: a tracking number and secret, a progress page with nothing internal', async () => {
    const photo = await citizen.request<{ id: string }>('POST', '/api/public/complaint-files', tinyPng(), { 'Content-Type': 'image/png' });
    assert.equal(photo.status, 201, JSON.stringify(photo.body));
    const filed = await file({ buildingCode: house, name: '王小明', phone: '13912345678', fileIds: [photo.body.id] });
    assert.match(filed.trackingNo, /^TS\d{8}[A-HJ-NP-Z2-9]{8}$/);
    assert.match(filed.secret, /^[A-Z2-9]{8}$/);
    assert.equal(filed.progress.status, 'verifying');
    assert.match(filed.progress.notifications[0]?.text ?? '', /已受理.*1 日内/);

    const page = await progress(filed);
    assert.equal(page.status, 200);
    const text = JSON.stringify(page.body);
    for (const secret of ['王小明', '13912345678', '139****5678', house.slice(0, 12), 'regionCode', 'verifyNote', 'contact', '"id"'])
      assert.ok(!text.includes(secret), `progress page shows ${secret}: ${text}`);
    // A wrong secret and an unknown number get the same answer.
    const wrong = await progress({ trackingNo: filed.trackingNo, secret: 'AAAAAAAA' });
    const unknown = await progress({ trackingNo: 'TS20261125999999', secret: filed.secret });
    assert.deepEqual([wrong.status, unknown.status], [404, 404]);
    assert.equal(wrong.body.error.message, unknown.body.error.message);

    // Officers see the complainant masked; the verifying roles may ask for it in full, which is audited.
    const seen = await staff(town, filed.trackingNo);
    assert.deepEqual(seen.contact, { name: '王**', phone: '139****5678' });
    assert.equal(seen.files.length, 1);
    const listed = await town.get<{ data: { files: { id: string }[] }[] }>(`/api/complaints?trackingNo=${filed.trackingNo}`);
    assert.deepEqual(
      listed.body.data[0]?.files.map((f) => f.id),
      [photo.body.id],
      'the list row names the photos too',
    );
    const full = await inspector.get<{ name: string; phone: string }>(`/api/complaints/${seen.id}/contact`);
    assert.deepEqual(full.body, { name: '王小明', phone: '13912345678' });
    const audited = await stack
      .db('audit_log')
      .where({ action: 'complaint.contact_viewed', subject_id: seen.id })
      .count({ n: '*' })
      .first();
    assert.equal(Number(audited?.n), 1);
    assert.equal((await auditor.get(`/api/complaints/${seen.id}/contact`)).status, 403);
    // The house file lists it, without the complainant.
    const houseFile = await officer.get<{ complaints: { trackingNo: string; status: string }[] }>(`/api/buildings/by-code/${house}`);
    assert.deepEqual(
      houseFile.body.complaints.map((c) => [c.trackingNo, c.status]),
      [[filed.trackingNo, 'verifying']],
    );
    // Not a bare '139': the row's createdAt may have 139 milliseconds.
    const listedInFile = JSON.stringify(houseFile.body.complaints);
    for (const shown of ['王', '13912345678', '139****5678'])
      assert.ok(!listedInFile.includes(shown), `no complainant in the house file (${shown}): ${listedInFile}`);
    const img = await fetch(`${stack.baseUrl}/api/complaint-files/${photo.body.id}`, { headers: { cookie: auditor.cookieHeader() } });
    assert.equal(img.status, 200);
    assert.equal((await fetch(`${stack.baseUrl}/api/complaint-files/${photo.body.id}`)).status, 401);

    // The village's inspectors are told it awaits their verification (待核实投诉), once, without the
    // complainant; the town officer is not an on-site verifier and is not told.
    const link = `/complaints/${seen.id}/show`;
    const told = async (client: ApiClient) =>
      (
        await client.get<{ data: { kind: string; title: string; body: string; link: string | null }[] }>('/api/notifications?perPage=100')
      ).body.data.filter((n) => n.link === link);
    const [notice, ...more] = await told(inspector);
    assert.equal(more.length, 0, 'told once');
    assert.equal(notice?.kind, 'task_claimable');
    assert.match(notice?.title ?? '', /待核实投诉/);
    assert.ok(!/王小明|王\*\*|13912345678|139\*{4}5678/.test(JSON.stringify(notice)), 'no complainant in the notification');
    assert.equal((await told(town)).length, 0);
    // A sweeper restarting its workflow (as after a crash before the start was marked) tells no one again.
    const complaints = startableKinds({ db: stack.db, temporal: stack.temporal.client, config: stack.config }).find(
      (k) => k.kind === 'complaints',
    );
    const row = await stack.db('complaints').where({ id: seen.id }).first('id', 'region_code', 'verify_due_at');
    await complaints?.start({ id: row.id, regionCode: row.region_code, verifyDueAt: row.verify_due_at.toISOString() });
    assert.equal((await told(inspector)).length, 1, 'the restart told no one twice');
  });

  test('confirmed on site: a hazard case is opened and the progress page follows it', async () => {
    const filed = await file({ buildingCode: house, category: 'illegal_addition', description: '楼顶正在加建第四层' });
    const seen = await staff(inspector, filed.trackingNo);
    const r = await inspector.post<Staff>(`/api/complaints/${seen.id}/verify`, {
      result: 'confirmed',
      severity: 'serious',
      reply: '已责令停工，正在整改',
      note: '户主态度不配合',
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.status, 'confirmed');
    assert.equal(r.body.joinedCase, false);
    const c = await waitForCase(town, r.body.caseId as string, (x) => x.status === 'assigning');
    assert.equal(c.severity, 'serious');
    assert.equal((c as unknown as { source: string }).source, 'complaint');
    const page = (await progress(filed)).body;
    assert.equal(page.status, 'rectifying');
    assert.equal(page.case?.number, r.body.caseNumber);
    assert.match(page.notifications.at(-1)?.text ?? '', /属实.*已立案整改/);
    assert.ok(!JSON.stringify(page).includes('不配合'), 'the internal note stays internal');
    // The list row says what the complaint's own page says: its notices are there, not an empty list.
    const listed = await town.get<{ data: { notifications: { text: string }[] }[] }>(`/api/complaints?trackingNo=${filed.trackingNo}`);
    assert.deepEqual(
      listed.body.data[0]?.notifications.map((n) => n.text),
      (await staff(town, filed.trackingNo)).notifications.map((n) => n.text),
    );
    assert.ok((listed.body.data[0]?.notifications.length ?? 0) >= 2);
    // Verified once: a second verification is refused.
    const again = await town.post<ErrorReply>(`/api/complaints/${seen.id}/verify`, { result: 'unfounded', reply: '重复核实' });
    assert.equal(again.status, 409, JSON.stringify(again.body));
  });

  test('confirmed where a case of the house and category is open: the complaint joins it', async () => {
    const open = await registerCase(officer, house);
    const filed = await file({ buildingCode: house, description: '二楼墙体开裂越来越严重' });
    const seen = await staff(inspector, filed.trackingNo);
    const r = await inspector.post<Staff>(`/api/complaints/${seen.id}/verify`, { result: 'confirmed', reply: '已并入整改' });
    assert.equal(r.body.caseId, open.id);
    assert.equal(r.body.joinedCase, true);
    assert.match((await progress(filed)).body.notifications.at(-1)?.text ?? '', /已并入正在整改的案件/);
  });

  test('confirmed where the case of the house and category was cancelled: a new case is opened, not the cancelled one joined', async () => {
    const other = await createHouse(officer, { address: '凤城街道高基里 20 号' });
    const old = await registerCase(officer, other);
    const cancelled = await officer.post<{ status: string }>(`/api/cases/${old.id}/cancel`, { reason: '经核实为误报' });
    assert.equal(cancelled.body.status, 'cancelled', JSON.stringify(cancelled.body));
    const filed = await file({ buildingCode: other, description: '二楼墙体又开裂了' });
    const seen = await staff(inspector, filed.trackingNo);
    const r = await inspector.post<Staff>(`/api/complaints/${seen.id}/verify`, { result: 'confirmed', reply: '已立案整改' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.joinedCase, false);
    assert.notEqual(r.body.caseId, old.id);
    await waitForCase(town, r.body.caseId as string, (x) => x.status === 'assigning');
    assert.equal((await town.get<{ status: string }>(`/api/cases/${old.id}`)).body.status, 'cancelled');
  });

  test('unfounded: closed with the reply, no case', async () => {
    const filed = await file({ buildingCode: house, category: 'surroundings', description: '房屋后面的山坡好像要滑坡' });
    const seen = await staff(inspector, filed.trackingNo);
    const r = await inspector.post<Staff>(`/api/complaints/${seen.id}/verify`, {
      result: 'unfounded',
      reply: '现场查看边坡稳定，已有挡土墙',
    });
    assert.equal(r.body.status, 'unfounded');
    assert.equal(r.body.caseId, null);
    const page = (await progress(filed)).body;
    assert.equal(page.status, 'unfounded');
    assert.equal(page.reply, '现场查看边坡稳定，已有挡土墙');
  });

  test('the complaint map: the registered houses near a position, nearest first, with no personal data', async () => {
    const r = await citizen.get<{ data: { code: string; distanceM: number; address: string }[] }>(
      `/api/public/buildings-near?latitude=${AT.latitude + 0.0009}&longitude=${AT.longitude}`,
    );
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.data[0]?.code, house);
    assert.ok(Math.abs((r.body.data[0]?.distanceM ?? 0) - 100) <= 3, JSON.stringify(r.body.data[0]));
    assert.ok(!JSON.stringify(r.body).includes('owner'), 'no owner data');
    const far = await citizen.get<{ data: unknown[] }>('/api/public/buildings-near?latitude=30.1&longitude=120.1');
    assert.deepEqual(far.body.data, []);
    assert.equal((await citizen.get('/api/public/buildings-near?latitude=north&longitude=1')).status, 400);
  });

  test('from a map position: the nearest house’s village; confirming names the house; far from every house is refused', async () => {
    const filed = await file({ position: { latitude: AT.latitude + 0.0008, longitude: AT.longitude } });
    const seen = await staff(inspector, filed.trackingNo);
    const noHouse = await inspector.post<ErrorReply>(`/api/complaints/${seen.id}/verify`, { result: 'confirmed', reply: '属实' });
    assert.equal(noHouse.status, 422);
    assert.equal(noHouse.body.error.details?.[0]?.field, 'body.buildingCode');
    const r = await inspector.post<Staff>(`/api/complaints/${seen.id}/verify`, { result: 'confirmed', reply: '属实', buildingCode: house });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const far = await file({ position: { latitude: 30.1, longitude: 120.1 } }, 422);
    assert.equal(far.error.details?.[0]?.field, 'body.position');
    const nowhere = await file({}, 400);
    assert.equal(nowhere.error.details?.[0]?.field, 'body.position');
  });

  test('not verified in time: the town sees it overdue and the citizen reads that it is pressed, once', async () => {
    const filed = await file({ buildingCode: house, category: 'ancillary', description: '阳台栏杆松动' });
    const seen = await waitFor(
      () => staff(town, filed.trackingNo),
      (c) => c.overdue,
      'complaint overdue',
    );
    assert.equal(seen.notifications.filter((n) => n.status === 'overdue').length, 1);
    assert.equal((await progress(filed)).body.status, 'verify_overdue');
    const overdueList = await town.get<{ data: { trackingNo: string }[] }>('/api/complaints?overdue=true');
    assert.ok(overdueList.body.data.some((c) => c.trackingNo === filed.trackingNo));
    // Still verifiable after the deadline.
    const r = await inspector.post<Staff>(`/api/complaints/${seen.id}/verify`, { result: 'unfounded', reply: '栏杆已由户主加固' });
    assert.equal(r.body.status, 'unfounded');
  });

  test('bad input and abuse: fields named, photos checked by content, limits per phone and per address with a Chinese message', async () => {
    const notPhoto = await citizen.request<ErrorReply>('POST', '/api/public/complaint-files', Buffer.from('<svg></svg>'), {
      'Content-Type': 'image/png',
    });
    assert.equal(notPhoto.status, 400);
    const big = await citizen.request<ErrorReply>(
      'POST',
      '/api/public/complaint-files',
      Buffer.concat([tinyPng(), Buffer.alloc(10 * 1024 * 1024)]),
    );
    assert.equal(big.status, 413);
    const blank = await file({ buildingCode: house, description: '     abc   ' }, 400);
    assert.equal(blank.error.details?.[0]?.field, 'body.description', 'five characters after trimming');
    const badPhone = await file({ buildingCode: house, phone: '12345' }, 400);
    assert.equal(badPhone.error.details?.[0]?.field, 'body.phone');
    const badCode = await file({ buildingCode: '441802006001000019' }, 400);
    assert.equal(badCode.error.details?.[0]?.field, 'body.buildingCode');
    const badFile = await file({ buildingCode: house, fileIds: ['7d1f6a59-1111-4d5e-9c1e-1234567890ab'] }, 422);
    assert.equal(badFile.error.details?.[0]?.field, 'body.fileIds.0');
    // Two photos more reach the limit of three an hour from this address.
    for (let i = 0; i < 2; i++)
      assert.equal((await citizen.request('POST', '/api/public/complaint-files', tinyPng(), { 'Content-Type': 'image/png' })).status, 201);
    const tooManyPhotos = await citizen.request<ErrorReply>('POST', '/api/public/complaint-files', tinyPng(), {
      'Content-Type': 'image/png',
    });
    assert.equal(tooManyPhotos.status, 429);
    assert.match(tooManyPhotos.body.error.message, /频繁/);
    // Two a day with one phone number.
    await file({ buildingCode: house, phone: '13700001111' });
    await file({ buildingCode: house, phone: '137-0000-1111' });
    const third = await file({ buildingCode: house, phone: '13700001111' }, 429);
    assert.match(third.error.message, /手机号今日/);
    // Twelve an hour from one address: filing goes on until the thirteenth is refused.
    let refused: { status: number; body: ErrorReply } | undefined;
    for (let i = 0; i < 13 && !refused; i++) {
      const r = await citizen.post<ErrorReply>('/api/public/complaints', {
        buildingCode: house,
        category: 'other',
        description: '楼梯间堆放杂物',
        fileIds: [],
      });
      if (r.status !== 201) refused = r;
    }
    assert.equal(refused?.status, 429);
    assert.match(refused?.body.error.message ?? '', /提交过于频繁/);
    const total = await stack.db('complaints').count({ n: '*' }).first();
    assert.equal(Number(total?.n), 12);
  });
});
