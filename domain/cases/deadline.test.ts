import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deadlineInForce } from './deadline.ts';

test('with no date set, the open rectify task carries the default deadline (its Beijing date)', () => {
  assert.deepEqual(deadlineInForce(null, { dueAt: '2027-03-05T16:30:00.000Z', open: true }), { date: '2027-03-06', byDefault: true });
});

test('a date the officer set is the deadline, before rectification starts and while it runs', () => {
  assert.deepEqual(deadlineInForce('2027-01-15', null), { date: '2027-01-15', byDefault: false });
  assert.deepEqual(deadlineInForce('2027-01-15', { dueAt: '2027-01-15T15:59:59.999Z', open: true }), {
    date: '2027-01-15',
    byDefault: false,
  });
});

test('the running timer wins over a set date it does not match (a rectification sent back after a failed recheck)', () => {
  assert.deepEqual(deadlineInForce('2027-01-15', { dueAt: '2027-02-20T03:00:00.000Z', open: true }), {
    date: '2027-02-20',
    byDefault: true,
  });
});

test('after rectification the last rectify task still tells the default deadline; before assignment there is none', () => {
  assert.deepEqual(deadlineInForce(null, { dueAt: '2027-03-05T16:30:00.000Z', open: false }), { date: '2027-03-06', byDefault: true });
  assert.equal(deadlineInForce(null, null), null);
});
