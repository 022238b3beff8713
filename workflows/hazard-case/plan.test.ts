/**
 * What completing each step does, branch by branch: the outcome, the next step and its deadline, the
 * case and house changes, the escalation and the BPMN path, as the read models and histories expect.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HAZARD_CASE_V1, HAZARD_CASE_V2 } from '../../definitions/hazard-case/index.ts';
import type { StepId } from '../../definitions/hazard-case/types.ts';
import type { CaseState } from './messages.ts';
import { completionPlan } from './plan.ts';
import { actor, caseState, task } from './test-fixtures.ts';

const INSPECTOR = actor('inspector', '441802006001');
const HOUSE = '441802006001000123';
const RESPONSIBLE = { name: '张三', phone: '13800138000', relation: 'owner' };
/** The end of 2026-03-31 in Beijing. */
const END_OF_MARCH_31 = '2026-03-31T15:59:59.999Z';

function plan(step: StepId, form: Record<string, unknown>, state: Partial<CaseState> = {}, afterControl = false, def = HAZARD_CASE_V1) {
  const p = completionPlan(def, caseState(state), task(step), { form, actor: INSPECTOR, fileIds: [] }, HOUSE, afterControl);
  const next = p.nextStep ? task(p.nextStep) : null;
  return { ...p, path: p.path(next) };
}

