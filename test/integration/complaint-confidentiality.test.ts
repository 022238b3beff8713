/**
 * Complaints' confidentiality and abuse limits on real Temporal and PostgreSQL (issue 14, items 9, 12
 * and 13): replayed answers come back whole but are stored sealed (no secret and no Idempotency-Key in
 * the database), uploads replay too without a second row, the limits hold against parallel bursts and
 * count an IPv6 /64 as one sender, senders are stored as keyed hashes, and progress lookups are
 * throttled per sender and per tracking number with a Chinese 429 and Retry-After.
 */
import assert from 'node:assert/strict';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createHouse, registerCase, tinyPng } from '../support/cases.ts';
import { ApiClient, loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

const SECRET = 'test-client-hash-secret-0123456789abcdef';
const PER_HOUR = 4;
const PHOTOS_PER_HOUR = 3;
const LOOKUPS_PER_ADDRESS = 5;
const LOOKUPS_PER_NUMBER = 3;

let stack: Stack;
let citizen: ApiClient;
let officer: ApiClient;
let house: string;

before(async () => {
  stack = await startStack({
    CLIENT_HASH_SECRET: SECRET,
    COMPLAINTS_PER_HOUR: String(PER_HOUR),
    COMPLAINTS_PER_PHONE: '100',
    COMPLAINT_PHOTOS_PER_HOUR: String(PHOTOS_PER_HOUR),
    PROGRESS_LOOKUPS_PER_ADDRESS: String(LOOKUPS_PER_ADDRESS),
    PROGRESS_LOOKUPS_PER_NUMBER: String(LOOKUPS_PER_NUMBER),
  });
  citizen = new ApiClient(stack.baseUrl);
  officer = await loggedIn(stack.baseUrl, 'officer');
  house = await createHouse(officer, { address: '凤城街道北门街 5 号' });
});
after(async () => {
  await stack.stop();
});

type Filed = { trackingNo: string; secret: string };
type ErrorReply = { error: { code: string; message: string; details?: { field: string }[] } };

/** Each test sends from its own addresses (the API trusts X-Forwarded-For from loopback, as behind a proxy). */
const from = (address: string, key: string = randomUUID()) => ({ 'X-Forwarded-For': address, 'Idempotency-Key': key });

function complain(address: string, key?: string, description = '外墙有很长的裂缝，担心倒塌') {
  return citizen.request<Filed & ErrorReply>(
    'POST',
    '/api/public/complaints',
    { buildingCode: house, category: 'structure_damage', description, fileIds: [] },
    from(address, key),
  );
}

function lookUp(address: string, trackingNo: string, secret: string) {
  return citizen.request<ErrorReply & { trackingNo?: string }>(
    'POST',
    '/api/public/complaints/progress',
    { trackingNo, secret },
    { 'X-Forwarded-For': address },
  );
}

/** Every idempotency row as text, bytes included (hex, utf-8 and latin-1 readings). */
async function idempotencyTable(): Promise<string> {
  const rows = (await stack.db('idempotency_keys').select('*')) as Record<string, unknown>[];
  return rows
    .map((row) =>
      Object.values(row)
        .map((v) => (Buffer.isBuffer(v) ? `${v.toString('hex')} ${v.toString('utf8')} ${v.toString('latin1')}` : JSON.stringify(v)))
        .join(' '),
    )
    .join('\n');
}

const count = async (table: string, where: Record<string, unknown> = {}) =>
  Number((await stack.db(table).where(where).count({ n: '*' }).first())?.n);

describe('complaint confidentiality', () => {
  test('a replayed complaint gets its secret back, the idempotency table holds neither the secret nor the key, another key files anew', async () => {
    const key = `complaint-${randomUUID()}`;
    const first = await complain('198.51.100.10', key);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const again = await complain('198.51.100.10', key);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, first.body, 'the same tracking number and secret');
    assert.equal(await count('complaints', { tracking_no: first.body.trackingNo }), 1);
    assert.equal(
      await count('complaints', { client_hash: createHmac('sha256', SECRET).update('ydym-client:4:198.51.100.10').digest('hex') }),
      1,
    );

    const table = await idempotencyTable();
    assert.ok(table.length > 0, 'the answer is stored');
    for (const secret of [first.body.secret, key, first.body.trackingNo, '198.51.100.10', '裂缝'])
      assert.ok(!table.includes(secret), `idempotency_keys shows ${secret}`);

    const other = await complain('198.51.100.10', `complaint-${randomUUID()}`);
    assert.equal(other.status, 201);
    assert.notEqual(other.body.trackingNo, first.body.trackingNo);
    assert.notEqual(other.body.secret, first.body.secret);
    // The same key from another sender is another request: it cannot open the first answer.
    const stranger = await complain('198.51.100.11', key);
    assert.equal(stranger.status, 201);
    assert.notEqual(stranger.body.trackingNo, first.body.trackingNo);
  });

  test('a complaint photo and a case evidence file sent twice with one key are stored once and answered alike', async () => {
    const key = randomUUID();
    const send = (headers: Record<string, string>, data = tinyPng()) =>
      citizen.request<{ id: string } & ErrorReply>('POST', '/api/public/complaint-files', data, {
        'Content-Type': 'image/png',
        ...headers,
      });
    const first = await send(from('198.51.100.20', key));
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const again = await send(from('198.51.100.20', key));
    assert.deepEqual([again.status, again.body], [201, first.body]);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(
      await count('complaint_files', { client_hash: createHmac('sha256', SECRET).update('ydym-client:4:198.51.100.20').digest('hex') }),
      1,
    );
    const otherPhoto = Buffer.concat([tinyPng(), Buffer.from('other')]);
    const reused = await send(from('198.51.100.20', key), otherPhoto);
    assert.equal(reused.status, 422, 'the same key with another file is refused');

    const c = await registerCase(officer, house);
    const evidence = (k: string) =>
      officer.request<{ id: string; sha256: string }>('POST', `/api/cases/${c.id}/files`, tinyPng(), {
        'Content-Type': 'image/png',
        'X-File-Name': encodeURIComponent('现场照片.png'),
        'Idempotency-Key': k,
      });
    const staffKey = randomUUID();
    const one = await evidence(staffKey);
    assert.equal(one.status, 201, JSON.stringify(one.body));
    const two = await evidence(staffKey);
    assert.deepEqual([two.status, two.body], [201, one.body]);
    assert.equal(two.headers.get('idempotent-replayed'), 'true');
    assert.equal(await count('case_files', { case_id: c.id }), 1);
    assert.equal((await evidence(randomUUID())).status, 201, 'another key is another file');
    assert.equal(await count('case_files', { case_id: c.id }), 2);
  });

  test('parallel complaints from one sender: exactly the limit is accepted; an IPv6 /64 is one sender', async () => {
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => complain(`2001:db8:77:1::${i + 1}`)));
    const statuses = burst.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 201).length, PER_HOUR, JSON.stringify(statuses));
    assert.equal(statuses.filter((s) => s === 429).length, 12 - PER_HOUR, JSON.stringify(statuses));
    assert.match(burst.find((r) => r.status === 429)?.body.error.message ?? '', /提交过于频繁/);
    const network = createHmac('sha256', SECRET).update('ydym-client:6:2001:db8:77:1::/64').digest('hex');
    assert.equal(await count('complaints', { client_hash: network }), PER_HOUR);
    // Another address of the same /64 is the same sender; the next /64 is not.
    assert.equal((await complain('2001:db8:77:1:ffff:ffff:ffff:fffe')).status, 429);
    assert.equal((await complain('2001:db8:77:2::1')).status, 201);
    // Stored keyed: neither the plain SHA-256 of the address nor the address itself.
    const rows = (await stack.db('complaints').pluck('client_hash')) as string[];
    const plain = createHash('sha256').update('ydym-complaint-client:2001:db8:77:1::1').digest('hex');
    assert.ok(!rows.includes(plain));
  });

  test('a complaint that waits too long for its sender’s lock is refused as too frequent, and writes nothing', async () => {
    const address = '198.51.100.70';
    const hash = createHmac('sha256', SECRET).update(`ydym-client:4:${address}`).digest('hex');
    await stack.db.transaction(async (trx) => {
      await trx.raw('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [`complaint-client:${hash}`]);
      const waited = await Promise.race([
        complain(address),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the complaint still waits after 15 s')), 15_000).unref()),
      ]);
      assert.equal(waited.status, 429, JSON.stringify(waited.body));
      assert.match(waited.body.error.message, /提交过于频繁/);
    });
    assert.equal(await count('complaints', { client_hash: hash }), 0);
    assert.equal((await complain(address)).status, 201);
  });

  test('parallel photo uploads from one sender: exactly the limit is accepted', async () => {
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        citizen.request('POST', '/api/public/complaint-files', tinyPng(), {
          'Content-Type': 'image/png',
          ...from(`2001:db8:78:1::${i + 1}`),
        }),
      ),
    );
    const statuses = burst.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 201).length, PHOTOS_PER_HOUR, JSON.stringify(statuses));
    assert.equal(statuses.filter((s) => s === 429).length, 8 - PHOTOS_PER_HOUR, JSON.stringify(statuses));
  });

  test('progress lookups are throttled per sender (even in a burst) with a Chinese 429 and Retry-After', async () => {
    const filed = (await complain('198.51.100.30')).body;
    // Guesses at many numbers (well formed, unknown), so only the sender's limit applies.
    const guesses = Array.from({ length: 12 }, (_, i) => `TS20261206${'ABCDEFGHJKLM'[i]}AAAAAAA`);
    const burst = await Promise.all(guesses.map((n) => lookUp('203.0.113.5', n, 'AAAAAAAA')));
    const statuses = burst.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 404).length, LOOKUPS_PER_ADDRESS, JSON.stringify(statuses));
    assert.equal(statuses.filter((s) => s === 429).length, 12 - LOOKUPS_PER_ADDRESS, JSON.stringify(statuses));
    const refused = burst.find((r) => r.status === 429);
    assert.match(refused?.body.error.message ?? '', /查询过于频繁/);
    const wait = Number(refused?.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 600, `Retry-After ${wait}`);
    // Refused for the rest of the window, even with the right secret; another sender still gets in.
    assert.equal((await lookUp('203.0.113.5', filed.trackingNo, filed.secret)).status, 429);
    assert.equal((await lookUp('203.0.113.6', filed.trackingNo, filed.secret)).status, 200);
  });

  test('progress lookups of one number are throttled across senders; right answers do not count', async () => {
    const filed = (await complain('198.51.100.40')).body;
    for (let i = 0; i < 4; i++) assert.equal((await lookUp(`192.0.2.${i + 1}`, filed.trackingNo, filed.secret)).status, 200);
    for (let i = 0; i < LOOKUPS_PER_NUMBER; i++)
      assert.equal((await lookUp(`192.0.2.${i + 10}`, filed.trackingNo, 'AAAAAAAA')).status, 404);
    const next = await lookUp('192.0.2.50', filed.trackingNo, 'BBBBBBBB');
    assert.equal(next.status, 429);
    assert.ok(Number(next.headers.get('retry-after')) >= 1);
    // Another number is not affected.
    const other = (await complain('198.51.100.41')).body;
    assert.equal((await lookUp('192.0.2.50', other.trackingNo, other.secret)).status, 200);
  });

  test('a number issued before in the sequential form still opens its progress page', async () => {
    const filed = (await complain('198.51.100.60')).body;
    await stack.db('complaints').where({ tracking_no: filed.trackingNo }).update({ tracking_no: 'TS20261125000007' });
    const page = await lookUp('192.0.2.99', 'ts20261125000007', filed.secret.toLowerCase());
    assert.equal(page.status, 200, JSON.stringify(page.body));
    assert.equal(page.body.trackingNo, 'TS20261125000007');
  });
});
