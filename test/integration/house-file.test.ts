/**
 * The complete house file through the real API and PostgreSQL: appraisals recorded with the agency
 * checked against the district's list (flagged in the house's history and in the area's list,
 * filterable), the house's grade following its latest appraisal with the risk tier recomputed in the
 * same transaction, bad input refused naming the field, the region scope on every read and write, the
 * audit trail; scans uploaded for the house file.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createHouse, registerCase, tinyPng } from '../support/cases.ts';
import { ApiClient, loggedIn } from '../support/http.ts';
import { bearer, cellsOf, csvFile, finished, upload as uploadImport } from '../support/imports.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

let stack: Stack;
let officer: ApiClient;
let town: ApiClient;
let inspector: ApiClient;
let auditor: ApiClient;

type ErrorReply = { error: { code: string; details?: { field: string }[] } };
type Appraisal = {
  id: string;
  grade: string;
  appraisedOn: string;
  agencyCheck: string;
  reportNo: string;
  buildingCode: string;
  reportFileId: string | null;
};
type House = { appraisalGrade: string | null; appraisalDate: string | null; appraisalReport: string | null; riskTier: string };

const LISTED = { agencyName: '清远市示例房屋安全鉴定有限公司', agencyQualificationNo: 'JD-4418-0001' };

before(async () => {
  stack = await startStack();
  officer = await loggedIn(stack.baseUrl, 'officer');
  town = await loggedIn(stack.baseUrl, 'town');
  inspector = await loggedIn(stack.baseUrl, 'inspector');
  auditor = await loggedIn(stack.baseUrl, 'auditor');
});
after(async () => {
  await stack.stop();
});

async function house(code: string): Promise<House> {
  const r = await officer.get<House>(`/api/buildings/${code}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}

async function appraise(client: ApiClient, code: string, body: Record<string, unknown>, expect = 201) {
  const r = await client.post<Appraisal & ErrorReply>(`/api/buildings/${code}/appraisals`, { ...LISTED, grade: 'B', ...body });
  assert.equal(r.status, expect, JSON.stringify(r.body));
  return r.body;
}

describe('appraisals', () => {
  test('the latest appraisal sets the house’s grade and recomputes its tier; an older one only joins the history', async () => {
    const code = await createHouse(officer, { use: 'own_home', floorsAbove: 2 });
    // Never inspected: yellow (an inspection overdue), not red.
    const initial = (await house(code)).riskTier;
    assert.notEqual(initial, 'red');
    const c = await appraise(town, code, {
      reportNo: 'QY-C-1',
      appraisedOn: '2026-06-01',
      grade: 'C',
      nextDueOn: '2027-06-01',
      scope: '整栋',
    });
    assert.equal(c.agencyCheck, 'listed');
    let h = await house(code);
    assert.equal(h.appraisalGrade, 'C');
    assert.equal(h.appraisalDate, '2026-06-01');
    assert.match(h.appraisalReport ?? '', /QY-C-1/);
    assert.equal(h.riskTier, 'red', 'grade C is red, in the same request');
    const history = await officer.get<{ data: { toTier: string; cause: string }[] }>(`/api/buildings/${code}/risk-history`);
    assert.equal(history.body.data[0]?.toTier, 'red');
    assert.equal(history.body.data[0]?.cause, `appraisal:${c.id}`);

    await appraise(town, code, { reportNo: 'QY-A-OLD', appraisedOn: '2025-01-01', grade: 'A' });
    h = await house(code);
    assert.equal(h.appraisalGrade, 'C', 'an older report does not replace the latest');
    assert.equal(h.riskTier, 'red');

    await appraise(town, code, { reportNo: 'QY-A-NEW', appraisedOn: '2026-09-01', grade: 'A' });
    h = await house(code);
    assert.equal(h.appraisalGrade, 'A');
    assert.equal(h.appraisalDate, '2026-09-01');
    assert.equal(h.riskTier, initial, 'reinforced and re-appraised A: back to the tier it had');

    const list = await auditor.get<{ data: Appraisal[]; total: number }>(`/api/buildings/${code}/appraisals`);
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.data.map((a) => a.reportNo),
      ['QY-A-NEW', 'QY-C-1', 'QY-A-OLD'],
      'newest first by date',
    );
    const file = await officer.get<{ changes: { source: string; changes: Record<string, unknown> }[] }>(`/api/buildings/by-code/${code}`);
    assert.ok(
      file.body.changes.some((ch) => ch.source === `appraisal:${c.id}` && 'appraisalGrade' in ch.changes),
      'the change is in the house file’s history with the appraisal as its source',
    );
  });

  test('a report by an agency not on the list, or with another number, is flagged and filterable', async () => {
    const code = await createHouse(officer);
    const unlisted = await appraise(town, code, {
      agencyName: '某某鉴定咨询公司',
      agencyQualificationNo: 'XX-001',
      reportNo: 'F-1',
      appraisedOn: '2026-05-01',
    });
    assert.equal(unlisted.agencyCheck, 'unlisted');
    const mismatch = await appraise(town, code, { agencyQualificationNo: 'JD-4418-9999', reportNo: 'F-2', appraisedOn: '2026-05-02' });
    assert.equal(mismatch.agencyCheck, 'qualification_mismatch');
    const flagged = await officer.get<{ data: Appraisal[] }>('/api/appraisals?flagged=true&perPage=100');
    assert.equal(flagged.status, 200);
    const mine = flagged.body.data.filter((a) => a.buildingCode === code).map((a) => a.reportNo);
    assert.deepEqual(mine.sort(), ['F-1', 'F-2']);
    assert.ok(flagged.body.data.every((a) => a.agencyCheck !== 'listed'));
    const listed = await officer.get<{ data: Appraisal[] }>('/api/appraisals?flagged=false&perPage=100');
    assert.ok(listed.body.data.every((a) => a.agencyCheck === 'listed'));
    const agencies = await inspector.get<{ version: number; agencies: { name: string; qualificationNo: string }[] }>(
      '/api/appraisal-agencies',
    );
    assert.equal(agencies.status, 200);
    assert.ok(agencies.body.agencies.some((a) => a.qualificationNo === LISTED.agencyQualificationNo));
  });

  test('bad input is refused naming the field; the same report twice is a conflict; nothing is written', async () => {
    const code = await createHouse(officer);
    const missing = await appraise(town, code, { reportNo: undefined, appraisedOn: '2026-01-01' }, 400);
    assert.ok(
      missing.error.details?.some((d) => d.field === 'body.reportNo'),
      JSON.stringify(missing),
    );
    const grade = await appraise(town, code, { reportNo: 'G-1', appraisedOn: '2026-01-01', grade: 'E' }, 400);
    assert.ok(
      grade.error.details?.some((d) => d.field === 'body.grade'),
      JSON.stringify(grade),
    );
    const future = await appraise(town, code, { reportNo: 'G-2', appraisedOn: '2099-01-01' }, 422);
    assert.deepEqual(
      future.error.details?.map((d) => d.field),
      ['body.appraisedOn'],
    );
    const due = await appraise(town, code, { reportNo: 'G-3', appraisedOn: '2026-01-01', nextDueOn: '2025-01-01' }, 422);
    assert.deepEqual(
      due.error.details?.map((d) => d.field),
      ['body.nextDueOn'],
    );
    const file = await appraise(
      town,
      code,
      { reportNo: 'G-4', appraisedOn: '2026-01-01', reportFileId: '00000000-0000-4000-8000-000000000000' },
      422,
    );
    assert.deepEqual(
      file.error.details?.map((d) => d.field),
      ['body.reportFileId'],
    );
    await appraise(town, code, { reportNo: 'G-5', appraisedOn: '2026-01-01' });
    const again = await appraise(town, code, { reportNo: 'G-5', appraisedOn: '2026-01-02' }, 409);
    assert.equal(again.error.code, 'APPRAISAL_EXISTS');
    const list = await officer.get<{ total: number }>(`/api/buildings/${code}/appraisals`);
    assert.equal(list.body.total, 1);
    assert.equal((await house(code)).appraisalDate, '2026-01-01');
  });

  test('scope: another town’s house is not found, an inspector or an auditor may not record, and each record is audited', async () => {
    const elsewhere = await createHouse(officer, { villageCode: '441802007001', address: '东城街道 1 号' });
    await appraise(town, elsewhere, { reportNo: 'S-1', appraisedOn: '2026-01-01' }, 404);
    assert.equal((await town.get(`/api/buildings/${elsewhere}/appraisals`)).status, 404);
    const code = await createHouse(officer);
    await appraise(inspector, code, { reportNo: 'S-2', appraisedOn: '2026-01-01' }, 403);
    await appraise(auditor, code, { reportNo: 'S-3', appraisedOn: '2026-01-01' }, 403);
    const ok = await appraise(officer, elsewhere, { reportNo: 'S-4', appraisedOn: '2026-01-01' });
    const townList = await town.get<{ data: Appraisal[] }>('/api/appraisals?perPage=100');
    assert.ok(!townList.body.data.some((a) => a.id === ok.id), 'the town’s list holds none of another town’s houses');
    const audit = await stack.db('audit_log').where({ action: 'building.appraisal_add', subject_id: elsewhere }).first('details');
    assert.equal((audit as { details: { appraisalId: string } } | undefined)?.details.appraisalId, ok.id);
  });

  test('a report scan is uploaded to the house file, named on the appraisal and served only within the area', async () => {
    const code = await createHouse(officer);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const up = await town.request<{ id: string; mime: string }>('POST', `/api/buildings/${code}/files?purpose=appraisal`, pdf, {
      'Content-Type': 'application/octet-stream',
      'X-File-Name': encodeURIComponent('鉴定报告.pdf'),
      'Idempotency-Key': crypto.randomUUID(),
    });
    assert.equal(up.status, 201, JSON.stringify(up.body));
    assert.equal(up.body.mime, 'application/pdf');
    const text = await town.request('POST', `/api/buildings/${code}/files?purpose=appraisal`, Buffer.from('hello'), {
      'Content-Type': 'application/octet-stream',
      'Idempotency-Key': crypto.randomUUID(),
    });
    assert.equal(text.status, 400);
    const a = await appraise(town, code, { reportNo: 'P-1', appraisedOn: '2026-01-01', reportFileId: up.body.id });
    assert.equal(a.reportFileId, up.body.id);
    const read = await inspector.get(`/api/building-files/${up.body.id}`);
    assert.equal(read.status, 200);
    const elsewhere = await createHouse(officer, { villageCode: '441802007001', address: '东城街道 2 号' });
    const outside = await officer.request<{ id: string }>('POST', `/api/buildings/${elsewhere}/files?purpose=approval`, pdf, {
      'Content-Type': 'application/octet-stream',
      'Idempotency-Key': crypto.randomUUID(),
    });
    assert.equal(outside.status, 201);
    assert.equal((await town.get(`/api/building-files/${outside.body.id}`)).status, 404, 'another town’s scan is not found');
    const upOutside = await town.request('POST', `/api/buildings/${elsewhere}/files?purpose=approval`, pdf, {
      'Content-Type': 'application/octet-stream',
      'Idempotency-Key': crypto.randomUUID(),
    });
    assert.equal(upOutside.status, 404);
    const photo = await town.request('POST', `/api/buildings/${code}/files?purpose=approval`, tinyPng(), {
      'Content-Type': 'application/octet-stream',
      'Idempotency-Key': crypto.randomUUID(),
    });
    assert.equal(photo.status, 201);
    const wrongPurpose = await appraise(
      town,
      code,
      { reportNo: 'P-2', appraisedOn: '2026-01-01', reportFileId: (photo.body as { id: string }).id },
      422,
    );
    assert.deepEqual(
      wrongPurpose.error.details?.map((d) => d.field),
      ['body.reportFileId'],
    );
  });
});

type Entry = { kind: string; at: string; ref: string; data: Record<string, unknown> };

describe('safety timeline', () => {
  test('a case, a complaint (without its complainant), an appraisal and the tier changes they caused, newest first, paged', async () => {
    const code = await createHouse(officer, { address: '凤城街道时间线 1 号' });
    const kase = await registerCase(town, code, 'general');
    const citizen = new ApiClient(stack.baseUrl);
    const filed = await citizen.request(
      'POST',
      '/api/public/complaints',
      {
        buildingCode: code,
        category: 'structure_damage',
        description: '外墙裂缝，我是隔壁的欧阳某',
        name: '欧阳某',
        phone: '13900001111',
        fileIds: [],
      },
      { 'Idempotency-Key': crypto.randomUUID(), 'X-Forwarded-For': '10.9.8.7' },
    );
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const appraisal = await appraise(town, code, { reportNo: 'TL-1', appraisedOn: '2026-01-05', grade: 'D' });

    const r = await town.get<{ data: Entry[]; total: number }>(`/api/buildings/${code}/timeline?perPage=100`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const kinds = new Set(r.body.data.map((e) => e.kind));
    for (const k of ['case_opened', 'complaint', 'appraisal', 'risk']) assert.ok(kinds.has(k), `${k} in ${[...kinds].join(',')}`);
    assert.ok(r.body.data.some((e) => e.ref === `case:${kase.id}` && e.data.number === kase.number));
    assert.ok(r.body.data.some((e) => e.ref === `appraisal:${appraisal.id}` && e.data.grade === 'D'));
    assert.ok(r.body.data.some((e) => e.kind === 'risk' && e.data.to === 'red' && e.data.cause === `appraisal:${appraisal.id}`));
    const text = JSON.stringify(r.body);
    assert.ok(!text.includes('欧阳某') && !text.includes('13900001111'), 'no complainant identity');
    const ats = r.body.data.map((e) => e.at);
    assert.deepEqual(ats, [...ats].sort().reverse(), 'newest first');
    assert.equal(r.body.total, r.body.data.length);

    const first = await town.get<{ data: Entry[]; total: number }>(`/api/buildings/${code}/timeline?perPage=2&page=1`);
    const second = await town.get<{ data: Entry[] }>(`/api/buildings/${code}/timeline?perPage=2&page=2`);
    assert.deepEqual(
      [...first.body.data, ...second.body.data].map((e) => e.ref + e.kind),
      r.body.data.slice(0, 4).map((e) => e.ref + e.kind),
    );
    const only = await town.get<{ data: Entry[] }>(`/api/buildings/${code}/timeline?kinds=appraisal`);
    assert.deepEqual(
      only.body.data.map((e) => e.kind),
      ['appraisal'],
    );
  });

  test('bad parameters are refused naming them; another town’s house is not found', async () => {
    const code = await createHouse(officer);
    const bad = await town.get<ErrorReply>(`/api/buildings/${code}/timeline?kinds=secrets`);
    assert.equal(bad.status, 400);
    assert.ok(
      bad.body.error.details?.some((d) => d.field === 'query.kinds'),
      JSON.stringify(bad.body),
    );
    const big = await town.get<ErrorReply>(`/api/buildings/${code}/timeline?perPage=1000`);
    assert.equal(big.status, 400);
    assert.equal((await town.get(`/api/buildings/123/timeline`)).status, 400);
    const elsewhere = await createHouse(officer, { villageCode: '441802007001', address: '东城街道 3 号' });
    assert.equal((await town.get(`/api/buildings/${elsewhere}/timeline`)).status, 404);
    assert.equal((await auditor.get(`/api/buildings/${elsewhere}/timeline`)).status, 200);
  });
});

const approvalPdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
type Approvals = { approvals: { type: string; number: string; issuer?: string | null; date?: string | null; fileId?: string | null }[] };
async function approvalScan(client: ApiClient, code: string): Promise<string> {
  const r = await client.request<{ id: string }>('POST', `/api/buildings/${code}/files?purpose=approval`, approvalPdf, {
    'Content-Type': 'application/octet-stream',
    'X-File-Name': encodeURIComponent('营业执照.pdf'),
    'Idempotency-Key': crypto.randomUUID(),
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}

describe('approvals', () => {
  const scan = approvalScan;

  test('an approval carries its issuer and scan; business licences are approval types; approvals recorded before stay valid', async () => {
    const code = await createHouse(officer, {
      use: 'business',
      businessCategory: 'catering',
      approvals: [{ type: 'rural_housing_approval', number: '清城宅 2003-118', date: '2003-05-01' }],
    });
    // An approval stored before issuers and scans existed (no such keys) still reads and is kept on an edit.
    await stack
      .db('buildings')
      .where({ code })
      .update({ approvals: JSON.stringify([{ type: 'construction_permit', number: 'SG-1', date: null }]) });
    const old = await officer.get<Approvals & { version: number }>(`/api/buildings/${code}`);
    assert.equal(old.status, 200, JSON.stringify(old.body));
    assert.deepEqual(old.body.approvals, [{ type: 'construction_permit', number: 'SG-1', date: null }]);
    assert.equal((await town.patch(`/api/buildings/${code}`, { occupants: 5 })).status, 200);

    const fileId = await scan(town, code);
    const approvals = [
      ...old.body.approvals,
      { type: 'business_licence', number: '91441802MA5Y7K3Q1B', issuer: '清远市清城区市场监督管理局', date: '2024-03-01', fileId },
      { type: 'food_business_licence', number: 'JY24418020012345', issuer: '清城区市场监督管理局', date: '2024-04-01' },
    ];
    const r = await town.patch<Approvals>(`/api/buildings/${code}`, { approvals });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body.approvals, approvals);
    assert.equal((await inspector.get(`/api/building-files/${fileId}`)).status, 200, 'the scan is served within the area');
    // Saving the same approvals again (the scan already named) is accepted.
    assert.equal((await town.patch(`/api/buildings/${code}`, { approvals, occupants: 6 })).status, 200);
  });

  test('a scan of another house, a scan on a new house, or a bad issuer is refused naming the approval’s field', async () => {
    const code = await createHouse(officer);
    const other = await createHouse(officer, { address: '凤城街道另一户 2 号' });
    const foreign = await scan(town, other);
    const wrong = await town.patch<ErrorReply>(`/api/buildings/${code}`, {
      approvals: [
        { type: 'business_licence', number: 'B-1' },
        { type: 'construction_permit', number: 'C-1', fileId: foreign },
      ],
    });
    assert.equal(wrong.status, 422, JSON.stringify(wrong.body));
    assert.deepEqual(
      wrong.body.error.details?.map((d) => d.field),
      ['body.approvals.1.fileId'],
    );
    const created = await officer.post<ErrorReply>('/api/buildings', {
      villageCode: '441802006001',
      address: '凤城街道新户 1 号',
      floorsAbove: 2,
      structureType: 'brick_concrete',
      use: 'own_home',
      approvals: [{ type: 'construction_permit', number: 'C-2', fileId: foreign }],
    });
    assert.equal(created.status, 422, JSON.stringify(created.body));
    assert.deepEqual(
      created.body.error.details?.map((d) => d.field),
      ['body.approvals.0.fileId'],
    );
    const issuer = await town.patch<ErrorReply>(`/api/buildings/${code}`, {
      approvals: [{ type: 'construction_permit', number: 'C-3', issuer: 'x'.repeat(101) }],
    });
    assert.equal(issuer.status, 400);
    assert.ok(
      issuer.body.error.details?.some((d) => d.field === 'body.approvals.0.issuer'),
      JSON.stringify(issuer.body),
    );
    const type = await town.patch<ErrorReply>(`/api/buildings/${code}`, { approvals: [{ type: 'bribe', number: 'C-4' }] });
    assert.equal(type.status, 400);
    assert.ok(
      type.body.error.details?.some((d) => d.field === 'body.approvals.0.type'),
      JSON.stringify(type.body),
    );
  });
});

describe('approvals in the import template', () => {
  test('imported approvals are stored with issuer and date; a re-import keeps the scans uploaded since and is otherwise unchanged', async () => {
    const token = await bearer(stack.baseUrl, 'town');
    const address = '凤城街道导入审批 9 号';
    const cells = cellsOf(
      {
        villageCode: '441802006001',
        address,
        floorsAbove: 3,
        structureType: 'brick_concrete',
        use: 'business',
        businessCategory: 'catering',
      },
      { approvals: '营业执照|91441802MA5X|清城区市场监督管理局|2024/3/1；乡村建设规划许可证|乡字 2019-07' },
    );
    const job = await uploadImport(stack.baseUrl, token, csvFile([cells]), '审批.csv');
    assert.equal(job.status, 201, JSON.stringify(job.body));
    const done = await finished(stack.baseUrl, token, job.body.id);
    assert.equal(done.inserted, 1, JSON.stringify(done));
    const found = await town.get<{ data: ({ code: string } & Approvals)[] }>(`/api/buildings?q=${encodeURIComponent('导入审批')}`);
    const house = found.body.data[0];
    assert.ok(house, JSON.stringify(found.body));
    const expected = [
      { type: 'business_licence', number: '91441802MA5X', issuer: '清城区市场监督管理局', date: '2024-03-01' },
      { type: 'rural_planning_permit', number: '乡字 2019-07', issuer: null, date: null },
    ];
    assert.deepEqual(house.approvals, expected);

    const fileId = await approvalScan(town, house.code);
    const attached = expected.map((a, i) => (i === 0 ? { ...a, fileId } : a));
    assert.equal((await town.patch(`/api/buildings/${house.code}`, { approvals: attached })).status, 200);
    const again = await uploadImport(
      stack.baseUrl,
      token,
      csvFile([
        cellsOf(
          {},
          {
            code: house.code,
            villageCode: '441802006001',
            address,
            floorsAbove: '3',
            structureType: '砖混',
            use: '经营',
            businessCategory: '餐饮',
            approvals: '营业执照|91441802MA5X|清城区市场监督管理局|2024-03-01；乡村建设规划许可证|乡字 2019-07',
          },
        ),
      ]),
      '审批2.csv',
    );
    const second = await finished(stack.baseUrl, token, again.body.id);
    assert.equal(second.unchanged, 1, JSON.stringify(second));
    const after = await town.get<Approvals>(`/api/buildings/${house.code}`);
    assert.deepEqual(after.body.approvals, attached, 'the scan stays with its approval');
  });
});
