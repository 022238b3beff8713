/**
 * The read API for a higher-level platform through the real stack (issue 20 §2): an administrator
 * creates credentials (the secret once), the platform pages its region's houses along the change feed,
 * after edits the cursor yields just the edited houses, scope and owner masking follow the client,
 * a revoked credential is refused, a bad cursor is a 400 naming it, and the OpenAPI document has it.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ApiClient } from '../support/http.ts';
import { loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

let stack: Stack;
let admin: ApiClient;
let officer: ApiClient;
const codes: string[] = [];

type House = { code: string; ownerName: string | null; ownerPhone: string | null; floorsAbove: number };
type Page = { data: House[]; next: string | null; cursor: string };
type Created = { client: { id: string; revokedAt: string | null }; token: string };

before(async () => {
  stack = await startStack();
  admin = await loggedIn(stack.baseUrl, 'admin');
  officer = await loggedIn(stack.baseUrl, 'officer');
  const villages = ['441802006001', '441802006001', '441802006002', '441802007001', '441802007001'];
  for (const [i, villageCode] of villages.entries()) {
    const r = await officer.post<{ code: string }>('/api/buildings', {
      villageCode,
      address: `上报路 ${String(i)} 号`,
      ownerName: '张三丰',
      ownerPhone: '13812345678',
      floorsAbove: 3,
      structureType: 'brick_concrete',
      use: 'own_home',
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    codes.push(r.body.code);
  }
});
after(async () => stack?.stop());

async function create(body: Record<string, unknown>): Promise<Created> {
  const r = await admin.post<Created>('/api/api-clients', body);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

const read = async (token: string | undefined, query = '') => {
  const res = await fetch(`${stack.baseUrl}/api/platform/v1/houses${query}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, body: (await res.json()) as Page & { error?: { code: string; details?: { field: string }[] } } };
};

/** Follows `next` from `cursor` until caught up; a change committed a moment ago may need another poll. */
async function drain(
  token: string,
  cursor?: string,
  limit = 2,
  expect?: number,
): Promise<{ houses: House[]; cursor: string; pages: number }> {
  for (let attempt = 0; ; attempt++) {
    const houses: House[] = [];
    let at = cursor;
    let pages = 0;
    for (;;) {
      const q = new URLSearchParams({ limit: String(limit), ...(at ? { cursor: at } : {}) });
      const r = await read(token, `?${q.toString()}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      pages += 1;
      houses.push(...r.body.data);
      at = r.body.cursor;
      if (!r.body.next) break;
      assert.equal(r.body.next, r.body.cursor);
    }
    if (expect === undefined || houses.length >= expect || attempt > 20) return { houses, cursor: at!, pages };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

test('pages of the region’s houses, then after edits just the edited houses; owners masked', async () => {
  const { token, client } = await create({ name: '广东省自建房平台', regionCode: '441802' });
  assert.match(token, new RegExp(`^${client.id}\\.[A-Za-z0-9_-]{43}$`));
  const first = await drain(token, undefined, 2, 5);
  assert.deepEqual(first.houses.map((h) => h.code).sort(), [...codes].sort());
  assert.equal(first.pages, 3, 'five houses in pages of two');
  assert.ok(first.houses.every((h) => h.ownerName === '张**' && h.ownerPhone !== '13812345678'));
  assert.deepEqual((await drain(token, first.cursor)).houses, [], 'caught up');

  for (const code of [codes[3]!, codes[1]!]) {
    const h = await officer.get<{ version: number }>(`/api/buildings/${code}`);
    const r = await officer.patch(`/api/buildings/${code}`, { floorsAbove: 5, version: h.body.version });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }
  const changed = await drain(token, first.cursor, 2, 2);
  assert.deepEqual(
    changed.houses.map((h) => [h.code, h.floorsAbove]),
    [
      [codes[3], 5],
      [codes[1], 5],
    ],
  );
  const row = (await stack.db('api_clients').where({ id: client.id }).first('last_used_at')) as { last_used_at: Date | null };
  assert.ok(row.last_used_at);
  const audited = await stack.db('audit_log').where({ action: 'api_client.read', subject_id: client.id }).count({ n: '*' }).first();
  assert.ok(Number(audited?.n) >= 5, 'every call audited');
});

test('a town’s client reads its town only; owner details only when granted', async () => {
  const { token } = await create({ name: '镇级平台', regionCode: '441802006', personalData: true });
  const { houses } = await drain(token, undefined, 100, 3);
  assert.deepEqual(houses.map((h) => h.code).sort(), codes.slice(0, 3).sort());
  assert.ok(houses.every((h) => h.ownerName === '张三丰' && h.ownerPhone === '13812345678'));
});

test('a revoked credential, a wrong secret or none is 401; a bad cursor is 400 naming it; too large a page 400', async () => {
  const { token, client } = await create({ name: '待吊销', regionCode: '441802' });
  assert.equal((await read(token)).status, 200);
  assert.equal((await read(`${client.id}.${'A'.repeat(43)}`)).status, 401);
  assert.equal((await read(undefined)).status, 401);
  const bad = await read(token, '?cursor=not-a-cursor');
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error?.details?.[0]?.field, 'query.cursor');
  assert.equal((await read(token, '?limit=5000')).body.error?.details?.[0]?.field, 'query.limit');
  assert.equal((await officer.post(`/api/api-clients/${client.id}/revoke`)).status, 404, 'administrators only: others do not see it');
  const revoked = await admin.post<{ revokedAt: string | null }>(`/api/api-clients/${client.id}/revoke`);
  assert.equal(revoked.status, 200);
  assert.ok(revoked.body.revokedAt);
  const after = await read(token);
  assert.equal(after.status, 401);
  assert.equal(after.body.error?.code, 'INVALID_CREDENTIAL');
  const list = await admin.get<{ data: { id: string; revokedAt: string | null }[] }>('/api/api-clients');
  assert.ok(list.body.data.find((c) => c.id === client.id)?.revokedAt);
  assert.ok(!JSON.stringify(list.body).includes(token.split('.')[1]!), 'no secret in the list');
  assert.equal((await officer.get('/api/api-clients')).status, 403);
  const outside = await admin.post<{ error: { details?: { field: string }[] } }>('/api/api-clients', { name: 'x', regionCode: '441803' });
  assert.equal(outside.status, 422);
  assert.equal(outside.body.error.details?.[0]?.field, 'body.regionCode');
});

test('the OpenAPI document describes the platform API and its credential', async () => {
  const doc = (await (await fetch(`${stack.baseUrl}/api/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { security: unknown; parameters: { name: string }[] }>>;
    components: { securitySchemes: Record<string, unknown> };
  };
  const op = doc.paths['/api/platform/v1/houses']?.get;
  assert.ok(op);
  assert.deepEqual(op.security, [{ platformCredential: [] }]);
  assert.deepEqual(op.parameters.map((p) => p.name).sort(), ['cursor', 'limit']);
  assert.ok(doc.components.securitySchemes.platformCredential);
  assert.ok(doc.paths['/api/api-clients']?.post);
});
