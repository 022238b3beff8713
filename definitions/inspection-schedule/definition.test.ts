/**
 * Inspection schedule v1: the intervals the issue names, worse tiers inspected more often, and the day
 * arithmetic the scheduler and the cap rely on (Beijing days, compressed days in tests).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RISK_TIERS } from '../risk-tiers/index.ts';
import {
  CURRENT_SCHEDULE_VERSION,
  INSPECTION_SCHEDULE_V1,
  dueAtMs,
  inspectionScheduleDefinition,
  intervalsByTier,
  scheduleDayStart,
} from './index.ts';

describe('inspection schedule v1', () => {
  it('red monthly, orange quarterly, yellow half-yearly, green yearly', () => {
    assert.deepEqual(INSPECTION_SCHEDULE_V1.intervalDays, { red: 30, orange: 90, yellow: 182, green: 365 });
  });

  it('a worse tier is never inspected less often, and every tier has an interval', () => {
    const days = RISK_TIERS.map((t) => INSPECTION_SCHEDULE_V1.intervalDays[t]);
    assert.ok(days.every((d) => Number.isInteger(d) && d > 0));
    assert.deepEqual(
      [...days].sort((a, b) => a - b),
      days,
    );
    assert.equal(intervalsByTier(INSPECTION_SCHEDULE_V1).length, RISK_TIERS.length);
  });

  it('hands a house out ahead of its due day, within the shortest interval, with a positive cap', () => {
    assert.ok(INSPECTION_SCHEDULE_V1.assignAheadDays < INSPECTION_SCHEDULE_V1.intervalDays.red);
    assert.ok(INSPECTION_SCHEDULE_V1.dailyCap > 0);
  });

  it('the current version is known; an unknown one throws', () => {
    assert.equal(inspectionScheduleDefinition(CURRENT_SCHEDULE_VERSION), INSPECTION_SCHEDULE_V1);
    assert.throws(() => inspectionScheduleDefinition(99), /Unknown inspection schedule version 99/);
  });
});

describe('due days', () => {
  const basis = Date.parse('2026-12-01T02:00:00Z');
  it('a red house is due 30 days after its inspection; a green one 365', () => {
    assert.equal(new Date(dueAtMs(INSPECTION_SCHEDULE_V1, 'red', basis, 86_400)).toISOString(), '2026-12-31T02:00:00.000Z');
    assert.equal(new Date(dueAtMs(INSPECTION_SCHEDULE_V1, 'green', basis, 86_400)).toISOString(), '2027-12-01T02:00:00.000Z');
  });

  it('with days compressed to seconds, a red house is due 30 s after', () => {
    assert.equal(dueAtMs(INSPECTION_SCHEDULE_V1, 'red', basis, 1) - basis, 30_000);
  });

  it('a scheduling day is a Beijing calendar day (starting 16:00 UTC)', () => {
    assert.equal(new Date(scheduleDayStart(Date.parse('2026-12-07T05:30:00Z'), 86_400)).toISOString(), '2026-12-06T16:00:00.000Z');
    assert.equal(new Date(scheduleDayStart(Date.parse('2026-12-07T16:00:00Z'), 86_400)).toISOString(), '2026-12-07T16:00:00.000Z');
    assert.equal(new Date(scheduleDayStart(Date.parse('2026-12-07T15:59:59Z'), 86_400)).toISOString(), '2026-12-06T16:00:00.000Z');
  });

  it('a compressed day is a slice of daySeconds', () => {
    const now = Date.parse('2026-12-07T05:30:01.700Z');
    assert.equal(new Date(scheduleDayStart(now, 2)).toISOString(), '2026-12-07T05:30:00.000Z');
  });
});
