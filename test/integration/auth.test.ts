import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { ApiClient, firstSignIn, loggedIn } from '../support/http.ts';
import type { Reply } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

let stack: Stack;
before(async () => {
  // A low account-wide ceiling, so three addresses reach it in a test.
  stack = await startStack({ SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '12', LOGIN_ACCOUNT_MAX_FAILURES: '12' });
});
after(async () => stack?.stop());

type ErrorReply = {
  error: { code: string; message: string; field?: string; details?: { field: string; reason?: string; lockedUntil?: string }[] };
};
type UserReply = { id: string; lockedUntil: string | null; mustChangePassword: boolean };

const PASSWORD = 'Ydym@2026';
/** A client whose requests come from `ip` (the app trusts X-Forwarded-For from loopback, as behind its proxy). */
const from = (ip: string) => ({ 'X-Forwarded-For': ip });

async function attempt(username: string, password: string, ip: string): Promise<Reply<ErrorReply>> {
  return new ApiClient(stack.baseUrl).request<ErrorReply>('POST', '/api/auth/login', { username, password }, from(ip));
}

/** An account made by the administrator, then given a password of the user's own. */
async function makeUser(username: string, password: string, role = 'inspector'): Promise<string> {
  const admin = await loggedIn(stack.baseUrl, 'admin');
  const r = await admin.post<UserReply>('/api/users', {
    username,
    name: '测试员',
    role,
    regionCode: '441802006001',
    password: 'Given#2026x',
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  await firstSignIn(stack.baseUrl, username, 'Given#2026x', password);
  return r.body.id;
}

const auditCount = async (where: Record<string, unknown>, reason?: string) => {
  const query = stack.db('audit_log').where(where);
  if (reason) query.whereRaw(`details->>'reason' = ?`, [reason]);
  return Number(((await query.count({ n: '*' }).first()) as { n: string }).n);
};

describe('sign-in', () => {
  test('a demo user signs in with a cookie session and gets their abilities', async () => {
    const client = new ApiClient(stack.baseUrl);
    const r = await client.login('admin');
    assert.equal(r.status, 200);
    assert.equal((r.body.user as { role: string }).role, 'district_admin');
    assert.equal((r.body.user as { mustChangePassword: boolean }).mustChangePassword, false);
    assert.ok(Array.isArray(r.body.abilities));
    const cookie = r.headers.getSetCookie().find((c) => c.startsWith('ydym_session='));
    assert.match(cookie ?? '', /HttpOnly/i);
    const me = await client.get('/api/auth/me');
    assert.equal(me.status, 200);
    assert.equal((me.body.user as { regionName: string }).regionName, '清城区');
  });

  test('an API client gets a bearer token that works without cookies or CSRF', async () => {
    const client = new ApiClient(stack.baseUrl);
    const r = await client.request<{ token: string }>('POST', '/api/auth/token', { username: 'admin', password: PASSWORD });
    assert.equal(r.status, 200);
    const api = new ApiClient(stack.baseUrl);
    api.bearer = r.body.token;
    assert.equal((await api.get('/api/users')).status, 200);
    const created = await api.post('/api/users', {
      username: 'bearer_made',
      name: '令牌',
      role: 'inspector',
      regionCode: '441802006001',
      password: 'Bearer#2026x',
    });
    assert.equal(created.status, 201);
  });

  test('every failure gets one reply, whether the name is unknown, the password wrong or the account disabled; only the right password hears "disabled"', async () => {
    const id = await makeUser('quiet.one', 'Quiet#2026x');
    const admin = await loggedIn(stack.baseUrl, 'admin');
    const unknown = await attempt('nobody.here', 'Wrong#2026x', '198.51.100.1');
    const wrong = await attempt('quiet.one', 'Wrong#2026x', '198.51.100.1');
    assert.equal((await admin.patch(`/api/users/${id}`, { disabled: true })).status, 200);
    const disabledWrong = await attempt('quiet.one', 'Wrong#2026x', '198.51.100.1');
    for (const r of [unknown, wrong, disabledWrong]) {
      assert.equal(r.status, 401);
      assert.deepEqual(r.body.error.code, 'INVALID_CREDENTIALS');
      assert.equal(r.body.error.message, '用户名或密码错误');
      assert.deepEqual(r.body.error.details ?? [], []);
    }
    const disabledRight = await attempt('quiet.one', 'Quiet#2026x', '198.51.100.1');
    assert.equal(disabledRight.status, 403);
    assert.equal(disabledRight.body.error.code, 'ACCOUNT_DISABLED');
  });

  test('a name that matches no account locks like one that does, and its failures are filed where the district auditor sees them', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 6; i++) {
      known.push((await attempt('inspector2', 'Wrong#2026x', '198.51.100.2')).status);
      unknown.push((await attempt('ghost.user', 'Wrong#2026x', '198.51.100.2')).status);
    }
    assert.deepEqual(known, [401, 401, 401, 401, 423, 423]);
    assert.deepEqual(unknown, known);
    const auditor = await loggedIn(stack.baseUrl, 'auditor');
    const log = await auditor.get<{ data: { details: { username?: string; reason?: string } }[] }>(
      '/api/audit-log?action=auth.login_failed&perPage=100',
    );
    assert.equal(log.status, 200);
    const ghost = log.body.data.filter((e) => e.details.username === 'ghost.user');
    assert.equal(ghost.length, 6);
    assert.equal(ghost.filter((e) => e.details.reason === 'unknown_user').length, 5);
    const locks = await auditor.get<{ data: { details: { username?: string } }[] }>('/api/audit-log?action=auth.locked&perPage=100');
    assert.equal(locks.body.data.filter((e) => e.details.username === 'ghost.user').length, 1);
  });

  test('fifty parallel guesses get five checks; once locked, not even the right password works from that address, while other addresses still sign in', async () => {
    const id = await makeUser('target', 'Target#2026x');
    const guesses = Array.from({ length: 50 }, (_, i) => attempt('target', `Guess#${i}x2026`, '203.0.113.7'));
    // The right password goes in while the guesses are being checked.
    const right = Promise.race(guesses).then(() => attempt('target', 'Target#2026x', '203.0.113.7'));
    const statuses = (await Promise.all(guesses)).map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 401).length, 4, `statuses: ${statuses.join(',')}`);
    assert.equal(statuses.filter((s) => s === 423).length, 46);
    const rightReply = await right;
    assert.equal(rightReply.status, 423, JSON.stringify(rightReply.body));
    assert.equal(rightReply.body.error.code, 'ACCOUNT_LOCKED');
    const until = new Date(rightReply.body.error.details?.[0]?.lockedUntil ?? '');
    const minutes = (until.getTime() - Date.now()) / 60_000;
    assert.ok(minutes > 14 && minutes <= 15, `locked for ${minutes} minutes`);
    assert.match(rightReply.body.error.message, /账号已锁定，请于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    // Every attempt is recorded; the lock once.
    assert.equal(await auditCount({ action: 'auth.login_failed', subject_id: id }, 'bad_password'), 5);
    assert.equal(await auditCount({ action: 'auth.login_failed', subject_id: id }, 'throttled'), 46);
    assert.equal(await auditCount({ action: 'auth.locked', subject_id: id }), 1);
    // Another address (another /64 for IPv6) is not locked out by the first one.
    assert.equal((await attempt('target', 'Target#2026x', '2001:db8:aa:bb::1')).status, 200);
    // The same /64 is the same client.
    for (let i = 0; i < 5; i++) await attempt('target', 'Wrong#2026x', `2001:db8:1:2::${i + 1}`);
    assert.equal((await attempt('target', 'Target#2026x', '2001:db8:1:2:ffff::9')).status, 423);
  });

  test('when a lock ends, the count starts afresh: one more wrong guess does not lock again', async () => {
    await makeUser('comeback', 'Comeback#2026x');
    for (let i = 0; i < 5; i++) await attempt('comeback', 'Wrong#2026x', '192.0.2.44');
    assert.equal((await attempt('comeback', 'Comeback#2026x', '192.0.2.44')).status, 423);
    await stack
      .db('login_throttles')
      .where({ account: 'comeback' })
      .update({
        locked_until: stack.db.raw(`now() - interval '1 second'`),
        window_started_at: stack.db.raw(`now() - interval '16 minutes'`),
      });
    assert.equal((await attempt('comeback', 'Wrong#2026x', '192.0.2.44')).status, 401);
    assert.equal((await attempt('comeback', 'Comeback#2026x', '192.0.2.44')).status, 200);
  });

  test('many addresses together reach the account-wide ceiling; the lock is audited, shown to the administrator, who unlocks it', async () => {
    const id = await makeUser('spread', 'Spread#2026x');
    for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) {
      for (let i = 0; i < 4; i++) await attempt('spread', 'Wrong#2026x', ip);
    }
    const elsewhere = await attempt('spread', 'Spread#2026x', '192.0.2.99');
    assert.equal(elsewhere.status, 423);
    const lock = (await stack.db('audit_log').where({ action: 'auth.locked', subject_id: id }).first()) as { details: { scope: string } };
    assert.equal(lock.details.scope, 'account');
    const admin = await loggedIn(stack.baseUrl, 'admin');
    const shown = await admin.get<UserReply>(`/api/users/${id}`);
    assert.ok(shown.body.lockedUntil);
    const town = await loggedIn(stack.baseUrl, 'town');
    assert.equal((await town.post(`/api/users/${id}/unlock`)).status, 403);
    const unlocked = await admin.post<UserReply>(`/api/users/${id}/unlock`);
    assert.equal(unlocked.status, 200);
    assert.equal(unlocked.body.lockedUntil, null);
    assert.equal(await auditCount({ action: 'user.unlock', subject_id: id }), 1);
    assert.equal((await attempt('spread', 'Spread#2026x', '192.0.2.99')).status, 200);
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

  test('a session expires at its absolute lifetime however active it stays', async () => {
    const client = await loggedIn(stack.baseUrl, 'inspector');
    const token = [...(client as unknown as { cookies: Map<string, string> }).cookies].find(([k]) => k === 'ydym_session')?.[1];
    const bearer = new ApiClient(stack.baseUrl);
    bearer.bearer = token;
    const row = stack.db('sessions').where({
      token_hash: createHash('sha256')
        .update(token ?? '')
        .digest(),
    });
    await row.clone().update({ created_at: stack.db.raw(`now() - interval '11 hours 59 minutes'`) });
    assert.equal((await client.get('/api/auth/me')).status, 200);
    await row.clone().update({ created_at: stack.db.raw(`now() - interval '12 hours 1 minute'`), last_seen_at: stack.db.fn.now() });
    // Past the session cache's reuse time, so the lookup is fresh.
    await new Promise((resolve) => setTimeout(resolve, stack.config.sessionCacheMs + 50));
    const r = await client.get<ErrorReply>('/api/auth/me');
    assert.equal(r.status, 401);
    assert.equal(r.body.error.code, 'SESSION_EXPIRED');
    assert.equal((await bearer.get<ErrorReply>('/api/auth/me')).status, 401);
  });
});

