import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dueTone, timeLeft } from './timeLeft.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const start = Date.parse('2026-12-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('dueTone: the colour of a due date by the share of time left', () => {
  it('a one-day task is not urgent the moment it is created (seen a minute later)', () => {
    assert.equal(dueTone(iso(start + DAY), iso(start), start + 60_000), 'normal');
  });

  it('warns under half the time left and is urgent under a quarter', () => {
    const due = iso(start + DAY);
    assert.equal(dueTone(due, iso(start), start + 11 * HOUR), 'normal');
    assert.equal(dueTone(due, iso(start), start + 13 * HOUR), 'warning');
    assert.equal(dueTone(due, iso(start), start + 19 * HOUR), 'urgent');
  });

  it('a thirty-day task with two days left is urgent, though more than a day remains', () => {
    assert.equal(dueTone(iso(start + 30 * DAY), iso(start), start + 28 * DAY), 'urgent');
  });

  it('past the due date, or flagged overdue, it is overdue', () => {
    assert.equal(dueTone(iso(start + DAY), iso(start), start + DAY + 1), 'overdue');
    assert.equal(dueTone(iso(start + DAY), iso(start), start, true), 'overdue');
  });

  it('without a start, only the last day warns', () => {
    assert.equal(dueTone(iso(start + 2 * DAY), null, start), 'normal');
    assert.equal(dueTone(iso(start + DAY - 1), null, start), 'warning');
  });

  it('an unreadable due date has no tone', () => {
    assert.equal(dueTone('not a date', null, start), null);
    assert.equal(timeLeft('not a date', start), null);
  });

  it('timeLeft carries the same tone as dueTone', () => {
    assert.equal(timeLeft(iso(start + DAY), start + 60_000, false, iso(start))?.tone, 'normal');
    assert.equal(timeLeft(iso(start + DAY), start + 20 * HOUR, false, iso(start))?.tone, 'urgent');
  });
});
