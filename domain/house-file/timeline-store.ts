/**
 * The house file's safety timeline (安全): judgements, risk tier changes, cases (opened and ended),
 * complaints, inspections, special inspections and appraisals of one house on one list, newest first.
 * A complaint appears without its complainant (no name, no phone, no description: the identity is
 * confidential and a description may carry it).
 */
import type { AppAbility } from '../abilities.ts';
import type { ListResult } from '../paging.ts';

export const TIMELINE_KINDS = [
  'judgement',
  'risk',
  'case_opened',
  'case_ended',
  'complaint',
  'inspection',
  'campaign',
  'appraisal',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  kind: TimelineKind;
  /** ISO 8601; an appraisal (dated by day) at 00:00 Beijing time of its date. */
  at: string;
  /** The record it comes from: `case:<id>`, `inspection:<id>`, `complaint:<id>`, … */
  ref: string;
  /** The entry's facts by kind (tiers, judgement, case number and status, grade and agency check, …). */
  data: Record<string, unknown>;
}

export interface TimelineParams {
  page: number;
  perPage: number;
  kinds?: readonly TimelineKind[] | undefined;
}

export interface TimelineStore {
  /** A page of the house's timeline; undefined when the house is unknown or outside `ability`'s area. */
  timeline(ability: AppAbility, code: string, params: TimelineParams): Promise<ListResult<TimelineEntry> | undefined>;
}
