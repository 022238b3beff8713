/**
 * The dimensions and measures of the statistics model (issue 17), declared once: the summary tables'
 * SQL (migration 0022's band functions), the `/api/stats` answers, the pivot and the cockpit all read
 * these. A band's bounds are also the list filters its figures link to, so a figure and its list agree.
 */
import { labelled } from '../labelled.ts';

/** Risk tiers (风险分级), worst first. */
export const RISK_TIER = labelled({ red: '红色', orange: '橙色', yellow: '黄色', green: '绿色' });
export type RiskTier = (typeof RISK_TIER.values)[number];

/** Floors above ground, banded. `max` null: no upper bound. Registry filters: minFloors / maxFloors. */
export const FLOORS_BANDS = [
  { id: '1-2', label: '1–2 层', min: 1, max: 2 },
  { id: '3-5', label: '3–5 层', min: 3, max: 5 },
  { id: '6+', label: '6 层及以上', min: 6, max: null },
] as const;
export type FloorsBand = (typeof FLOORS_BANDS)[number]['id'];

/** Build year, banded; `unknown` is a house without a build year. Registry filters: yearFrom / yearTo / yearUnknown. */
export const YEAR_BANDS = [
  { id: 'to1980', label: '1980 年及以前', from: null, to: 1980 },
  { id: '1981-2000', label: '1981–2000 年', from: 1981, to: 2000 },
  { id: '2001-2010', label: '2001–2010 年', from: 2001, to: 2010 },
  { id: '2011+', label: '2011 年以后', from: 2011, to: null },
  { id: 'unknown', label: '年份不详', from: null, to: null },
] as const;
export type YearBand = (typeof YEAR_BANDS)[number]['id'];

export function floorsBand(floorsAbove: number): FloorsBand {
  return FLOORS_BANDS.find((b) => floorsAbove >= b.min && (b.max === null || floorsAbove <= b.max))!.id;
}

export function yearBand(yearBuilt: number | null): YearBand {
  if (yearBuilt == null) return 'unknown';
  return YEAR_BANDS.find((b) => b.id !== 'unknown' && (b.from === null || yearBuilt >= b.from) && (b.to === null || yearBuilt <= b.to))!.id;
}

/**
 * Where a hazard came from, as leaders count it: an officer's registration, a daily inspection (日常巡查),
 * a special campaign's inspection (专项排查), or a citizen's complaint. Case list filter: origin.
 */
export const CASE_ORIGIN = labelled({ officer: '人工登记', daily: '日常巡查', special: '专项排查', complaint: '群众投诉' });
export type CaseOrigin = (typeof CASE_ORIGIN.values)[number];

/** `none` stands for "no value" in the summary tables' keys (no grade, no business category, never judged). */
export const NONE = 'none';

/** Pivot dimensions: house dimensions apply to every measure; case dimensions to the hazard measures only. */
export const HOUSE_DIMENSIONS = labelled({
  region: '区域',
  riskTier: '风险等级',
  use: '用途',
  businessCategory: '经营类别',
  floorsBand: '层数',
  structureType: '结构类型',
  yearBand: '建成年代',
  appraisalGrade: '鉴定等级',
  latestJudgement: '排查结论',
});
export const CASE_DIMENSIONS = labelled({
  category: '隐患类别',
  severity: '隐患等级',
  origin: '隐患来源',
  month: '发现月份',
});
export type HouseDimension = (typeof HOUSE_DIMENSIONS.values)[number];
export type CaseDimension = (typeof CASE_DIMENSIONS.values)[number];
export type Dimension = HouseDimension | CaseDimension;

/**
 * Pivot measures. 整改率 (DOMAIN.md): hazards found in the period that are closed ÷ hazards found in the
 * period, cancelled cases (误报) not counted as found.
 */
export const MEASURES = labelled({
  houses: '房屋数',
  hazardsFound: '发现隐患',
  hazardsClosed: '已销号',
  hazardsOpen: '未销号',
  hazardsOverdue: '逾期未整改',
  rectificationRate: '整改率',
});
export type Measure = (typeof MEASURES.values)[number];
export const HOUSE_MEASURES: readonly Measure[] = ['houses'];
