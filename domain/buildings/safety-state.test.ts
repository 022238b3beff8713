import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deriveSafetyState, safetyChanges } from './safety-state.ts';
import type { SafetyCase, SafetyState } from './safety-state.ts';

const CLEAN: SafetyState = {
  latestJudgement: 'none',
  latestJudgementAt: '2022-06-03',
  rectificationStatus: 'not_needed',
  rectificationMeasures: null,
};
const open = (over: Partial<SafetyCase> = {}): SafetyCase => ({
  severity: 'general',
  status: 'assigning',
  measures: null,
  endedOn: null,
  ...over,
});
const ended = (status: 'closed' | 'cancelled', endedOn: string, over: Partial<SafetyCase> = {}): SafetyCase => ({
  severity: 'general',
  status,
  measures: null,
  endedOn,
  ...over,
});

test('a house with one case still open is never safe, whatever the others did', () => {
  const state = deriveSafetyState({
    recorded: { ...CLEAN, latestJudgement: 'some', latestJudgementAt: '2026-12-01', rectificationStatus: 'in_progress' },
    latestInspection: { judgement: 'some', date: '2026-12-01' },
    cases: [ended('closed', '2026-12-05', { measures: ['repair_reinforce'] }), open({ status: 'assigning' })],
    eventDate: '2026-12-05',
  });
  assert.equal(state.latestJudgement, 'some');
  assert.equal(state.rectificationStatus, 'pending');
  assert.equal(state.latestJudgementAt, '2026-12-01', 'the judgement stayed, so its date stays');
});

test('a confirmed complaint that opened a case turns a clean house into one with a hazard, dated that day', () => {
  const state = deriveSafetyState({
    recorded: CLEAN,
    latestInspection: null,
    cases: [open({ status: 'registered' })],
    eventDate: '2026-12-06',
  });
  assert.deepEqual(state, {
    latestJudgement: 'some',
    latestJudgementAt: '2026-12-06',
    rectificationStatus: 'pending',
    rectificationMeasures: null,
  });
});

test('an open serious case under control shows the serious judgement, 整治中 and the assigned measures', () => {
  const state = deriveSafetyState({
    recorded: CLEAN,
    latestInspection: { judgement: 'serious', date: '2026-12-01' },
    cases: [
      open({ severity: 'serious', status: 'controlling', measures: ['repair_reinforce', 'stop_use_evacuate'] }),
      open({ severity: 'serious', status: 'assigning' }),
    ],
    eventDate: '2026-12-02',
  });
  assert.equal(state.latestJudgement, 'serious');
  assert.equal(state.rectificationStatus, 'in_progress');
  assert.equal(state.rectificationMeasures, '停止使用、人员撤离；维修加固', 'in the form’s order, once each');
});

test('a serious and a general case open: the serious one decides', () => {
  const state = deriveSafetyState({
    recorded: CLEAN,
    latestInspection: null,
    cases: [open(), open({ severity: 'serious' })],
    eventDate: '2026-12-02',
  });
  assert.equal(state.latestJudgement, 'serious');
});

test('when the last open case closes, the house is 未发现安全隐患 and 已完成整治 with the measures taken', () => {
  const state = deriveSafetyState({
    recorded: {
      latestJudgement: 'some',
      latestJudgementAt: '2026-12-01',
      rectificationStatus: 'in_progress',
      rectificationMeasures: '维修加固',
    },
    latestInspection: { judgement: 'some', date: '2026-12-01' },
    cases: [ended('closed', '2026-12-04', { measures: ['appraisal'] }), ended('closed', '2026-12-06', { measures: ['repair_reinforce'] })],
    eventDate: '2026-12-06',
  });
  assert.deepEqual(state, {
    latestJudgement: 'none',
    latestJudgementAt: '2026-12-06',
    rectificationStatus: 'done',
    rectificationMeasures: '维修加固；委托有资质机构鉴定',
  });
});

test('a case withdrawn (撤销) leaves no hazard and nothing to rectify', () => {
  const state = deriveSafetyState({
    recorded: { latestJudgement: 'some', latestJudgementAt: '2026-12-02', rectificationStatus: 'pending', rectificationMeasures: null },
    latestInspection: null,
    cases: [ended('cancelled', '2026-12-03')],
    eventDate: '2026-12-03',
  });
  assert.equal(state.latestJudgement, 'none');
  assert.equal(state.rectificationStatus, 'not_needed');
});

test('a case closed before the latest inspection does not override what that inspection found', () => {
  const state = deriveSafetyState({
    recorded: { latestJudgement: 'none', latestJudgementAt: '2026-10-01', rectificationStatus: 'done', rectificationMeasures: '维修加固' },
    latestInspection: { judgement: 'none', date: '2026-12-01' },
    cases: [ended('closed', '2026-10-01', { measures: ['repair_reinforce'] })],
    eventDate: '2026-12-01',
  });
  assert.deepEqual(state, {
    latestJudgement: 'none',
    latestJudgementAt: '2026-12-01',
    rectificationStatus: 'done',
    rectificationMeasures: '维修加固',
  });
});

test('an inspection older than the registry’s judgement changes nothing; a newer one gives its judgement', () => {
  const recorded: SafetyState = {
    latestJudgement: 'some',
    latestJudgementAt: '2026-12-05',
    rectificationStatus: 'pending',
    rectificationMeasures: null,
  };
  const older = deriveSafetyState({
    recorded,
    latestInspection: { judgement: 'none', date: '2026-12-04' },
    cases: [],
    eventDate: '2026-12-06',
  });
  assert.deepEqual(older, recorded);
  const newer = deriveSafetyState({
    recorded,
    latestInspection: { judgement: 'none', date: '2026-12-06' },
    cases: [],
    eventDate: '2026-12-06',
  });
  assert.deepEqual(newer, {
    latestJudgement: 'none',
    latestJudgementAt: '2026-12-06',
    rectificationStatus: 'not_needed',
    rectificationMeasures: null,
  });
});

test('a house never inspected and never in a case keeps what the registry holds (an import, an officer’s entry)', () => {
  const recorded: SafetyState = {
    latestJudgement: 'serious',
    latestJudgementAt: '2022-06-03',
    rectificationStatus: 'in_progress',
    rectificationMeasures: '加固',
  };
  assert.deepEqual(deriveSafetyState({ recorded, latestInspection: null, cases: [], eventDate: '2026-12-06' }), recorded);
});

test('safetyChanges names only the fields whose value changed', () => {
  assert.deepEqual(safetyChanges(CLEAN, { ...CLEAN, latestJudgement: 'some', latestJudgementAt: '2026-12-06' }), {
    latestJudgement: 'some',
    latestJudgementAt: '2026-12-06',
  });
  assert.deepEqual(safetyChanges(CLEAN, { ...CLEAN }), {});
});
