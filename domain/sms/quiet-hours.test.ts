/** Quiet hours in Beijing time: when a message to an owner may go, across midnight and without a window. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseQuietHours, releaseTime } from './quiet-hours.ts';

const china = (raw: string) => ({ ...parseQuietHours(raw)!, offsetMinutes: 480 });
/** A moment given in Beijing time. */
const bj = (local: string) => new Date(`${local}+08:00`);

test('a message at night is held until the morning, across midnight; by day it goes at once', () => {
  const q = china('22:00-07:00');
  assert.equal(releaseTime(bj('2026-12-07T23:30:00'), q).toISOString(), bj('2026-12-08T07:00:00').toISOString());
  assert.equal(releaseTime(bj('2026-12-08T03:10:00'), q).toISOString(), bj('2026-12-08T07:00:00').toISOString());
  assert.equal(releaseTime(bj('2026-12-08T22:00:00'), q).toISOString(), bj('2026-12-09T07:00:00').toISOString());
  const noon = bj('2026-12-08T12:00:00');
  assert.equal(releaseTime(noon, q), noon);
  const seven = bj('2026-12-08T07:00:00');
  assert.equal(releaseTime(seven, q), seven);
});

test('a window that does not wrap, and no window at all', () => {
  const q = china('12:00-14:00');
  assert.equal(releaseTime(bj('2026-12-08T13:00:00'), q).toISOString(), bj('2026-12-08T14:00:00').toISOString());
  const now = bj('2026-12-08T03:00:00');
  assert.equal(releaseTime(now, q), now);
  assert.equal(releaseTime(now, null), now);
});

test('a malformed window is refused with the reason', () => {
  assert.equal(parseQuietHours(''), null);
  assert.throws(() => parseQuietHours('22-7'), /HH:MM-HH:MM/);
  assert.throws(() => parseQuietHours('25:00-07:00'), /hours/);
  assert.throws(() => parseQuietHours('07:00-07:00'), /differ/);
});
