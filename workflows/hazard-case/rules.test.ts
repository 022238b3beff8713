/**
 * The case rules the update validators run: who may work a task (role, region either way, the
 * recheck's four-eyes rule), claiming and releasing, the serious case's closing gate, and deadlines.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HAZARD_CASE_V1 } from '../../definitions/hazard-case/index.ts';
import { REFUSAL } from './messages.ts';
import { Refusal, checkClaim, checkClosingGate, checkEligible, checkRelease, dueAt, findTask, taskRegion } from './rules.ts';
import { VILLAGE, actor, caseState, task } from './test-fixtures.ts';

const refused = (type: string, message?: RegExp) => (e: unknown) =>
  e instanceof Refusal && e.type === type && (!message || message.test(e.message));

const TOWN = '441802006';
const DISTRICT = '441802';

describe('who may work a task', () => {
  const rectify = task('rectify');
  const state = caseState({ openTasks: [rectify] });

  it('cuts the village to the step region level', () => {
    assert.equal(taskRegion(VILLAGE, 'village'), VILLAGE);
    assert.equal(taskRegion(VILLAGE, 'town'), TOWN);
    assert.equal(taskRegion(VILLAGE, 'district'), DISTRICT);
  });

  it('lets a user of the step role work it inside their region or from a region holding it', () => {
    assert.doesNotThrow(() => checkEligible(state, rectify, actor('inspector', VILLAGE)));
    assert.doesNotThrow(() => checkEligible(state, rectify, actor('inspector', TOWN)));
    assert.doesNotThrow(() => checkEligible(state, task('assign'), actor('town_officer', TOWN)));
    // A village inspector may recheck a town-level task of their town.
    assert.doesNotThrow(() => checkEligible(state, task('recheck'), actor('inspector', VILLAGE)));
  });

  it('refuses another role or another region', () => {
    assert.throws(() => checkEligible(state, rectify, actor('town_officer', TOWN)), refused(REFUSAL.forbidden, /角色或辖区/));
    assert.throws(() => checkEligible(state, rectify, actor('inspector', '441802006002')), refused(REFUSAL.forbidden));
    assert.throws(() => checkEligible(state, task('assign'), actor('town_officer', '441802007')), refused(REFUSAL.forbidden));
  });

  it('never lets the submitter of the evidence recheck it', () => {
    const submitter = actor('inspector', VILLAGE, 'u-submitter');
    const after = caseState({ evidenceSubmitterId: submitter.id });
    assert.throws(() => checkEligible(after, task('recheck'), submitter), refused(REFUSAL.forbidden, /复核人不能是整改材料的提交人/));
    assert.doesNotThrow(() => checkEligible(after, task('rectify'), submitter));
    assert.doesNotThrow(() => checkEligible(after, task('recheck'), actor('inspector', VILLAGE, 'u-other')));
  });
});

describe('claiming and releasing', () => {
  const me = actor('inspector', VILLAGE, 'u-me');

  it('refuses a task that is gone', () => {
    assert.throws(() => findTask(caseState(), 't-none'), refused(REFUSAL.conflict));
  });

  it('claims an open task or one already mine, never one claimed by another', () => {
    const open = task('rectify');
    assert.equal(checkClaim(caseState({ openTasks: [open] }), { taskId: open.id, actor: me }), open);
    const mine = task('rectify', { status: 'claimed', assigneeId: me.id });
    assert.equal(checkClaim(caseState({ openTasks: [mine] }), { taskId: mine.id, actor: me }), mine);
    const theirs = task('rectify', { status: 'claimed', assigneeId: 'u-other' });
    assert.throws(
      () => checkClaim(caseState({ openTasks: [theirs] }), { taskId: theirs.id, actor: me }),
      refused(REFUSAL.conflict, /已被他人认领/),
    );
  });

  it('releases only a claimed task, and only the holder or an officer', () => {
    const open = task('rectify');
    assert.throws(
      () => checkRelease(caseState({ openTasks: [open] }), { taskId: open.id, actor: me }),
      refused(REFUSAL.conflict, /未被认领/),
    );
    const theirs = task('rectify', { status: 'claimed', assigneeId: 'u-other' });
    const state = caseState({ openTasks: [theirs] });
    assert.throws(() => checkRelease(state, { taskId: theirs.id, actor: me }), refused(REFUSAL.forbidden));
    assert.equal(checkRelease(state, { taskId: theirs.id, actor: actor('town_officer', TOWN) }), theirs);
    assert.equal(checkRelease(state, { taskId: theirs.id, actor: actor('inspector', VILLAGE, 'u-other') }), theirs);
  });
});

describe('the closing gate of a serious case', () => {
  const serious = caseState({ severity: 'serious' });

  it('lets a general case close without a grade', () => {
    assert.doesNotThrow(() => checkClosingGate(caseState(), {}, []));
  });

  it('needs grade A or B, from the form or the rectification', () => {
    assert.doesNotThrow(() => checkClosingGate(serious, { appraisalGrade: 'A' }, []));
    assert.doesNotThrow(() => checkClosingGate(caseState({ severity: 'serious', appraisalGrade: 'B' }), {}, []));
    assert.throws(() => checkClosingGate(serious, { appraisalGrade: 'C' }, []), refused(REFUSAL.rule, /A 级或 B 级/));
  });

  it('or proof of demolition', () => {
    assert.doesNotThrow(() => checkClosingGate(serious, { demolished: true }, ['f-1']));
    assert.doesNotThrow(() => checkClosingGate(caseState({ severity: 'serious', demolished: true }), {}, ['f-1']));
    assert.throws(() => checkClosingGate(serious, { demolished: true }, []), refused(REFUSAL.rule, /拆除证明/));
  });
});

describe('deadlines', () => {
  it('counts the step days in the case day length, per severity', () => {
    const now = Date.parse('2026-03-01T00:00:00Z');
    assert.equal(dueAt(HAZARD_CASE_V1.steps.rectify, 'serious', now, 86_400), '2026-03-31T00:00:00.000Z');
    assert.equal(dueAt(HAZARD_CASE_V1.steps.rectify, 'general', now, 1), '2026-03-01T00:01:30.000Z');
  });

  it('gives none to a step without a deadline for the severity', () => {
    assert.equal(dueAt(HAZARD_CASE_V1.steps.control, 'general', 0, 1), null);
  });
});
