/**
 * The create form's values, their checks, and the body `POST /api/campaigns` takes. The deadline is
 * picked as a day and sent as the end of that day in Beijing time, the zone the authority works in.
 * The checks are form-level (react-hook-form cannot mix them with input-level ones): then a
 * submission replaces every error, including those the API put on `filters` as a whole.
 */
import { regionLevel, isRegionCodeShape } from '../../../domain/regions.ts';
import type { Campaign, CampaignFilters } from './types.ts';

export interface CampaignFormValues {
  name?: string | null;
  regionCode?: string | null;
  filters?: Partial<Record<keyof CampaignFilters, string | number | boolean | null>>;
  assigneeRole?: Campaign['assigneeRole'] | null;
  /** `YYYY-MM-DD` from the date picker. */
  dueAt?: string | null;
  remindDaysBefore?: number | null;
}

const BEIJING_OFFSET = '+08:00';
const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** Today as `YYYY-MM-DD` in Beijing, whatever the browser's zone. */
export function beijingToday(now = Date.now()): string {
  return new Date(now + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last millisecond of a Beijing day, as the ISO instant the API takes. */
export function endOfBeijingDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00${BEIJING_OFFSET}`) + DAY_MS - 1).toISOString();
}

const filled = (value: unknown) => value !== undefined && value !== null && value !== '';

type Errors = Record<string, string | Record<string, string>>;

export function validateCampaign(values: CampaignFormValues, now = Date.now()): Errors {
  const errors: Errors = {};
  const name = values.name?.trim() ?? '';
  if (name.length === 0) errors.name = 'ra.validation.required';
  else if (name.length < 2 || name.length > 100) errors.name = 'resources.campaigns.validation.name';
  const region = values.regionCode ?? '';
  if (!region) errors.regionCode = 'ra.validation.required';
  else if (!isRegionCodeShape(region) || !['district', 'town'].includes(regionLevel(region)))
    errors.regionCode = 'resources.campaigns.validation.regionLevel';
  if (!values.assigneeRole) errors.assigneeRole = 'ra.validation.required';
  if (!values.dueAt) errors.dueAt = 'ra.validation.required';
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(values.dueAt)) errors.dueAt = 'app.dates.invalid';
  else if (values.dueAt < beijingToday(now)) errors.dueAt = 'resources.campaigns.validation.duePast';
  const remind = values.remindDaysBefore;
  if (filled(remind) && (!Number.isInteger(remind) || (remind as number) < 0 || (remind as number) > 60))
    errors.remindDaysBefore = 'resources.campaigns.validation.remind';
  const filters: Record<string, string> = {};
  const { minFloors, maxFloors, yearFrom, yearTo } = values.filters ?? {};
  if (filled(minFloors) && (!Number.isInteger(minFloors) || (minFloors as number) < 1))
    filters.minFloors = 'resources.campaigns.validation.minFloors';
  if (filled(maxFloors) && (!Number.isInteger(maxFloors) || (maxFloors as number) < 1))
    filters.maxFloors = 'resources.campaigns.validation.minFloors';
  if (filled(yearFrom) && filled(yearTo) && Number(yearFrom) > Number(yearTo)) filters.yearTo = 'resources.campaigns.validation.yearRange';
  if (Object.keys(filters).length > 0) errors.filters = filters;
  return errors;
}

/** The conditions given; those left empty are left out ("any"). */
export function campaignFilters(values: CampaignFormValues): Record<string, string | number | boolean> {
  return Object.fromEntries(Object.entries(values.filters ?? {}).filter(([, v]) => filled(v))) as Record<string, string | number | boolean>;
}

/** The API body. */
export function campaignBody(values: CampaignFormValues) {
  const filters = campaignFilters(values);
  return {
    name: (values.name ?? '').trim(),
    regionCode: values.regionCode,
    filters,
    assigneeRole: values.assigneeRole,
    dueAt: endOfBeijingDay(values.dueAt ?? ''),
    ...(filled(values.remindDaysBefore) ? { remindDaysBefore: values.remindDaysBefore } : {}),
  };
}

/**
 * The registry list's filter that counts the houses the campaign will cover (its area and conditions),
 * or null while the area or a condition is not yet valid.
 */
export function countFilter(values: CampaignFormValues): Record<string, unknown> | null {
  const errors = validateCampaign({ ...values, name: '预览', assigneeRole: 'inspector', dueAt: '9999-12-31' });
  if (errors.regionCode || errors.filters) return null;
  return { ...campaignFilters(values), regionCode: values.regionCode };
}
