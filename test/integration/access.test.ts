import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hashPassword } from '../../domain/passwords.ts';
import { DatabaseUserStore } from '../../domain/stores/database-users.ts';
import { firstSignIn, loggedIn } from '../support/http.ts';
import type { ApiClient } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

let stack: Stack;
let admin: ApiClient;
before(async () => {
  stack = await startStack();
  admin = await loggedIn(stack.baseUrl, 'admin');
});
after(async () => stack?.stop());

type List<T> = { data: T[]; total: number };
type User = { id: string; username: string; phone: string | null; regionCode: string; disabled: boolean };
type ErrorReply = { error: { code: string; message: string; field?: string } };

describe('users', () => {
  test('an admin creates a user who then signs in; the creation is audited', async () => {
    const r = await admin.post<User>('/api/users', {
      username: 'xiaowang',
      name: '王小明',
      phone: '13912345678',
      role: 'inspector',
      regionCode: '441802007001',
      password: 'Wang#2026x',
    });
    assert.equal(r.status, 201);
    assert.equal(r.body.phone, '13912345678');
    const hash = (await stack.db('users').where({ id: r.body.id }).first()) as { password_hash: string };
    assert.match(hash.password_hash, /^\$argon2id\$/);
    const me = await firstSignIn(stack.baseUrl, 'xiaowang', 'Wang#2026x');
    assert.equal(((await me.get('/api/auth/me')).body.user as { regionCode: string }).regionCode, '441802007001');
    const audit = await stack.db('audit_log').where({ action: 'user.create', subject_id: r.body.id }).first();
    assert.ok(audit);
  });

  test('the list masks phones and filters in SQL by region, role and text, with a total', async () => {
    const list = await admin.get<List<User>>('/api/users?role=inspector&regionCode=441802007&q=xiao&sort=username&order=asc');
    assert.equal(list.status, 200);
    assert.equal(list.body.total, 1);
    assert.equal(list.body.data[0]?.phone, '139****5678');
  });

  test('bad input names the field and writes nothing', async () => {
    const before = await stack.db('users').count({ n: '*' }).first();
    const cases: [unknown, number, string][] = [
      [{ username: 'a', name: 'x', role: 'inspector', regionCode: '441802006001', password: 'Abc#2026xyz' }, 400, 'body.username'],
      [{ username: 'okname', name: 'x', role: 'mayor', regionCode: '441802006001', password: 'Abc#2026xyz' }, 400, 'body.role'],
      [{ username: 'okname', name: 'x', role: 'inspector', regionCode: '441802999001', password: 'Abc#2026xyz' }, 422, 'body.regionCode'],
      [{ username: 'okname', name: 'x', role: 'inspector', regionCode: '441802', password: 'Abc#2026xyz' }, 422, 'body.regionCode'],
      [
        { username: 'okname', name: 'x', role: 'town_officer', regionCode: '441802006001', password: 'Abc#2026xyz' },
        422,
        'body.regionCode',
      ],
      [
        { username: 'okname', name: 'x', role: 'district_officer', regionCode: '441802006', password: 'Abc#2026xyz' },
        422,
        'body.regionCode',
      ],
      [{ username: 'okname', name: 'x', role: 'inspector', regionCode: '441802006001', password: 'abc' }, 422, 'body.password'],
      [{ username: 'admin', name: 'x', role: 'inspector', regionCode: '441802006001', password: 'Abc#2026xyz' }, 422, 'body.username'],
      [
        { username: 'okname', name: 'x', role: 'inspector', regionCode: '441802006001', password: 'Abc#2026xyz', isRoot: true },
        400,
        'body.isRoot',
      ],
    ];
    for (const [body, status, field] of cases) {
      const r = await admin.post<ErrorReply>('/api/users', body);
      assert.equal(r.status, status, JSON.stringify(r.body));
      assert.equal(r.body.error.field, field);
      assert.ok(r.body.error.message.length > 0);
    }
    const broken = await admin.request<ErrorReply>('POST', '/api/users', '{"username": ', { 'Content-Type': 'application/json' });
    assert.equal(broken.status, 400);
    assert.equal(broken.body.error.code, 'INVALID_INPUT');
    const badQuery = await admin.get<ErrorReply>('/api/users?perPage=1000');
    assert.equal(badQuery.status, 400);
    assert.equal(badQuery.body.error.field, 'query.perPage');
    const unknownFilter = await admin.get<ErrorReply>('/api/users?colour=red');
    assert.equal(unknownFilter.body.error.field, 'query.colour');
    const after = await stack.db('users').count({ n: '*' }).first();
    assert.deepEqual(after, before);
  });

  test('disabling a user ends their sessions and stops their sign-in; an admin cannot disable themselves', async () => {
    const victim = await loggedIn(stack.baseUrl, 'xiaowang', 'Wang#2026x-Own');
    const id = ((await stack.db('users').where({ username: 'xiaowang' }).first()) as { id: string }).id;
    const r = await admin.patch<User>(`/api/users/${id}`, { disabled: true });
    assert.equal(r.body.disabled, true);
    assert.equal((await victim.get('/api/auth/me')).status, 401);
    const again = await victim.login('xiaowang', 'Wang#2026x-Own');
    assert.equal(again.status, 403);
    const me = ((await stack.db('users').where({ username: 'admin' }).first()) as { id: string }).id;
    const self = await admin.patch<ErrorReply>(`/api/users/${me}`, { disabled: true });
    assert.equal(self.status, 422);
    const promoted = await admin.patch<ErrorReply>(`/api/users/${id}`, { role: 'town_officer' });
    assert.equal(promoted.status, 422, 'a village inspector made town officer keeps a village region');
    assert.equal(promoted.body.error.field, 'body.regionCode');
    assert.match(promoted.body.error.message, /镇（街道）/);
    assert.equal((await admin.patch<User>(`/api/users/${id}`, { role: 'town_officer', regionCode: '441802007' })).status, 200);
    const audit = await stack.db('audit_log').where({ action: 'user.disable', subject_id: id }).first();
    assert.ok(audit);
  });

  test('a repeated Idempotency-Key returns the first response and creates one user', async () => {
    const body = { username: 'twice', name: '重复', role: 'inspector', regionCode: '441802006001', password: 'Abc#2026xyz' };
    const first = await admin.post<User>('/api/users', body, { 'Idempotency-Key': 'create-twice-1' });
    const second = await admin.post<User>('/api/users', body, { 'Idempotency-Key': 'create-twice-1' });
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.equal(second.headers.get('Idempotent-Replayed'), 'true');
    assert.equal(second.body.id, first.body.id);
    const other = await admin.post<ErrorReply>('/api/users', { ...body, name: '别的' }, { 'Idempotency-Key': 'create-twice-1' });
    assert.equal(other.status, 422);
    assert.equal(other.body.error.code, 'IDEMPOTENCY_KEY_REUSED');
    const rows = await stack.db('users').where({ username: 'twice' });
    assert.equal(rows.length, 1);
  });
});

