import assert from 'node:assert/strict';
import { test } from 'node:test';
import { monthChoices, monthLabel } from './PeriodPicker.tsx';

test('months read the Chinese way whatever the browser language', () => {
  assert.equal(monthLabel('2026-01'), '2026年1月');
  assert.equal(monthLabel('2026-12'), '2026年12月');
});

test('the pickers offer 36 months up to this one, newest first, and keep a chosen month outside them', () => {
  const months = monthChoices('2026-12', ['2026-01', '2026-12']);
  assert.equal(months.length, 36);
  assert.deepEqual([months[0], months.at(-1)], ['2026-12', '2024-01']);
  assert.deepEqual(monthChoices('2026-12', ['2023-06']).at(-1), '2023-06');
});
