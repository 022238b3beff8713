/**
 * Risk tiers v1, rule by rule: each rule matches the house it describes and not the one next to it,
 * and the tier is the worst matching rule's, with every matching rule listed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CURRENT_RISK_VERSION, RISK_TIERS_V1, assessRisk, riskTierDefinition } from './index.ts';
import type { RiskInput } from './index.ts';

const NOW = '2026-12-06T04:00:00.000Z'; // 12:00 in Beijing

/** A house no rule looks twice at: own home, 2 floors, inspected this year, nothing open. */
const house = (over: Partial<RiskInput> = {}): RiskInput => ({
  use: 'own_home',
  businessCategory: null,
  floorsAbove: 2,
  alteration: 'none',
  approvals: [],
  latestJudgement: 'none',
  latestJudgementAt: '2026-06-01',
  appraisalGrade: null,
  openCases: [],
  now: NOW,
  ...over,
});

const rules = (over: Partial<RiskInput>) => assessRisk(RISK_TIERS_V1, house(over)).reasons.map((r) => r.rule);

describe('risk tiers v1: each rule', () => {
  it('a house no rule matches is green with no reasons', () => {
    assert.deepEqual(assessRisk(RISK_TIERS_V1, house()), { tier: 'green', reasons: [] });
  });

  it('存在严重安全隐患 is red (serious_judgement)', () => {
    const a = assessRisk(RISK_TIERS_V1, house({ latestJudgement: 'serious' }));
    assert.equal(a.tier, 'red');
    assert.deepEqual(a.reasons, [{ rule: 'serious_judgement', tier: 'red', text: '排查结论为存在严重安全隐患' }]);
  });

  it('appraisal grade C or D is red, A or B is not (appraisal_cd)', () => {
    assert.deepEqual(rules({ appraisalGrade: 'C' }), ['appraisal_cd']);
    assert.deepEqual(rules({ appraisalGrade: 'D' }), ['appraisal_cd']);
    assert.deepEqual(rules({ appraisalGrade: 'B' }), []);
  });

  it('business or mixed use on 3 floors or more is orange, on 2 floors not (business_3_floors)', () => {
    assert.deepEqual(rules({ use: 'business', businessCategory: 'retail', floorsAbove: 3 }), ['business_3_floors']);
    assert.deepEqual(rules({ use: 'mixed', businessCategory: 'production', floorsAbove: 5 }), ['business_3_floors']);
    assert.deepEqual(rules({ use: 'business', businessCategory: 'retail', floorsAbove: 2 }), []);
    assert.deepEqual(rules({ use: 'rental', floorsAbove: 6 }), []);
  });

  it('crowded use without an appraisal is orange, with one it is not (crowded_no_appraisal)', () => {
    assert.deepEqual(rules({ use: 'business', businessCategory: 'lodging' }), ['crowded_no_appraisal']);
    assert.deepEqual(rules({ use: 'business', businessCategory: 'lodging', appraisalGrade: 'A' }), []);
    assert.deepEqual(rules({ use: 'business', businessCategory: 'warehousing' }), []);
  });

  it('an open serious case is orange (open_serious_case)', () => {
    const a = assessRisk(RISK_TIERS_V1, house({ openCases: [{ severity: 'serious', dueAt: null }] }));
    assert.equal(a.tier, 'orange');
    assert.deepEqual(
      a.reasons.map((r) => r.rule),
      ['open_serious_case'],
    );
  });

  it('an open case past its deadline is orange; one due later is not (overdue_case)', () => {
    assert.deepEqual(rules({ openCases: [{ severity: 'general', dueAt: '2026-12-06T03:59:59.000Z' }] }), [
      'overdue_case',
      'open_general_case',
    ]);
    assert.deepEqual(rules({ openCases: [{ severity: 'general', dueAt: '2026-12-06T04:00:01.000Z' }] }), ['open_general_case']);
  });

  it('an open general case is yellow (open_general_case)', () => {
    const a = assessRisk(RISK_TIERS_V1, house({ openCases: [{ severity: 'general', dueAt: null }] }));
    assert.equal(a.tier, 'yellow');
    assert.deepEqual(a.reasons, [{ rule: 'open_general_case', tier: 'yellow', text: '有未销号的一般隐患案件' }]);
  });

  it('alterations without an approval are yellow; with one, or none altered, not (alteration_no_approval)', () => {
    assert.deepEqual(rules({ alteration: 'added_floors', approvals: [] }), ['alteration_no_approval']);
    assert.deepEqual(rules({ alteration: 'extension', approvals: null }), ['alteration_no_approval']);
    assert.deepEqual(rules({ alteration: 'extension', approvals: [{ type: 'construction_permit', number: 'X-1', date: null }] }), []);
    assert.deepEqual(rules({ alteration: 'none', approvals: [] }), []);
  });

  it('no judgement within 365 days (Beijing dates), or none at all, is yellow (inspection_overdue)', () => {
    // Beijing today is 2026-12-06; 365 days before is 2025-12-06: a judgement of that day is still current.
    assert.deepEqual(rules({ latestJudgementAt: '2025-12-06' }), []);
    assert.deepEqual(rules({ latestJudgementAt: '2025-12-05' }), ['inspection_overdue']);
    assert.deepEqual(rules({ latestJudgement: null, latestJudgementAt: null }), ['inspection_overdue']);
    // 23:30 UTC on 2026-12-06 is already 2026-12-07 in Beijing: 2025-12-06 has now run out.
    assert.deepEqual(rules({ latestJudgementAt: '2025-12-06', now: '2026-12-06T23:30:00.000Z' }), ['inspection_overdue']);
  });

  it('存在一定安全隐患 is yellow (some_judgement)', () => {
    assert.deepEqual(rules({ latestJudgement: 'some' }), ['some_judgement']);
  });
});

describe('risk tiers v1: the worst tier wins', () => {
  it('the tier is the worst matching rule, and every matching rule is listed worst first', () => {
    const a = assessRisk(
      RISK_TIERS_V1,
      house({
        latestJudgement: 'some',
        alteration: 'added_floors',
        use: 'business',
        businessCategory: 'catering',
        floorsAbove: 4,
        appraisalGrade: 'D',
        openCases: [{ severity: 'general', dueAt: null }],
      }),
    );
    assert.equal(a.tier, 'red');
    assert.deepEqual(
      a.reasons.map((r) => `${r.tier}:${r.rule}`),
      [
        'red:appraisal_cd',
        'orange:business_3_floors',
        'yellow:open_general_case',
        'yellow:alteration_no_approval',
        'yellow:some_judgement',
      ],
    );
  });

  it('orange beats yellow, yellow beats green', () => {
    assert.equal(
      assessRisk(RISK_TIERS_V1, house({ latestJudgement: 'some', openCases: [{ severity: 'serious', dueAt: null }] })).tier,
      'orange',
    );
    assert.equal(assessRisk(RISK_TIERS_V1, house({ latestJudgementAt: null, latestJudgement: null })).tier, 'yellow');
  });
});

describe('risk tier definitions', () => {
  it('the current version is known, rule ids are unique and every rule has a Chinese reason', () => {
    const def = riskTierDefinition();
    assert.equal(def.version, CURRENT_RISK_VERSION);
    const ids = def.rules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of def.rules) assert.match(r.text, /[\u4e00-\u9fff]/);
    assert.throws(() => riskTierDefinition(99), /Unknown risk tier definition version 99/);
  });
});