describe('passwords', () => {
  test('changing the password revokes the user’s other sessions but keeps this one', async () => {
    const phone = await loggedIn(stack.baseUrl, 'town');
    const desk = await loggedIn(stack.baseUrl, 'town');
    const weak = await desk.post<ErrorReply>('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    assert.equal(weak.status, 422);
    assert.equal(weak.body.error.field, 'body.newPassword');
    const wrong = await desk.post<ErrorReply>('/api/auth/password', { currentPassword: 'nope', newPassword: 'Better#2026x' });
    assert.equal(wrong.status, 422);
    assert.equal(wrong.body.error.field, 'body.currentPassword');
    assert.equal((await desk.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'Better#2026x' })).status, 204);
    assert.equal((await desk.get('/api/auth/me')).status, 200);
    assert.equal((await phone.get('/api/auth/me')).status, 401);
    assert.equal((await new ApiClient(stack.baseUrl).login('town', 'Better#2026x')).status, 200);
  });

  test('the password rule: ten characters, three classes, not a common password', async () => {
    const client = await loggedIn(stack.baseUrl, 'officer');
    const reasons: Record<string, string> = {
      'Ab#45678x': 'length',
      alllowercase2026: 'classes',
      'Password2026!': 'common',
      Qwertyuiop123: 'common',
    };
    for (const [newPassword, reason] of Object.entries(reasons)) {
      const r = await client.post<ErrorReply>('/api/auth/password', { currentPassword: PASSWORD, newPassword });
      assert.equal(r.status, 422, newPassword);
      assert.equal(r.body.error.code, 'WEAK_PASSWORD');
      assert.equal(r.body.error.details?.[0]?.field, 'body.newPassword');
      assert.equal(r.body.error.details?.[0]?.reason, reason, newPassword);
    }
  });

  test('wrong current passwords count as failed sign-ins: audited, and the fifth locks both the change and sign-in from that address', async () => {
    const id = await makeUser('guessed', 'Guessed#2026x');
    const stolen = await loggedIn(stack.baseUrl, 'guessed', 'Guessed#2026x');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await stolen.post(
        '/api/auth/password',
        { currentPassword: `Try#${i}x2026`, newPassword: 'Mine#2026xyz' },
        from('192.0.2.77'),
      );
      statuses.push(r.status);
    }
    assert.deepEqual(statuses, [422, 422, 422, 422, 423, 423]);
    assert.equal(await auditCount({ action: 'auth.login_failed', subject_id: id }, 'bad_current_password'), 5);
    assert.equal(await auditCount({ action: 'auth.locked', subject_id: id }), 1);
    assert.equal((await attempt('guessed', 'Guessed#2026x', '192.0.2.77')).status, 423);
    const right = await stolen.post(
      '/api/auth/password',
      { currentPassword: 'Guessed#2026x', newPassword: 'Mine#2026xyz' },
      from('192.0.2.77'),
    );
    assert.equal(right.status, 423);
  });

  test('a password an administrator chose must be changed before anything else, at creation and after a reset', async () => {
    const admin = await loggedIn(stack.baseUrl, 'admin');
    const made = await admin.post<UserReply>('/api/users', {
      username: 'newcomer',
      name: '新同事',
      role: 'inspector',
      regionCode: '441802006001',
      password: 'Welcome#2026x',
    });
    assert.equal(made.body.mustChangePassword, true);
    const client = new ApiClient(stack.baseUrl);
    const login = await client.login('newcomer', 'Welcome#2026x');
    assert.equal(login.status, 200);
    assert.equal((login.body.user as { mustChangePassword: boolean }).mustChangePassword, true);
    const refused = await client.get<ErrorReply>('/api/cases');
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'PASSWORD_CHANGE_REQUIRED');
    const token = await client.request<{ token: string }>('POST', '/api/auth/token', { username: 'newcomer', password: 'Welcome#2026x' });
    const bearer = new ApiClient(stack.baseUrl);
    bearer.bearer = token.body.token;
    assert.equal((await bearer.get<ErrorReply>('/api/buildings')).body.error.code, 'PASSWORD_CHANGE_REQUIRED');
    const me = await client.get<{ user: { mustChangePassword: boolean } }>('/api/auth/me');
    assert.equal(me.body.user.mustChangePassword, true);
    assert.equal((await client.post('/api/auth/password', { currentPassword: 'Welcome#2026x', newPassword: 'MyOwn#2026x' })).status, 204);
    assert.equal((await client.get('/api/cases')).status, 200);
    assert.equal((await client.get<{ user: { mustChangePassword: boolean } }>('/api/auth/me')).body.user.mustChangePassword, false);

    assert.equal((await admin.post(`/api/users/${made.body.id}/reset-password`, { newPassword: 'Reset#2026xy' })).status, 204);
    const again = await loggedIn(stack.baseUrl, 'newcomer', 'Reset#2026xy');
    assert.equal((await again.get<ErrorReply>('/api/cases')).body.error.code, 'PASSWORD_CHANGE_REQUIRED');
  });

  test('a cookie session must send its CSRF token on writes', async () => {
    const client = await loggedIn(stack.baseUrl, 'admin');
    const r = await client.request<ErrorReply>('POST', '/api/users', { username: 'csrf_less' }, { 'X-CSRF-Token': 'forged' });
    assert.equal(r.status, 403);
    assert.equal(r.body.error.code, 'CSRF_FAILED');
    assert.equal(await stack.db('users').where({ username: 'csrf_less' }).first(), undefined);
  });
});
