/**
 * The pivot page's choices: measures, the dimensions for rows and columns (case dimensions only for
 * the hazard measures), and the values each dimension can be filtered by, all from the statistics
 * model (`domain/statistics/dimensions.ts`) and the enumerations it bands.
 */
import {
  APPRAISAL_GRADE,
  BUILDING_USE,
  BUSINESS_CATEGORY,
  JUDGEMENT,
  NOT_INSPECTED,
  NOT_INSPECTED_LABEL,
  STRUCTURE_TYPE,
} from '../../../domain/buildings/enums.ts';
import { CASE_CATEGORY, CASE_SEVERITY } from '../../../domain/cases/enums.ts';
import {
  CASE_DIMENSIONS,
  CASE_ORIGIN,
  FLOORS_BANDS,
  HOUSE_DIMENSIONS,
  HOUSE_MEASURES,
  MEASURES,
  NONE,
  RISK_TIER,
  YEAR_BANDS,
} from '../../../domain/statistics/dimensions.ts';
import type { Dimension, Measure } from '../../../domain/statistics/dimensions.ts';

export interface Choice {
  id: string;
  name: string;
}

const fromLabels = (labels: Record<string, string>): Choice[] => Object.entries(labels).map(([id, name]) => ({ id, name }));

export const MEASURE_CHOICES: Choice[] = fromLabels(MEASURES.labels);

export const isMeasure = (value: unknown): value is Measure =>
  typeof value === 'string' && (MEASURES.values as readonly string[]).includes(value);
export const isDimension = (value: unknown): value is Dimension =>
  typeof value === 'string' &&
  ((HOUSE_DIMENSIONS.values as readonly string[]).includes(value) || (CASE_DIMENSIONS.values as readonly string[]).includes(value));

/** Whether a dimension applies to a measure: case dimensions mean nothing for a count of houses. */
export function dimensionApplies(dimension: Dimension, measure: Measure): boolean {
  return !HOUSE_MEASURES.includes(measure) || (HOUSE_DIMENSIONS.values as readonly string[]).includes(dimension);
}

export interface DimensionChoice extends Choice {
  kind: 'house' | 'case';
}

export const DIMENSION_CHOICES: DimensionChoice[] = [
  ...fromLabels(HOUSE_DIMENSIONS.labels).map((c) => ({ ...c, kind: 'house' as const })),
  ...fromLabels(CASE_DIMENSIONS.labels).map((c) => ({ ...c, kind: 'case' as const })),
];

export const dimensionLabel = (dimension: string) => DIMENSION_CHOICES.find((d) => d.id === dimension)?.name ?? dimension;

/** The values a pivot can be filtered by, per dimension (region and month are picked as region and period instead). */
export const FILTER_VALUES: Partial<Record<Dimension, Choice[]>> = {
  riskTier: fromLabels(RISK_TIER.labels),
  use: fromLabels(BUILDING_USE.labels),
  businessCategory: [...fromLabels(BUSINESS_CATEGORY.labels), { id: NONE, name: '非经营' }],
  floorsBand: FLOORS_BANDS.map((b) => ({ id: b.id, name: b.label })),
  structureType: fromLabels(STRUCTURE_TYPE.labels),
  yearBand: YEAR_BANDS.map((b) => ({ id: b.id, name: b.label })),
  appraisalGrade: [...fromLabels(APPRAISAL_GRADE.labels), { id: NONE, name: '未鉴定' }],
  latestJudgement: [...fromLabels(JUDGEMENT.labels), { id: NOT_INSPECTED, name: NOT_INSPECTED_LABEL }],
  category: fromLabels(CASE_CATEGORY.labels),
  severity: fromLabels(CASE_SEVERITY.labels),
  origin: fromLabels(CASE_ORIGIN.labels),
};

export const FILTER_DIMENSIONS = Object.keys(FILTER_VALUES) as Dimension[];

/** The pivot's parameters as read from the page address, with defaults and without what does not apply. */
export function pivotSettings(search: URLSearchParams): {
  measure: Measure;
  rows: Dimension;
  cols: Dimension | null;
  filters: Record<string, string>;
} {
  const measure = isMeasure(search.get('measure')) ? (search.get('measure') as Measure) : 'houses';
  let rows: Dimension = isDimension(search.get('rows')) ? (search.get('rows') as Dimension) : 'region';
  if (!dimensionApplies(rows, measure)) rows = 'region';
  const colsParam = search.get('cols');
  let cols: Dimension | null = colsParam === NONE ? null : isDimension(colsParam) ? colsParam : 'riskTier';
  if (cols !== null && (!dimensionApplies(cols, measure) || cols === rows)) cols = null;
  const filters: Record<string, string> = {};
  for (const dimension of FILTER_DIMENSIONS) {
    const value = search.get(dimension);
    if (value && dimensionApplies(dimension, measure) && FILTER_VALUES[dimension]?.some((c) => c.id === value)) filters[dimension] = value;
  }
  return { measure, rows, cols, filters };
}

/** A cell's value as shown: rates as percentages, counts as numbers. */
export function cellText(value: number | null, measure: Measure): string {
  if (value === null) return '—';
  if (measure === 'rectificationRate') return `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
  return value.toLocaleString('zh-CN');
}
