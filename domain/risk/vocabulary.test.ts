/**
 * The risk tier definitions name the house file's own values: definitions/ may import nothing of the
 * project, so their lists are copies, and this keeps the copies honest (a renamed use or category
 * would otherwise silently stop a rule from matching).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RISK_TIERS, RISK_TIER_DEFINITIONS } from '../../definitions/risk-tiers/index.ts';
import { ALTERATION, APPRAISAL_GRADE, BUSINESS_CATEGORY, BUSINESS_USES, JUDGEMENT } from '../buildings/enums.ts';
import { RISK_TIER } from '../statistics/dimensions.ts';

const subset = (values: readonly string[], of: readonly string[], what: string) => {
  for (const v of values) assert.ok(of.includes(v), `${what}: ${v} is not one of ${of.join(', ')}`);
};

describe('risk tier definitions speak the house file’s vocabulary', () => {
  it('the tiers are the statistics model’s, in the same order (worst first)', () => {
    assert.deepEqual([...RISK_TIERS], [...RISK_TIER.values]);
  });

  for (const def of Object.values(RISK_TIER_DEFINITIONS)) {
    it(`v${def.version}: every value a rule names is a value of the house file`, () => {
      for (const { id, condition: c } of def.rules) {
        if (c.kind === 'judgement') subset(c.judgements, JUDGEMENT.values, id);
        if (c.kind === 'appraisalGrade') subset(c.grades, APPRAISAL_GRADE.values, id);
        if (c.kind === 'businessFloors' || c.kind === 'crowdedWithoutAppraisal')
          assert.deepEqual([...c.uses].sort(), [...BUSINESS_USES].sort(), id);
        if (c.kind === 'crowdedWithoutAppraisal') subset(c.categories, BUSINESS_CATEGORY.values, id);
      }
      // The evaluator reads 'none' as "not altered".
      assert.ok(ALTERATION.values.includes('none'));
    });
  }
});
