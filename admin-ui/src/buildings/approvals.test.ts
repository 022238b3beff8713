import assert from 'node:assert/strict';
import { test } from 'node:test';
import { todayOrEarlier } from './ApprovalsInput.tsx';

test('an approval dated today in Beijing is accepted while UTC is still on yesterday', () => {
  const earlyBeijingMorning = new Date('2026-12-06T17:30:00Z'); // 01:30 on the 7th in Beijing
  assert.equal(todayOrEarlier('2026-12-07', earlyBeijingMorning), undefined);
  assert.equal(todayOrEarlier('2026-12-08', earlyBeijingMorning), 'resources.buildings.validation.future');
});
