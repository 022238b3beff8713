/**
 * Rules across fields of a building, beyond what the schema checks one field at a time. They return
 * problems (field, reason, Chinese message) so the API and the importer report them the same way.
 */
import type { FieldProblem } from '../errors.ts';
import { beijingDate } from '../time.ts';
import { BUSINESS_USES } from './enums.ts';
import type { AppraisalGrade, BuildingUse, Judgement } from './enums.ts';
import type { BuildingFields } from './schema.ts';

export type BuildingState = Partial<BuildingFields>;

function problem(field: string, reason: string, message: string): FieldProblem {
  return { field, reason, message };
}

/** `prefix` is where the fields sit in the request (`body.` for the API, '' for an import row). */
export function buildingRuleProblems(b: BuildingState, prefix: string, today = new Date()): FieldProblem[] {
  // "Today" is the district's calendar day (Beijing time), whatever the server's zone: from 00:00 to
  // 08:00 Beijing time the UTC date is still yesterday, and a house inspected this morning was refused.
  const isoToday = beijingDate(today.toISOString());
  const year = Number(isoToday.slice(0, 4));
  const out: FieldProblem[] = [];
  const f = (name: string) => `${prefix}${name}`;
  if (b.use === 'business' && !b.businessCategory) out.push(problem(f('businessCategory'), 'required', '经营用房须填写经营类别'));
  if (b.businessCategory && b.use && !BUSINESS_USES.includes(b.use)) {
    out.push(problem(f('businessCategory'), 'notBusiness', '只有经营或三合一用房才填写经营类别'));
  }
  if (b.yearBuilt && b.yearBuilt > year) out.push(problem(f('yearBuilt'), 'future', `建成年份不能晚于 ${year} 年`));
  if (b.alterationYear && (!b.alteration || b.alteration === 'none')) {
    out.push(problem(f('alterationYear'), 'noAlteration', '未改扩建时不应填写改扩建年份'));
  }
  if (b.alterationYear && b.yearBuilt && b.alterationYear < b.yearBuilt) {
    out.push(problem(f('alterationYear'), 'beforeBuilt', '改扩建年份不能早于建成年份'));
  }
  if (b.alterationYear && b.alterationYear > year) out.push(problem(f('alterationYear'), 'future', `改扩建年份不能晚于 ${year} 年`));
  if ((b.longitude == null) !== (b.latitude == null)) {
    out.push(problem(f(b.longitude == null ? 'longitude' : 'latitude'), 'pair', '经度和纬度须同时填写'));
  }
  if (b.latestJudgement && !b.latestJudgementAt) out.push(problem(f('latestJudgementAt'), 'required', '填写排查结论时须填写排查日期'));
  if (b.latestJudgementAt && !b.latestJudgement) out.push(problem(f('latestJudgement'), 'required', '填写排查日期时须填写排查结论'));
  if (b.latestJudgementAt && b.latestJudgementAt > isoToday) out.push(problem(f('latestJudgementAt'), 'future', '排查日期不能晚于今天'));
  if (b.appraisalDate && !b.appraisalGrade) out.push(problem(f('appraisalGrade'), 'required', '填写鉴定日期时须填写鉴定等级'));
  if (b.appraisalDate && b.appraisalDate > isoToday) out.push(problem(f('appraisalDate'), 'future', '鉴定日期不能晚于今天'));
  for (const [i, a] of (b.approvals ?? []).entries()) {
    if (a.date && a.date > isoToday) out.push(problem(f(`approvals.${i}.date`), 'future', '审批日期不能晚于今天'));
  }
  return out;
}

/**
 * DOMAIN.md: a house graded C or D, or judged seriously dangerous and not appraised, must not be used
 * for business. The registry records what is, so this is a flag on the house file, not a refusal.
 */
export function businessUseForbidden(b: {
  use: BuildingUse;
  appraisalGrade: AppraisalGrade | null;
  latestJudgement: Judgement | null;
}): boolean {
  if (!BUSINESS_USES.includes(b.use)) return false;
  if (b.appraisalGrade === 'C' || b.appraisalGrade === 'D') return true;
  return b.latestJudgement === 'serious' && b.appraisalGrade === null;
}
