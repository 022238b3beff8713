import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientHash, clientNetwork } from './client.ts';
import { maskPublicText } from './public.ts';
import { TRACKING_NO } from './tracking.ts';

test('a reply for the public masks the complainant, names after a person word, phones and identity numbers', () => {
  const reply = '回复：已电话联系投诉人张三(13800138000)，户主：李建国 身份证 441802198503120017，座机 0763-3312345。';
  const shown = maskPublicText(reply, ['王小明']);
  for (const secret of ['张三', '13800138000', '李建国', '198503120017', '3312345']) assert.ok(!shown.includes(secret), shown);
  assert.match(shown, /投诉人张\*\(138\*\*\*\*8000\)/);
  assert.match(shown, /户主：李\*\*/);
  assert.match(shown, /441802\*{12}/);
  assert.equal(maskPublicText('经核实，王小明反映的问题属实。', ['王小明']), '经核实，王**反映的问题属实。');
});

test('case and tracking numbers in a notice stay readable', () => {
  const notice = '您的投诉已受理（编号 TS20261206K7QM3XP2），已立案整改（案件编号 YH20261206000001）。';
  assert.equal(maskPublicText(notice), notice);
});

test('tracking numbers: the new random form and the sequential one issued before', () => {
  for (const ok of ['TS20261206K7QM3XP2', 'TS20261125000001']) assert.match(ok, TRACKING_NO);
  for (const bad of ['TS2026120600000', 'TS20261206K7QM3XP', 'TS20261206K7QM3XP0', 'TS20261206k7qm3xp2'])
    assert.doesNotMatch(bad, TRACKING_NO);
});

test('an IPv6 address counts by its /64; IPv4 and IPv4-mapped addresses count alone', () => {
  assert.equal(clientNetwork('2001:db8:1:2::1'), '6:2001:db8:1:2::/64');
  assert.equal(clientNetwork('2001:0db8:0001:0002:ffff:ffff:ffff:fffe'), '6:2001:db8:1:2::/64');
  assert.equal(clientNetwork('::ffff:10.1.2.3'), '4:10.1.2.3');
  assert.equal(clientNetwork('10.1.2.3'), '4:10.1.2.3');
  assert.equal(clientNetwork('fe80::1%eth0'), '6:fe80:0:0:0::/64');
  assert.equal(clientHash('s', '2001:db8:1:2::1'), clientHash('s', '2001:db8:1:2:aaaa::9'));
  assert.notEqual(clientHash('s', '2001:db8:1:2::1'), clientHash('s', '2001:db8:1:3::1'));
  assert.notEqual(clientHash('s', '10.1.2.3'), clientHash('t', '10.1.2.3'), 'keyed by the server secret');
});
