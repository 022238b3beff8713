import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildingRuleProblems } from './rules.ts';

// 2026-12-06T17:30Z is 01:30 on 2026-12-07 in Beijing: the district's "today" is the 7th.
const earlyBeijingMorning = new Date('2026-12-06T17:30:00Z');

test("a house inspected this morning (Beijing time) is not refused as 'in the future' while UTC is still yesterday", () => {
  const problems = buildingRuleProblems(
    { latestJudgement: 'none', latestJudgementAt: '2026-12-07', appraisalGrade: 'B', appraisalDate: '2026-12-07' },
    'body.',
    earlyBeijingMorning,
  );
  assert.deepEqual(problems, []);
});

test('a date after the Beijing calendar day is refused, naming the field', () => {
  const problems = buildingRuleProblems({ latestJudgement: 'none', latestJudgementAt: '2026-12-08' }, 'body.', earlyBeijingMorning);
  assert.deepEqual(
    problems.map((p) => [p.field, p.reason]),
    [['body.latestJudgementAt', 'future']],
  );
});

test('the year for build-year checks is the Beijing year on New Year morning', () => {
  const newYearMorning = new Date('2026-12-31T18:00:00Z'); // 02:00 on 2027-01-01 in Beijing
  assert.deepEqual(buildingRuleProblems({ yearBuilt: 2027 }, '', newYearMorning), []);
  assert.deepEqual(
    buildingRuleProblems({ yearBuilt: 2028 }, '', newYearMorning).map((p) => p.field),
    ['yearBuilt'],
  );
});