describe('region scope', () => {
  test('a town officer sees only their town, in the tree, by code and in search', async () => {
    const town = await loggedIn(stack.baseUrl, 'town');
    const tree = await town.get<{ code: string; children: { code: string }[] }>('/api/regions/tree?depth=1');
    assert.equal(tree.body.code, '441802006');
    assert.ok(tree.body.children.length > 0);
    assert.ok(tree.body.children.every((c) => c.code.startsWith('441802006')));
    assert.equal((await town.get('/api/regions/441802006001')).status, 200);
    assert.equal((await town.get('/api/regions/441802007')).status, 404);
    assert.equal((await town.get('/api/regions/441802')).status, 404);
    const search = await town.get<List<{ code: string }>>('/api/regions?q=社区&perPage=100');
    assert.ok(search.body.total > 0);
    assert.ok(search.body.data.every((r) => r.code.startsWith('441802006')));
  });

  test('the district tree holds the real towns and 166 villages', async () => {
    const tree = await admin.get<{ name: string; children: { code: string; name: string; childCount: number }[] }>(
      '/api/regions/tree?depth=1',
    );
    assert.equal(tree.body.name, '清城区');
    assert.equal(tree.body.children.length, 10);
    assert.ok(tree.body.children.some((t) => t.code === '441802006' && t.name === '凤城街道'));
    assert.equal(
      tree.body.children.reduce((n, t) => n + t.childCount, 0),
      166,
    );
    const detail = await admin.get<{ path: { name: string }[] }>('/api/regions/441802006001');
    assert.deepEqual(
      detail.body.path.map((p) => p.name),
      ['全国', '广东省', '清远市', '清城区', '凤城街道', '高基里社区居委会'],
    );
  });

  test('a town officer cannot read or write users: 403; an admin outside a user’s region gets 404 to read and 403 to write', async () => {
    const town = await loggedIn(stack.baseUrl, 'town');
    assert.equal((await town.get('/api/users')).status, 403);
    const anyId = ((await stack.db('users').first()) as { id: string }).id;
    assert.equal((await town.get(`/api/users/${anyId}`)).status, 403);
    // A town-level admin of 凤城街道 cannot see or change users of 东城街道. The API no longer makes an
    // admin below the district (each role has its level), so the account is written as an older one was.
    await new DatabaseUserStore(stack.db).create(
      {
        username: 'fcadmin',
        name: '凤城管理员',
        phone: null,
        role: 'district_admin',
        regionCode: '441802006',
        passwordHash: await hashPassword('Abc#2026xyz'),
        mustChangePassword: true,
      },
      stack.db,
    );
    const outside = await admin.post<User>('/api/users', {
      username: 'dcuser',
      name: '东城用户',
      role: 'inspector',
      regionCode: '441802007001',
      password: 'Abc#2026xyz',
    });
    const fc = await firstSignIn(stack.baseUrl, 'fcadmin', 'Abc#2026xyz');
    assert.equal((await fc.get(`/api/users/${outside.body.id}`)).status, 404);
    assert.equal((await fc.patch(`/api/users/${outside.body.id}`, { name: '改名' })).status, 403);
    const list = await fc.get<List<User>>('/api/users?perPage=100');
    assert.ok(list.body.data.every((u) => u.regionCode.startsWith('441802006')));
    assert.ok(!list.body.data.some((u) => u.id === outside.body.id));
    const counted = await fc.get<List<User>>(`/api/users?ids=${outside.body.id}`);
    assert.equal(counted.body.total, 0);
    const moveOut = await fc.post<ErrorReply>('/api/users', {
      username: 'escapee',
      name: 'x',
      role: 'inspector',
      regionCode: '441802007001',
      password: 'Abc#2026xyz',
    });
    assert.equal(moveOut.status, 403);
  });

  test('audit log: auditors read it, inspectors cannot', async () => {
    const auditor = await loggedIn(stack.baseUrl, 'auditor');
    const log = await auditor.get<List<{ action: string }>>('/api/audit-log?action=auth.login');
    assert.equal(log.status, 200);
    assert.ok(log.body.total > 0);
    const inspector = await loggedIn(stack.baseUrl, 'inspector');
    assert.equal((await inspector.get('/api/audit-log')).status, 403);
    await assert.rejects(stack.db('audit_log').update({ action: 'tampered' }), /append-only/);
    await assert.rejects(stack.db('audit_log').delete(), /append-only/);
  });
});
