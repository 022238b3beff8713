import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TaskContext } from '../types.ts';
import { anyTogether, togetherBody, togetherDefaults } from './together.ts';
import type { TogetherValue } from './together.ts';

const entries: TogetherValue[] = [
  { taskId: 'task-b', number: 'YH2026120600000002', selected: false, measures: [] },
  { taskId: 'task-c', number: 'YH2026120600000003', selected: false, measures: ['stop_use_evacuate'] },
];
const own = {
  responsibleParty: { name: '张三', relation: 'owner' as const },
  measures: ['repair_reinforce' as const],
  rectifyDeadline: undefined,
  note: undefined,
};

describe('assigning other cases together', () => {
  test('offered: the other cases waiting for an assignment the user may do now, serious ones starting with 停止使用', () => {
    const other = { category: 'ancillary', status: 'assigning', description: '', dueAt: null } as const;
    const context = {
      otherOpenCases: [
        { ...other, id: 'b', number: 'N-B', severity: 'general', assignTaskId: 'task-b', assignable: true },
        { ...other, id: 'c', number: 'N-C', severity: 'serious', assignTaskId: 'task-c', assignable: true },
        { ...other, id: 'd', number: 'N-D', severity: 'general', assignTaskId: 'task-d', assignable: false },
        { ...other, id: 'e', number: 'N-E', severity: 'general', assignTaskId: null, assignable: false },
      ],
    } as unknown as TaskContext;
    assert.deepEqual(
      togetherDefaults(context).map((v) => [v.taskId, v.measures]),
      [
        ['task-b', []],
        ['task-c', ['stop_use_evacuate']],
      ],
    );
    assert.deepEqual(togetherDefaults(undefined), []);
  });

  test('nothing ticked: no batch', () => {
    assert.equal(anyTogether({ together: [{ selected: false }, {}] }, entries), false);
    assert.equal(anyTogether({}, entries), false);
  });

  test('the ticked cases follow the open one, each with its own measures and deadline and the one party', () => {
    const values = { together: [{ selected: false }, { selected: true, measures: ['appraisal'], rectifyDeadline: '2099-01-31' }] };
    assert.equal(anyTogether(values, entries), true);
    const built = togetherBody('task-a', own, values, entries);
    assert.ok(built.ok);
    assert.deepEqual(built.body.responsibleParty, own.responsibleParty);
    assert.deepEqual(
      built.body.cases.map((c) => [c.taskId, c.measures, c.rectifyDeadline]),
      [
        ['task-a', ['repair_reinforce'], undefined],
        ['task-c', ['appraisal'], '2099-01-31'],
      ],
    );
  });

  test('the task ids come from the cases shown, not from the form values', () => {
    const values = { together: [{ selected: true, measures: ['demolish'], taskId: 'forged' }] };
    const built = togetherBody('task-a', own, values, entries);
    assert.ok(built.ok);
    assert.deepEqual(
      built.body.cases.map((c) => c.taskId),
      ['task-a', 'task-b'],
    );
  });

  test('a ticked case without measures is named on its own input', () => {
    const built = togetherBody('task-a', own, { together: [{ selected: true, measures: [] }] }, entries);
    assert.deepEqual(built, { ok: false, errors: { 'together.0.measures': 'ra.validation.required' } });
  });
});