describe('completing a task', () => {
  for (const def of [HAZARD_CASE_V1, HAZARD_CASE_V2]) {
    it(`v${def.version}: assigning a general case sends it to rectify by the officer's deadline`, () => {
      const p = plan(
        'assign',
        { responsibleParty: RESPONSIBLE, measures: ['repair_reinforce'], rectifyDeadline: '2026-03-31' },
        {},
        false,
        def,
      );
      assert.equal(p.outcome, 'assigned');
      assert.equal(p.nextStep, 'rectify');
      assert.equal(p.nextDueAt, END_OF_MARCH_31);
      assert.deepEqual(p.caseChange, {
        status: 'rectifying',
        responsible: RESPONSIBLE,
        measures: ['repair_reinforce'],
        rectifyDeadline: '2026-03-31',
      });
      assert.deepEqual(p.stateChange, { rectifyDeadline: '2026-03-31' });
      assert.deepEqual(p.path, ['Gateway_severity', 'Gateway_to_rectify', 'Task_rectify']);
      assert.equal(p.closes, false);
      assert.equal(p.escalate, null);
      assert.equal(p.building, null);
    });
  }

  it('assigning a serious case sends it to control first, keeping the deadline for rectify', () => {
    const p = plan(
      'assign',
      { responsibleParty: RESPONSIBLE, measures: ['demolish'], rectifyDeadline: '2026-03-31' },
      { severity: 'serious' },
    );
    assert.equal(p.nextStep, 'control');
    assert.equal(p.nextDueAt, undefined);
    assert.equal(p.caseChange.status, 'controlling');
    assert.deepEqual(p.stateChange, { rectifyDeadline: '2026-03-31' });
    assert.deepEqual(p.path, ['Gateway_severity', 'Task_control']);
  });

  it('assigning without a deadline leaves rectify its default one', () => {
    const p = plan('assign', { responsibleParty: RESPONSIBLE, measures: ['appraisal'] });
    assert.equal(p.nextDueAt, undefined);
    assert.equal(p.caseChange.rectifyDeadline, null);
  });

  it('controlling sends the case to rectify, by the assignment deadline only when patched in', () => {
    const patchedIn = plan('control', {}, { severity: 'serious', rectifyDeadline: '2026-03-31' }, true);
    assert.equal(patchedIn.outcome, 'controlled');
    assert.equal(patchedIn.nextStep, 'rectify');
    assert.equal(patchedIn.nextDueAt, END_OF_MARCH_31);
    assert.deepEqual(patchedIn.caseChange, { status: 'rectifying' });
    assert.deepEqual(patchedIn.path, ['Gateway_to_rectify', 'Task_rectify']);
    assert.equal(plan('control', {}, { severity: 'serious', rectifyDeadline: '2026-03-31' }, false).nextDueAt, undefined);
    assert.equal(plan('control', {}, { severity: 'serious', rectifyDeadline: null }, true).nextDueAt, undefined);
  });

  it('rectifying sends the case to recheck and records who submitted the evidence', () => {
    const p = plan('rectify', { description: '已加固', appraisalGrade: 'B', demolished: true });
    assert.equal(p.outcome, 'submitted');
    assert.equal(p.nextStep, 'recheck');
    assert.deepEqual(p.caseChange, { status: 'rechecking', evidenceSubmitterId: INSPECTOR.id, appraisalGrade: 'B', demolished: true });
    assert.deepEqual(p.stateChange, { evidenceSubmitterId: INSPECTOR.id, appraisalGrade: 'B', demolished: true });
    assert.deepEqual(p.path, ['Task_recheck']);
    assert.deepEqual(plan('rectify', { description: '已整改' }).caseChange, { status: 'rechecking', evidenceSubmitterId: INSPECTOR.id });
  });

  it('a passed recheck sends the case to close', () => {
    const p = plan('recheck', { result: 'pass' }, { recheckFailures: 1 });
    assert.equal(p.outcome, 'pass');
    assert.equal(p.nextStep, 'close');
    assert.deepEqual(p.caseChange, { status: 'closing' });
    assert.deepEqual(p.stateChange, {});
    assert.deepEqual(p.path, ['Gateway_recheck', 'Task_close']);
  });

  it('a failed recheck sends the case back to rectify and counts the failure', () => {
    const p = plan('recheck', { result: 'fail', reasons: '裂缝未修复' });
    assert.equal(p.outcome, 'fail');
    assert.equal(p.nextStep, 'rectify');
    assert.deepEqual(p.caseChange, { status: 'rectifying', recheckFailures: 1 });
    assert.deepEqual(p.stateChange, { recheckFailures: 1 });
    assert.equal(p.escalate, null);
    assert.deepEqual(p.path, ['Gateway_recheck', 'Gateway_to_rectify', 'Task_rectify']);
  });

  it('when the recheck fails twice, the case escalates on its way back to rectify', () => {
    const p = plan('recheck', { result: 'fail', reasons: '仍未修复' }, { recheckFailures: 1 });
    assert.deepEqual(p.caseChange, { status: 'rectifying', recheckFailures: 2 });
    assert.deepEqual(p.escalate, { reason: 'recheck_failed_twice', text: '复核第 2 次不通过' });
    assert.deepEqual(p.path, ['Gateway_recheck', 'Event_recheck_escalation', 'Gateway_to_rectify', 'Task_rectify']);
    assert.deepEqual(plan('recheck', { result: 'fail' }, { recheckFailures: 2 }).escalate, {
      reason: 'recheck_failed_twice',
      text: '复核第 3 次不通过',
    });
  });

  it('closing ends the case and marks the house rectified, with the form grade or the known one', () => {
    const p = plan('close', { signRemoved: true, appraisalGrade: 'A' });
    assert.equal(p.outcome, 'closed');
    assert.equal(p.nextStep, null);
    assert.equal(p.closes, true);
    assert.deepEqual(p.caseChange, { status: 'closed', appraisalGrade: 'A', closed: true });
    assert.deepEqual(p.building, { code: HOUSE, latestJudgement: 'none', rectificationStatus: 'done', appraisalGrade: 'A' });
    assert.deepEqual(p.path, ['EndEvent_closed']);
    assert.equal(plan('close', { signRemoved: true }, { appraisalGrade: 'B' }).building?.appraisalGrade, 'B');
    const demolished = plan('close', { signRemoved: true, demolished: true });
    assert.deepEqual(demolished.caseChange, { status: 'closed', demolished: true, closed: true });
    assert.equal(demolished.building?.appraisalGrade, null);
  });

  it('a refused escalation sent again escalates anew, leaving the case where it is', () => {
    const p = plan('escalationRefused', { action: 'resent', note: '补充材料' });
    assert.equal(p.outcome, 'resent');
    assert.equal(p.nextStep, null);
    assert.equal(p.closes, false);
    assert.deepEqual(p.caseChange, { status: undefined });
    assert.deepEqual(p.escalate, { reason: 'resent', text: '督办重新上报：补充材料' });
    assert.deepEqual(p.path, []);
  });

  it('a refused escalation handled ends its branch', () => {
    const p = plan('escalationRefused', { action: 'handled', note: '已电话沟通' });
    assert.equal(p.outcome, 'handled');
    assert.equal(p.escalate, null);
    assert.deepEqual(p.caseChange, { status: undefined });
    assert.deepEqual(p.path, ['EndEvent_escalation_handled']);
  });
});
