/**
 * The eligibility rule reads the definition: the four-eyes rule applies to the steps that carry it,
 * so a definition that moved it to another step would be obeyed by the workflow and the inbox alike.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NOT_BY_EVIDENCE_SUBMITTER, ineligibility } from './eligibility.ts';
import { HAZARD_CASE_V1, HAZARD_CASE_V2 } from './index.ts';
import type { HazardCaseDefinition } from './types.ts';

const inspector = { id: 'u-1', role: 'inspector', regionCode: '441802006001' };
const task = (step: 'recheck' | 'close') => ({ step, roles: ['inspector', 'town_officer'], regionCode: '441802006' });

describe('eligibility', () => {
  test('the recheck is the only four-eyes step of the versions in use', () => {
    assert.deepEqual(NOT_BY_EVIDENCE_SUBMITTER, ['recheck']);
    assert.equal(HAZARD_CASE_V2.steps.recheck.notByEvidenceSubmitter, true);
  });

  test('the evidence submitter may not recheck, another inspector may', () => {
    assert.equal(ineligibility(HAZARD_CASE_V1, task('recheck'), inspector, 'u-1'), 'ownEvidence');
    assert.equal(ineligibility(HAZARD_CASE_V1, task('recheck'), inspector, 'u-2'), null);
    assert.equal(ineligibility(HAZARD_CASE_V1, task('close'), inspector, 'u-1'), null);
  });

  test('the rule follows the flag, not the step name', () => {
    const moved: HazardCaseDefinition = {
      ...HAZARD_CASE_V1,
      steps: {
        ...HAZARD_CASE_V1.steps,
        recheck: { ...HAZARD_CASE_V1.steps.recheck, notByEvidenceSubmitter: false },
        close: { ...HAZARD_CASE_V1.steps.close, notByEvidenceSubmitter: true },
      },
    };
    assert.equal(ineligibility(moved, task('recheck'), inspector, 'u-1'), null);
    assert.equal(ineligibility(moved, task('close'), inspector, 'u-1'), 'ownEvidence');
  });

  test('role and region come first', () => {
    assert.equal(ineligibility(HAZARD_CASE_V1, task('recheck'), { ...inspector, role: 'auditor' }, null), 'roleOrRegion');
    assert.equal(ineligibility(HAZARD_CASE_V1, task('recheck'), { ...inspector, regionCode: '441802007001' }, null), 'roleOrRegion');
  });
});
