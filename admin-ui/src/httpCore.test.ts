import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  apiErrorFromText,
  cookieValue,
  csrfToken,
  newIdempotencyKey,
  parseApiError,
  readApiError,
  readJson,
  requestHeaders,
  requestInit,
  withoutLabel,
} from './httpCore.ts';

test('the CSRF token is read from its own cookie only, decoded', () => {
  assert.equal(csrfToken('theme=dark; ydym_csrf=a%2Bb; other=1'), 'a+b');
  assert.equal(csrfToken('ydym_csrf_old=x; theme=dark'), undefined);
  assert.equal(cookieValue('a=1;b = 2', 'b'), '2');
});

test('an idempotency key is a v4 UUID, new each time, even outside a secure context', () => {
  const key = newIdempotencyKey();
  assert.match(key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.notEqual(newIdempotencyKey(), key);
});

test('a JSON mutation carries its body, its key and the CSRF token, with the session cookie', async () => {
  const init = requestInit({ method: 'POST', body: { reason: '重复' }, idempotencyKey: 'k1', csrfToken: 't1' });
  assert.equal(init.method, 'POST');
  assert.equal(init.credentials, 'same-origin');
  assert.equal(init.body, '{"reason":"重复"}');
  const headers = new Headers(init.headers);
  assert.equal(headers.get('Accept'), 'application/json');
  assert.equal(headers.get('Content-Type'), 'application/json');
  assert.equal(headers.get('Idempotency-Key'), 'k1');
  assert.equal(headers.get('X-CSRF-Token'), 't1');
});

test('a plain read sends no body, no key and no token', () => {
  const init = requestInit({});
  assert.equal(init.method, 'GET');
  assert.equal(init.body, undefined);
  assert.deepEqual([...new Headers(init.headers).keys()], ['accept']);
});

test('a file goes as the raw body, typed as itself, its name encoded in X-File-Name', () => {
  const data = new Blob(['x'], { type: 'image/png' });
  const init = requestInit({ method: 'POST', file: { data, name: '照片 1.png', type: 'image/png' }, body: { ignored: true } });
  assert.equal(init.body, data);
  const headers = requestHeaders({ file: { data, name: '照片 1.png', type: 'image/png' }, accept: '*/*' });
  assert.equal(headers.get('Content-Type'), 'image/png');
  assert.equal(headers.get('X-File-Name'), encodeURIComponent('照片 1.png'));
  assert.equal(headers.get('Accept'), '*/*');
});

test('an answer without content reads as undefined, any other as its JSON', async () => {
  assert.equal(await readJson(new Response(null, { status: 204 })), undefined);
  assert.equal(await readJson(new Response('', { status: 200 })), undefined);
  assert.deepEqual(await readJson(new Response('{"id":"a"}', { status: 201 })), { id: 'a' });
});

test("the API's error shape is read with its field problems; malformed problems are dropped", () => {
  const error = parseApiError({
    error: {
      code: 'VALIDATION',
      message: '地上层数：不能小于 1',
      requestId: 'r1',
      details: [{ field: 'body.floorsAbove', reason: 'minimum', message: '地上层数：不能小于 1', label: '地上层数' }, { field: 3 }, null],
    },
  });
  assert.equal(error.code, 'VALIDATION');
  assert.equal(error.message, '地上层数：不能小于 1');
  assert.equal(error.requestId, 'r1');
  assert.deepEqual(
    error.details.map((d) => d.field),
    ['body.floorsAbove'],
  );
});

test('a refusal that is not JSON, or not the API shape, reads as an error without parts', async () => {
  assert.deepEqual(apiErrorFromText('<html>bad gateway</html>'), { details: [] });
  assert.deepEqual(parseApiError({ message: 'elsewhere' }), { details: [] });
  const error = await readApiError(new Response('{"error":{"message":"无权操作","field":"buildingCode"}}', { status: 403 }));
  assert.deepEqual(error, { details: [], message: '无权操作', field: 'buildingCode' });
});

test('under its input a problem drops the field name the API put in front, and only that', () => {
  assert.equal(withoutLabel({ message: '地上层数：不能小于 1', label: '地上层数' }), '不能小于 1');
  assert.equal(withoutLabel({ message: '经营用房须填写经营类别' }), '经营用房须填写经营类别');
  assert.equal(
    withoutLabel({ message: '所属村（社区）：441802007001 不在您的管辖范围内', label: '房屋用途' }),
    '所属村（社区）：441802007001 不在您的管辖范围内',
  );
});
