import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildingCode } from '../../domain/buildings/code.ts';
import { ApiClient, loggedIn } from '../support/http.ts';
import type { ApiClient as Client } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

let stack: Stack;
let officer: Client;
before(async () => {
  stack = await startStack();
  officer = await loggedIn(stack.baseUrl, 'officer');
});
after(async () => stack?.stop());

type B = Record<string, unknown> & { code: string; version: number; ownerName: string | null; ownerPhone: string | null };
type ErrorReply = { error: { code: string; message: string; field?: string; details?: { field: string }[] } };

const house = (over: Record<string, unknown> = {}) => ({
  villageCode: '441802006001',
  address: '凤城街道高基里 12 号',
  ownerName: '张三丰',
  ownerPhone: '13812345678',
  floorsAbove: 4,
  structureType: 'brick_concrete',
  use: 'business',
  businessCategory: 'catering',
  yearBuilt: 1998,
  ...over,
});

describe('building registry', () => {
  test('registering assigns consecutive codes per village with a valid check character; the list masks the owner', async () => {
    const a = await officer.post<B>('/api/buildings', house());
    const b = await officer.post<B>('/api/buildings', house({ address: '凤城街道高基里 14 号', use: 'own_home', businessCategory: null }));
    assert.equal(a.status, 201, JSON.stringify(a.body));
    assert.equal(a.body.code, buildingCode('441802006001', 1));
    assert.equal(b.body.code, buildingCode('441802006001', 2));
    assert.equal(a.body.ownerName, '张**');
    const list = await officer.get<{ data: B[]; total: number }>('/api/buildings?regionCode=441802006&use=business&q=高基里');
    assert.equal(list.body.total, 1);
    assert.equal(list.body.data[0]?.ownerPhone, '138****5678');
  });

  test('the house file holds the building and its change history; edits record before and after; a stale version is 409', async () => {
    const code = buildingCode('441802006001', 1);
    const file = await officer.get<{ building: B; changes: unknown[]; inspections: unknown[] }>(`/api/buildings/by-code/${code}`);
    assert.equal(file.status, 200);
    assert.deepEqual(file.body.inspections, []);
    const v = file.body.building.version;
    const edit = await officer.patch<B>(`/api/buildings/${code}`, { floorsAbove: 5, ownerPhone: '13900001111', version: v });
    assert.equal(edit.status, 200, JSON.stringify(edit.body));
    assert.equal(edit.body.version, v + 1);
    const stale = await officer.patch<ErrorReply>(`/api/buildings/${code}`, { floorsAbove: 6, version: v });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'STALE_VERSION');
    const after = await officer.get<{ changes: { changes: Record<string, { before: unknown; after: unknown }> }[] }>(
      `/api/buildings/by-code/${code}`,
    );
    assert.deepEqual(after.body.changes[0]?.changes.floorsAbove, { before: 4, after: 5 });
    // Personal data stays masked in the history too.
    assert.deepEqual(after.body.changes[0]?.changes.ownerPhone, { before: '138****5678', after: '139****1111' });
  });

  test('a mistyped code is told apart from an unknown one', async () => {
    const good = buildingCode('441802006001', 1);
    const badCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const cases: [string, number, string][] = [
      ['12345', 400, 'length'],
      [`A${good.slice(1)}`, 400, 'characters'],
      [badCheck, 400, 'checkCharacter'],
      [buildingCode('441802006001', 999), 404, ''],
    ];
    for (const [code, status, reason] of cases) {
      const r = await officer.get<ErrorReply & { error: { details?: { reason: string }[] } }>(`/api/buildings/by-code/${code}`);
      assert.equal(r.status, status, code);
      if (reason) assert.equal(r.body.error.details?.[0]?.reason, reason);
    }
  });

  test('bad input names the field, cross-field rules apply, and nothing is written', async () => {
    const count = async () => Number(((await stack.db('buildings').count({ n: '*' }).first()) as { n: number }).n);
    const before = await count();
    const cases: [Record<string, unknown>, number, string][] = [
      [house({ floorsAbove: 0 }), 400, 'body.floorsAbove'],
      [house({ structureType: 'cardboard' }), 400, 'body.structureType'],
      [house({ businessCategory: null }), 422, 'body.businessCategory'],
      [house({ use: 'own_home' }), 422, 'body.businessCategory'],
      [house({ villageCode: '441802006999' }), 422, 'body.villageCode'],
      [house({ latitude: 23.7 }), 422, 'body.longitude'],
      [house({ yearBuilt: 2090 }), 422, 'body.yearBuilt'],
    ];
    for (const [body, status, field] of cases) {
      const r = await officer.post<ErrorReply>('/api/buildings', body);
      assert.equal(r.status, status, `${field}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.field, field);
    }
    assert.equal(await count(), before);
  });

  test('scope: a town officer sees only their town; another town’s house is 404 to read and 403 to write', async () => {
    const other = await officer.post<B>('/api/buildings', house({ villageCode: '441802007001', address: '东城街道某路 1 号' }));
    const town = await loggedIn(stack.baseUrl, 'town');
    assert.equal((await town.get(`/api/buildings/by-code/${other.body.code}`)).status, 404);
    assert.equal((await town.patch(`/api/buildings/${other.body.code}`, { floorsAbove: 2 })).status, 403);
    const list = await town.get<{ data: B[]; total: number }>('/api/buildings?perPage=100');
    assert.ok(list.body.data.every((b) => b.code.startsWith('441802006')));
    const outside = await town.post<ErrorReply>('/api/buildings', house({ villageCode: '441802007001' }));
    assert.equal(outside.status, 403);
    assert.equal(outside.body.error.field, 'body.villageCode', JSON.stringify(outside.body));
    assert.match(outside.body.error.message, /所属村（社区）/);
  });

  test('the 最新排查结论 filter finds houses never inspected (尚未排查) apart from each judgement', async () => {
    const judged = await officer.post<B>(
      '/api/buildings',
      house({ villageCode: '441802006002', address: '凤城街道某村 3 号', latestJudgement: 'none', latestJudgementAt: '2024-05-01' }),
    );
    const never = await officer.post<B>('/api/buildings', house({ villageCode: '441802006002', address: '凤城街道某村 5 号' }));
    assert.equal(judged.status, 201, JSON.stringify(judged.body));
    const codes = async (query: string) =>
      (await officer.get<{ data: B[] }>(`/api/buildings?regionCode=441802006002&perPage=100&${query}`)).body.data.map((b) => b.code);
    assert.deepEqual(await codes('latestJudgement=not_inspected'), [never.body.code]);
    assert.deepEqual(await codes('latestJudgement=none'), [judged.body.code]);
  });

  test('messages name fields by their Chinese titles, one per field, without schema jargon', async () => {
    const r = await officer.post<ErrorReply>('/api/buildings', house({ yearBuilt: 'old', floorsAbove: 0 }));
    assert.equal(r.status, 400);
    assert.equal(r.body.error.message, '地上层数：不能小于 1；建成年份：应为整数（可留空）');
  });

  test('the full owner data is shown only to roles that need it, and each view is audited', async () => {
    const code = buildingCode('441802006001', 1);
    const inspector = await loggedIn(stack.baseUrl, 'inspector');
    const full = await inspector.get<{ ownerName: string; ownerPhone: string }>(`/api/buildings/${code}/personal`);
    assert.deepEqual(full.body, { ownerName: '张三丰', ownerPhone: '13900001111' });
    const audited = await stack.db('audit_log').where({ action: 'building.personal_viewed', subject_id: code });
    assert.equal(audited.length, 1);
    const auditor = await loggedIn(stack.baseUrl, 'auditor');
    assert.equal((await auditor.get(`/api/buildings/${code}/personal`)).status, 403);
  });

  test('searching by owner name: only roles that see owner details find by it, and each such search is audited with the name masked', async () => {
    const made = await officer.post<B>('/api/buildings', house({ address: '凤城街道高基里 88 号', ownerName: '钟荣英' }));
    const { code } = made.body;
    type List = { data: B[]; total: number };
    const auditor = await loggedIn(stack.baseUrl, 'auditor');
    const byName = await auditor.get<List>(`/api/buildings?q=${encodeURIComponent('钟荣英')}`);
    assert.equal(byName.status, 200);
    assert.equal(byName.body.total, 0, 'a name finds nothing for a role that may not see owners');
    assert.equal((await auditor.get<List>(`/api/buildings?q=${encodeURIComponent('高基里 88')}`)).body.data[0]?.code, code);
    assert.equal((await auditor.get<List>(`/api/buildings?q=${code.slice(4)}`)).body.data[0]?.code, code);
    assert.deepEqual(await stack.db('audit_log').where({ action: 'building.owner_search', actor_role: 'auditor' }), []);

    const inspector = await loggedIn(stack.baseUrl, 'inspector');
    const found = await inspector.get<List>(`/api/buildings?q=${encodeURIComponent('荣英')}`);
    assert.deepEqual(
      found.body.data.map((b) => [b.code, b.ownerName]),
      [[code, '钟**']],
    );
    const audit = await auditor.get<{
      data: { actorName: string; action: string; regionCode: string; details: Record<string, unknown> }[];
    }>('/api/audit-log?action=building.owner_search');
    assert.equal(audit.status, 200);
    const entry = audit.body.data.find((e) => e.actorName === '李排查');
    assert.deepEqual([entry?.actorName, entry?.regionCode, entry?.details], ['李排查', '441802006001', { q: '荣*', ownerNameMatches: 1 }]);
    assert.ok(!JSON.stringify(audit.body).includes('荣英'));
  });

  test('the public summary of a scanned code has no personal data', async () => {
    const code = buildingCode('441802006001', 1);
    const anon = new ApiClient(stack.baseUrl);
    const r = await anon.get<Record<string, unknown>>(`/api/public/buildings/${code.toLowerCase()}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.districtName, '清城区');
    assert.equal(r.body.villageName, '高基里社区居委会');
    const text = JSON.stringify(r.body);
    assert.ok(!text.includes('张') && !text.includes('1381234'), text);
    assert.equal((await anon.get('/api/public/buildings/123')).status, 400);
  });
});
