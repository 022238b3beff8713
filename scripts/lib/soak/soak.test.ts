/** The soak's pure parts: its window statistics and recovery times, and a verdict that does fail. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCases, checkEscalations, checkIntake, checkSoak, checkSteps, checkUnknownCases } from './check.ts';
import type { SoakFacts } from './check.ts';
import { latencyTable, recoveries, statusCounts } from './stats.ts';
import type { Sample } from './stats.ts';

const sample = (kind: string, due: number, latencyMs: number, statuses = [200]): Sample => ({
  kind,
  due,
  latencyMs,
  ok: (statuses.at(-1) ?? 0) >= 200 && (statuses.at(-1) ?? 0) < 300,
  statuses,
});

describe('soak statistics', () => {
  // 100 reads a second apart at 10 ms, except 10 s from t = 50 s where a fault makes them 1 s and the first two fail first.
  const samples = Array.from({ length: 100 }, (_, i) => {
    const due = i * 1000;
    if (i >= 50 && i < 52) return sample('read', due, 4000, [502, 200]);
    if (i >= 52 && i < 60) return sample('read', due, 1000);
    return sample('read', due, 10);
  });
  const fault = { name: 'api', start: 50_000, end: 55_000 };

  it('splits each kind’s percentiles into the fault’s window and the rest', () => {
    const row = latencyTable(samples, [fault]).get('read');
    assert.ok(row);
    assert.equal(row.during.get('api')?.count, 6);
    assert.equal(row.during.get('api')?.p50, 1000);
    assert.equal(row.during.get('api')?.p99, 4000);
    assert.equal(row.outside.count, 94);
    assert.equal(row.outside.p50, 10);
    // The four slow reads after the window are outside it: they show in its tail.
    assert.equal(row.outside.p99, 1000);
  });

  it('measures recovery: the first first-try success, and the return under the baseline p95', () => {
    const [r] = recoveries(samples, [fault], 5);
    assert.equal(r?.firstSuccess, 3, 'the third read, due at +2 s, answered 1 s later');
    assert.equal(r?.backToBaseline, 10, 'from t = 60 s the reads are back at 10 ms');
    const [never] = recoveries(
      samples.map((s) => (s.due >= 50_000 ? { ...s, ok: false, statuses: [503] } : s)),
      [fault],
    );
    assert.equal(never?.firstSuccess, undefined);
    assert.equal(never?.backToBaseline, undefined);
  });

  it('counts every answer by status', () => {
    assert.deepEqual([...(statusCounts(samples).get('read') ?? [])].sort(), [
      [200, 100],
      [502, 2],
    ]);
  });
});

describe('soak verdict', () => {
  const good: SoakFacts = {
    acked: [
      { caseId: 'c1', taskId: 't1', step: 'assign' },
      { caseId: 'c1', taskId: 't2', step: 'close' },
    ],
    events: [
      { caseId: 'c1', type: 'case.registered', taskId: null },
      { caseId: 'c1', type: 'task.completed', taskId: 't1' },
      { caseId: 'c1', type: 'task.completed', taskId: 't2' },
      { caseId: 'c2', type: 'task.overdue', taskId: 't3' },
    ],
    cases: [
      { id: 'c1', number: 'A1', status: 'closed' },
      { id: 'c2', number: 'A2', status: 'assigning' },
    ],
    expectations: [
      { caseId: 'c1', status: 'closed' },
      { caseId: 'c2', status: 'assigning', escalations: 1 },
    ],
    escalations: [{ caseId: 'c2', no: 1, reason: 'overdue', status: 'accepted', receiptId: 'r1' }],
    received: [{ idempotencyKey: 'c2:1', receiptId: 'r1' }],
    complaints: { acked: ['TS1'], stored: ['TS1', 'TS2'] },
    inspections: { acked: ['i1'], stored: ['i1'] },
    registrationsGivenUp: 0,
  };

  it('passes when everything acknowledged is there once', () => {
    assert.deepEqual(checkSoak(good), []);
  });

  it('finds a lost step and a step applied twice', () => {
    const lost = checkSteps(
      good.acked,
      good.events.filter((e) => e.taskId !== 't2'),
    );
    assert.equal(lost.length, 1);
    assert.match(lost[0] ?? '', /lost step: case c1 close/);
    const twice = checkSteps(good.acked, [...good.events, { caseId: 'c1', type: 'task.completed', taskId: 't1' }]);
    assert.deepEqual(twice, ['step applied 2 times: case/task c1/t1']);
  });

  it('finds a case in the wrong state, a doubled escalation and a task overdue twice', () => {
    assert.deepEqual(checkCases({ ...good, cases: [{ id: 'c1', number: 'A1', status: 'rechecking' }, good.cases[1]!] }), [
      'case A1 is rechecking, expected closed',
    ]);
    const doubled = checkCases({ ...good, escalations: [...good.escalations, { ...good.escalations[0]!, no: 2 }] });
    assert.deepEqual(doubled, ['case A2 has 2 escalations, expected 1', 'case A2: 1 overdue tasks but 2 overdue escalations']);
    const overdueTwice = checkCases({ ...good, events: [...good.events, { caseId: 'c2', type: 'task.overdue', taskId: 't3' }] });
    assert.deepEqual(overdueTwice, ['task overdue 2 times: case/task c2/t3']);
  });

  it('finds an escalation not delivered, delivered twice, under another receipt, or never sent', () => {
    assert.deepEqual(checkEscalations(good.escalations, []), ['escalation c2:1 never reached the supervision system']);
    assert.deepEqual(checkEscalations(good.escalations, [...good.received, ...good.received]), [
      'escalation c2:1 recorded 2 times by the supervision system',
    ]);
    assert.deepEqual(checkEscalations(good.escalations, [{ idempotencyKey: 'c2:1', receiptId: 'r9' }]), [
      'escalation c2:1: receipt r1 on the case, r9 at the supervision system',
    ]);
    assert.deepEqual(checkEscalations([{ ...good.escalations[0]!, status: 'sending' }], good.received), [
      'escalation c2:1 is still being sent',
    ]);
    assert.deepEqual(checkEscalations([], good.received), ['the supervision system received c2:1, which no case sent']);
  });

  it('finds a case nobody was told of, beyond one per registration given up', () => {
    const cases = [...good.cases, { id: 'c9', number: 'A9', status: 'assigning' }];
    assert.deepEqual(checkUnknownCases({ ...good, cases, registrationsGivenUp: 1 }), []);
    assert.deepEqual(checkUnknownCases({ ...good, cases }), [
      '1 cases nobody was told of (at most 0 registrations were given up): a retried registration made a second case (e.g. A9)',
    ]);
  });

  it('finds an acknowledged complaint or inspection that is not stored', () => {
    assert.deepEqual(checkIntake({ complaints: { acked: ['TS1', 'TS3'], stored: ['TS1'] }, inspections: { acked: ['i2'], stored: [] } }), [
      'complaint TS3 was acknowledged but is not stored',
      'inspection i2 was acknowledged but is not stored',
    ]);
  });
});
