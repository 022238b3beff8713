import assert from 'node:assert/strict';
import { test } from 'node:test';
import { beijingDay, beijingDayBound, chineseDate, normalizeDate } from './dates.ts';

test('dates are read in the ways Chinese users write them, and only real dates', () => {
  for (const text of ['2026-12-06', '2026/12/6', '2026.12.06', '2026年12月6日', '20261206', ' 2026-12-6 '])
    assert.equal(normalizeDate(text), '2026-12-06', text);
  for (const text of ['12/06/2026', '2026-02-30', '2026-13-01', '明天', '2026-12', '']) assert.equal(normalizeDate(text), null, text);
});

test('dates are shown 2026年12月6日, and days are Beijing days', () => {
  assert.equal(chineseDate('2026-12-06'), '2026年12月6日');
  assert.equal(beijingDay('2026-12-05T16:30:00Z'), '2026-12-06');
  assert.equal(beijingDayBound('2026-12-06', 'start'), '2026-12-05T16:00:00.000Z');
  assert.equal(beijingDayBound('2026-12-06', 'end'), '2026-12-06T15:59:59.999Z');
});
