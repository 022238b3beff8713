import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientKey } from './login-throttles.ts';

test('an IPv4 address is its own client, also when written IPv4-mapped', () => {
  assert.equal(clientKey('203.0.113.7'), '203.0.113.7');
  assert.equal(clientKey('::ffff:203.0.113.7'), '203.0.113.7');
});

test('IPv6 addresses of one /64 are one client, however written', () => {
  const keys = ['2001:db8:1:2::1', '2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '2001:DB8:1:2:0:0:0:9'].map(clientKey);
  assert.deepEqual(new Set(keys), new Set(['2001:db8:1:2::/64']));
  assert.notEqual(clientKey('2001:db8:1:3::1'), keys[0]);
  assert.equal(clientKey('::1'), '0:0:0:0::/64');
});

test('a missing or malformed address is one shared client, never an error', () => {
  assert.equal(clientKey(null), 'unknown');
  assert.equal(clientKey('not an address'), 'unknown');
});
