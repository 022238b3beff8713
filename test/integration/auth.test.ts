import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient, loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

let stack: Stack;
before(async () => {
  stack = await startStack({ SESSION_IDLE_MINUTES: '30' });
});
after(async () => stack?.stop());

type ErrorReply = { error: { code: string; message: string; field?: string; details?: { field: string; lockedUntil?: string }[] } };

describe('sign-in', () => {
  test('a demo user signs in with a cookie session and gets their abilities', async () => {
    const client = new ApiClient(stack.baseUrl);
    const r = await client.login('admin');
    assert.equal(r.status, 200);
    assert.equal((r.body.user as { role: string }).role, 'district_admin');
    assert.ok(Array.isArray(r.body.abilities));
    const cookie = r.headers.getSetCookie().find((c) => c.startsWith('ydym_session='));
    assert.match(cookie ?? '', /HttpOnly/i);
    const me = await client.get('/api/auth/me');
    assert.equal(me.status, 200);
    assert.equal((me.body.user as { regionName: string }).regionName, '清城区');
  });

  test('an API client gets a bearer token that works without cookies or CSRF', async () => {
    const client = new ApiClient(stack.baseUrl);
    const r = await client.request<{ token: string }>('POST', '/api/auth/token', { username: 'admin', password: 'Ydym@2026' });
    assert.equal(r.status, 200);
    const api = new ApiClient(stack.baseUrl);
    api.bearer = r.body.token;
    assert.equal((await api.get('/api/users')).status, 200);
    const created = await api.post('/api/users', {
      username: 'bearer_made',
      name: '令牌',
      role: 'inspector',
      regionCode: '441802006001',
      password: 'abc12345',
    });
    assert.equal(created.status, 201);
  });

  test('a wrong password says how many tries remain, and five failures lock the account until a stated time', async () => {
    const client = new ApiClient(stack.baseUrl);
    for (let i = 1; i <= 4; i++) {
      const r = await client.request<ErrorReply>('POST', '/api/auth/login', { username: 'officer', password: 'wrong' });
      assert.equal(r.status, 401);
      assert.equal(r.body.error.code, 'INVALID_CREDENTIALS');
      assert.match(r.body.error.message, new RegExp(`再失败 ${5 - i} 次`));
    }
    const fifth = await client.request<ErrorReply>('POST', '/api/auth/login', { username: 'officer', password: 'wrong' });
    assert.equal(fifth.status, 423);
    assert.equal(fifth.body.error.code, 'ACCOUNT_LOCKED');
    const until = new Date(fifth.body.error.details?.[0]?.lockedUntil ?? '');
    const minutes = (until.getTime() - Date.now()) / 60_000;
    assert.ok(minutes > 14 && minutes <= 15, `locked for ${minutes} minutes`);
    assert.match(fifth.body.error.message, /账号已锁定，请于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    // Even the right password is refused while locked.
    const right = await client.request<ErrorReply>('POST', '/api/auth/login', { username: 'officer', password: 'Ydym@2026' });
    assert.equal(right.status, 423);
    const audit = await stack.db('audit_log').where({ action: 'auth.locked' }).count({ n: '*' }).first();
    assert.equal(Number(audit?.n), 1);
    // An administrator's password reset unlocks.
    const admin = await loggedIn(stack.baseUrl, 'admin');
    const officer = (await stack.db('users').where({ username: 'officer' }).first()) as { id: string };
    assert.equal((await admin.post(`/api/users/${officer.id}/reset-password`, { newPassword: 'Reset1234' })).status, 204);
    assert.equal((await client.login('officer', 'Reset1234')).status, 200);
  });

  test('an unknown user is refused like a wrong password, and a missing field is named', async () => {
    const client = new ApiClient(stack.baseUrl);
    const unknown = await client.request<ErrorReply>('POST', '/api/auth/login', { username: 'nobody', password: 'x' });
    assert.equal(unknown.status, 401);
    assert.equal(unknown.body.error.code, 'INVALID_CREDENTIALS');
    const missing = await client.request<ErrorReply>('POST', '/api/auth/login', { username: 'admin' });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.field, 'body.password');
  });

  test('logout revokes the session', async () => {
    const client = await loggedIn(stack.baseUrl, 'auditor');
    const token = [...(client as unknown as { cookies: Map<string, string> }).cookies].find(([k]) => k === 'ydym_session')?.[1];
    assert.equal((await client.request('POST', '/api/auth/logout')).status, 204);
    const replay = new ApiClient(stack.baseUrl);
    replay.bearer = token;
    const r = await replay.get<ErrorReply>('/api/auth/me');
    assert.equal(r.status, 401);
  });

  test('a session idle past the limit expires', async () => {
    const client = await loggedIn(stack.baseUrl, 'inspector');
    await stack.db('sessions').update({ last_seen_at: stack.db.raw(`now() - interval '31 minutes'`) });
    const r = await client.get<ErrorReply>('/api/auth/me');
    assert.equal(r.status, 401);
    assert.equal(r.body.error.code, 'SESSION_EXPIRED');
  });

  test('changing the password revokes the user’s other sessions but keeps this one', async () => {
    const phone = await loggedIn(stack.baseUrl, 'town');
    const desk = await loggedIn(stack.baseUrl, 'town');
    const weak = await desk.post<ErrorReply>('/api/auth/password', { currentPassword: 'Ydym@2026', newPassword: 'short' });
    assert.equal(weak.status, 422);
    assert.equal(weak.body.error.field, 'body.newPassword');
    const wrong = await desk.post<ErrorReply>('/api/auth/password', { currentPassword: 'nope', newPassword: 'Better2026' });
    assert.equal(wrong.status, 422);
    assert.equal(wrong.body.error.field, 'body.currentPassword');
    assert.equal((await desk.post('/api/auth/password', { currentPassword: 'Ydym@2026', newPassword: 'Better2026' })).status, 204);
    assert.equal((await desk.get('/api/auth/me')).status, 200);
    assert.equal((await phone.get('/api/auth/me')).status, 401);
    assert.equal((await new ApiClient(stack.baseUrl).login('town', 'Better2026')).status, 200);
  });

  test('a cookie session must send its CSRF token on writes', async () => {
    const client = await loggedIn(stack.baseUrl, 'admin');
    const r = await client.request<ErrorReply>('POST', '/api/users', { username: 'csrf_less' }, { 'X-CSRF-Token': 'forged' });
    assert.equal(r.status, 403);
    assert.equal(r.body.error.code, 'CSRF_FAILED');
    assert.equal(await stack.db('users').where({ username: 'csrf_less' }).first(), undefined);
  });
});
