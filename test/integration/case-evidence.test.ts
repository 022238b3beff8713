/**
 * What a case shows of how it was found and who worked it, on real Temporal and PostgreSQL: the
 * inspection and the complaint that reported it (photos, position, notes, content) on the case page
 * and in the dossier, the complainant never; the rectification deadline in force when the default
 * applies; each actor's account beside the name (two inspectors of one name told apart); the house
 * file's cases; and the dossier's address without the town twice.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { beijingDate } from '../../domain/time.ts';
import { ROLE_LABELS } from '../../domain/roles.ts';
import { ASSIGN_FORM, complete, createHouse, openTask, registerCase, tinyPng, upload, waitForCase } from '../support/cases.ts';
import type { CaseInfo } from '../support/cases.ts';
import { ApiClient, firstSignIn, loggedIn } from '../support/http.ts';
import { pdfText } from '../support/pdf.ts';
import { recordHistoriesThenStop } from '../support/histories.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

let stack: Stack;
let admin: ApiClient;
let officer: ApiClient;
let town: ApiClient;
let inspector: ApiClient;
let auditor: ApiClient;
const AT = { latitude: 23.7105, longitude: 113.0412 };

before(async () => {
  stack = await startStack();
  admin = await loggedIn(stack.baseUrl, 'admin');
  officer = await loggedIn(stack.baseUrl, 'officer');
  town = await loggedIn(stack.baseUrl, 'town');
  inspector = await loggedIn(stack.baseUrl, 'inspector');
  auditor = await loggedIn(stack.baseUrl, 'auditor');
});
after(async () => {
  await recordHistoriesThenStop(stack, 'case-evidence');
});

type Deadline = { date: string; byDefault: boolean } | null;
type DiscoveryReply = {
  kind: 'inspection' | 'complaint';
  id: string;
  origin: boolean;
  description: string;
  notes?: string | null;
  position: { latitude: number; longitude: number } | null;
  files: { id: string; name: string; sha256: string }[];
};
type Detail = CaseInfo & {
  source: string;
  sourceRef: string | null;
  rectifyDeadline: string | null;
  deadlineInForce: Deadline;
  discoveries: DiscoveryReply[];
  openTasks: (CaseInfo['openTasks'][number] & { dueAt: string | null })[];
};
type Trail = { data: { type: string; actorName: string | null; actorUsername: string | null }[] };

/** A new inspector of the village, signed in; `name` may be one another user already has. */
async function newInspector(username: string, name: string): Promise<ApiClient> {
  const r = await admin.post('/api/users', { username, name, role: 'inspector', regionCode: '441802006001', password: 'Given#2026x' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return firstSignIn(stack.baseUrl, username, 'Given#2026x');
}

async function dossierText(caseId: string): Promise<string> {
  const pdf = await fetch(`${stack.baseUrl}/api/cases/${caseId}/dossier.pdf`, { headers: { Cookie: auditor.cookieHeader() } });
  assert.equal(pdf.status, 200);
  return pdfText(Buffer.from(await pdf.arrayBuffer()));
}

describe('case evidence, deadline and actors', () => {
  let house: string;
  let caseId: string;
  let inspectionId: string;
  let photoSha: string;
  let complaintId: string;
  before(async () => {
    house = await createHouse(officer, { ...AT });
  });

  test('the inspection that found the hazard is the case’s linked source, with its photo, position and notes', async () => {
    const pic = await inspector.request<{ id: string; sha256: string }>('POST', `/api/inspection-files?buildingCode=${house}`, tinyPng(), {
      'Content-Type': 'application/octet-stream',
      'X-File-Name': encodeURIComponent('东墙裂缝.png'),
    });
    assert.equal(pic.status, 201, JSON.stringify(pic.body));
    const sent = await inspector.post<{ id: string; hazards: { caseId: string }[] }>('/api/inspections', {
      id: crypto.randomUUID(),
      buildingCode: house,
      judgement: 'some',
      hazards: [{ category: 'structure_damage', description: '东侧承重墙斜向裂缝' }],
      notes: '户主在场，裂缝宽约 3 毫米',
      fileIds: [pic.body.id],
      position: { latitude: AT.latitude + 0.0003, longitude: AT.longitude, accuracy: 9 },
      inspectedAt: new Date().toISOString(),
    });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    inspectionId = sent.body.id;
    caseId = sent.body.hazards[0]?.caseId as string;
    const c = (await waitForCase(town, caseId, (x) => x.status === 'assigning')) as Detail;
    assert.equal(c.source, 'inspection');
    assert.equal(c.sourceRef, inspectionId);
    assert.equal(c.discoveries.length, 1);
    const [found] = c.discoveries;
    assert.equal(found?.kind, 'inspection');
    assert.equal(found?.id, inspectionId);
    assert.equal(found?.origin, true);
    assert.equal(found?.description, '东侧承重墙斜向裂缝');
    assert.equal(found?.notes, '户主在场，裂缝宽约 3 毫米');
    assert.equal(found?.position?.latitude, AT.latitude + 0.0003);
    assert.deepEqual(
      found?.files.map((f) => f.name),
      ['东墙裂缝.png'],
    );
    photoSha = found?.files[0]?.sha256 as string;
    assert.match(photoSha, /^[0-9a-f]{64}$/);
    // The photo loads for whoever reads the case, the auditor included.
    const img = await fetch(`${stack.baseUrl}/api/inspection-files/${found?.files[0]?.id}`, {
      headers: { cookie: auditor.cookieHeader() },
    });
    assert.equal(img.status, 200);
  });

  test('a confirmed complaint joining the case adds its content and photo, never the complainant', async () => {
    const citizen = new ApiClient(stack.baseUrl);
    const photo = await citizen.request<{ id: string }>('POST', '/api/public/complaint-files', tinyPng(), { 'Content-Type': 'image/png' });
    assert.equal(photo.status, 201, JSON.stringify(photo.body));
    const filed = await citizen.post<{ trackingNo: string }>('/api/public/complaints', {
      buildingCode: house,
      category: 'structure_damage',
      description: '二楼外墙裂缝越来越宽',
      name: '王小明',
      phone: '13912345678',
      fileIds: [photo.body.id],
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const list = await inspector.get<{ data: { id: string }[] }>(`/api/complaints?trackingNo=${filed.body.trackingNo}`);
    complaintId = list.body.data[0]?.id as string;
    const verified = await inspector.post<{ caseId: string; joinedCase: boolean }>(`/api/complaints/${complaintId}/verify`, {
      result: 'confirmed',
      reply: '已并入整改',
      note: '与排查发现的裂缝为同一处',
    });
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
    assert.equal(verified.body.caseId, caseId);
    assert.equal(verified.body.joinedCase, true);
    const c = (await town.get<Detail>(`/api/cases/${caseId}`)).body;
    assert.deepEqual(
      c.discoveries.map((d) => [d.kind, d.origin]),
      [
        ['inspection', true],
        ['complaint', false],
      ],
    );
    const complaint = c.discoveries[1];
    assert.equal(complaint?.id, complaintId);
    assert.equal(complaint?.description, '二楼外墙裂缝越来越宽');
    assert.equal(complaint?.files.length, 1);
    const text = JSON.stringify(c);
    for (const secret of ['王小明', '王**', '13912345678', '139****5678', 'contact'])
      assert.ok(!text.includes(secret), `the case page shows ${secret}`);
  });

  test('assigned without a date, the deadline in force is the rectify task’s default due date, on the case and the house file', async () => {
    const before = (await town.get<Detail>(`/api/cases/${caseId}`)).body;
    const now = (await complete(town, openTask(before, 'assign').id, ASSIGN_FORM)) as Detail;
    assert.equal(before.deadlineInForce, null, 'no rectification deadline before assignment');
    const rectify = openTask(now, 'rectify');
    assert.equal(now.rectifyDeadline, null, 'the officer set no date');
    assert.ok(rectify.dueAt);
    assert.deepEqual(now.deadlineInForce, { date: beijingDate(rectify.dueAt), byDefault: true });
    const file = await officer.get<{
      cases: {
        id: string;
        number: string;
        category: string;
        severity: string;
        status: string;
        createdAt: string;
        deadlineInForce: Deadline;
      }[];
    }>(`/api/buildings/by-code/${house}`);
    assert.deepEqual(
      file.body.cases.map((c) => [c.id, c.number, c.category, c.severity, c.status, c.deadlineInForce?.date]),
      [[caseId, now.number, 'structure_damage', 'general', 'rectifying', beijingDate(rectify.dueAt)]],
    );
  });

  test('a serious case keeps the deadline set at assignment once control is done: the rectify task is due that day', async () => {
    const serious = await createHouse(officer);
    const c = await registerCase(officer, serious, 'serious');
    const date = beijingDate(new Date(Date.now() + 20 * 86_400_000).toISOString());
    let now = (await complete(town, openTask(c, 'assign').id, {
      ...ASSIGN_FORM,
      measures: ['stop_use_evacuate', 'appraisal'],
      rectifyDeadline: date,
    })) as Detail;
    assert.equal(now.status, 'controlling');
    assert.deepEqual(now.deadlineInForce, { date, byDefault: false });
    const photo = await upload(inspector, c.id);
    now = (await complete(inspector, openTask(now, 'control').id, {
      measuresTaken: ['stopped_use', 'evacuated'],
      fileIds: [photo],
    })) as Detail;
    const rectify = openTask(now, 'rectify');
    assert.equal(
      rectify.dueAt,
      new Date(`${date}T23:59:59.999+08:00`).toISOString(),
      'due at the end of the set day, not the default 30 days',
    );
    assert.deepEqual(now.deadlineInForce, { date, byDefault: false });
  });

  test('two inspectors of the same name are told apart by their accounts in the trail and the dossier', async () => {
    const a = await newInspector('li_east', '李同名');
    const b = await newInspector('li_west', '李同名');
    let now = (await a.get<Detail>(`/api/cases/${caseId}`)).body;
    const photo = await upload(a, caseId);
    now = (await complete(a, openTask(now, 'rectify').id, { description: '裂缝已灌浆修补', fileIds: [photo] })) as Detail;
    await complete(b, openTask(now, 'recheck').id, { result: 'pass' });
    const trail = (await auditor.get<Trail>(`/api/cases/${caseId}/events`)).body;
    const same = trail.data.filter((e) => e.type === 'task.completed' && e.actorName === '李同名').map((e) => e.actorUsername);
    assert.deepEqual(same, ['li_east', 'li_west']);
    assert.ok(
      trail.data.filter((e) => e.actorName === '黄镇街').every((e) => e.actorUsername === 'town'),
      'every staff entry names its account',
    );

    const text = await dossierText(caseId);
    for (const account of ['li_east', 'li_west']) assert.ok(text.includes(`李同名（账号 ${account}，${ROLE_LABELS.inspector}）`), account);
    assert.ok(text.includes(`导出人 周审计（账号 auditor，${ROLE_LABELS.auditor}）`), 'the exporter');
  });

  test('the dossier carries the discovery evidence, the deadline in force and the address once', async () => {
    const c = (await town.get<Detail>(`/api/cases/${caseId}`)).body;
    const text = await dossierText(caseId);
    assert.match(text, /来源：排查发现：日常排查 .* 李排查（账号 inspector）/);
    assert.match(text, /（一）发现证据/);
    assert.match(text, /排查备注：户主在场，裂缝宽约 3 毫米/);
    assert.match(text, /隐患描述：东侧承重墙斜向裂缝/);
    assert.match(text, /位置：23\.710800, 113\.041200（WGS-84，精度 9 米）/);
    assert.match(text, /东墙裂缝\.png/);
    assert.ok(text.replace(/\s+/g, '').includes(photoSha), 'the inspection photo’s SHA-256');
    assert.match(text, /群众投诉 TS\w+/);
    assert.match(text, /投诉内容：二楼外墙裂缝越来越宽/);
    assert.match(text, /核实备注：与排查发现的裂缝为同一处/);
    assert.match(text, /投诉人：依规保密/);
    for (const secret of ['王小明', '王**', '13912345678', '139****5678']) assert.ok(!text.includes(secret), `the dossier shows ${secret}`);
    assert.ok(c.deadlineInForce);
    assert.match(text, new RegExp(`整改期限：${c.deadlineInForce.date}（默认期限）`));
    const address = /地址：(.*)/.exec(text)?.[1] ?? '';
    assert.equal(address.trim(), '凤城街道高基里 8 号');
  });
});
