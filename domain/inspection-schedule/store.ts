/**
 * Inspections due by risk tier (定期巡查) as the API and the scheduling pass read and write them; the SQL
 * is in `DatabaseInspectionDueStore` (database-store.ts). One open item per house: due, then assigned to
 * an inspector of its village for a scheduling day, done by the inspection that closes it.
 */
import type { InspectionScheduleDefinition } from '../../definitions/inspection-schedule/index.ts';
import type { RiskTier } from '../../definitions/risk-tiers/index.ts';
import type { AppAbility } from '../abilities.ts';
import type { Db } from '../db.ts';
import type { ListParams, ListResult } from '../paging.ts';

export type DueStatus = 'due' | 'assigned' | 'done';

/** How an item due within a window counts in the coverage figures (覆盖率). */
export const COVERAGE_CLASSES = ['onTime', 'late', 'overdue', 'pending'] as const;
export type CoverageClass = (typeof COVERAGE_CLASSES)[number];

export interface DueItem {
  id: string;
  buildingCode: string;
  address: string | null;
  villageCode: string;
  villageName: string | null;
  /** The house's tier now (the due day follows it). */
  riskTier: RiskTier;
  status: DueStatus;
  dueAt: string;
  /** Open and past its due moment. */
  overdue: boolean;
  /** The house's last inspection (or judgement) the due moment counts from; null: never. */
  basisAt: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  assignedDay: string | null;
  inspectionId: string | null;
  doneAt: string | null;
}

/** The window and the slice of the coverage figures (a figure's list takes the same). */
export interface CoverageFilter {
  /** Items whose due moment is in [from, to). */
  from: string;
  to: string;
  regionCode?: string | undefined;
  /** One inspector's items; `unassigned`: items never given to anyone. */
  assigneeId?: string | undefined;
  unassigned?: boolean | undefined;
  coverage?: CoverageClass | undefined;
}

export interface CoverageCounts {
  /** Items due in the window: onTime + late + overdue + pending. */
  due: number;
  onTime: number;
  late: number;
  overdue: number;
  pending: number;
}

export interface VillageCoverage extends CoverageCounts {
  villageCode: string;
  villageName: string | null;
}

export interface InspectorCoverage extends CoverageCounts {
  /** null: never given to an inspector. */
  assigneeId: string | null;
  assigneeName: string | null;
}

export interface Coverage {
  total: CoverageCounts;
  villages: VillageCoverage[];
  inspectors: InspectorCoverage[];
}

/** An inspection closing a house's open item. */
export interface ClosingInspection {
  id: string;
  inspectedAt: string;
}

export interface InspectionDueStore {
  /**
   * Writes the open item of up to `limit` houses after `after` (code order) that have none, due the
   * interval of their tier after their last inspection or judgement (now, never inspected). Answers
   * how many were written and the last code looked at (null: no house left).
   */
  createMissing(
    def: InspectionScheduleDefinition,
    daySeconds: number,
    after: string,
    limit: number,
    now: string,
  ): Promise<{ created: number; last: string | null }>;
  /** The villages with items to hand out at `now` and at least one active inspector, in code order. */
  villagesToAssign(def: InspectionScheduleDefinition, now: string): Promise<string[]>;
  /**
   * One village's hand-out, in one transaction under the village's lock: items of inspectors no longer
   * active there go back to due; then the items falling due go to its inspectors, most urgent first, within
   * the daily cap of the day starting at `dayStart`. Answers how many were given.
   */
  assignVillage(def: InspectionScheduleDefinition, villageCode: string, now: string, dayStart: string): Promise<number>;
  /** The inspectors holding items of the village handed out on the day starting at `dayStart` and still open. */
  holdersOn(villageCode: string, dayStart: string): Promise<string[]>;
  /**
   * In the inspection's transaction: closes the house's open item (unless it counts from a later
   * inspection) and writes the next one, due from the house's latest inspection at its tier now.
   */
  fulfil(
    trx: Db,
    buildingCode: string,
    inspection: ClosingInspection,
    def: InspectionScheduleDefinition,
    daySeconds: number,
  ): Promise<void>;
  /** In the tier's transaction: the open items of these houses recomputed for the houses' tiers now. */
  reschedule(trx: Db, codes: readonly string[], def: InspectionScheduleDefinition): Promise<void>;
  /** The user's batch: the items assigned to them and open, most urgent first. */
  batch(userId: string, params: ListParams): Promise<ListResult<DueItem>>;
  /** Items the ability may read within the filter (a coverage figure's list), soonest due first by default. */
  list(ability: AppAbility, filter: CoverageFilter, params: ListParams, now: string): Promise<ListResult<DueItem>>;
  /** The coverage figures over the items the ability may read within the filter. */
  coverage(ability: AppAbility, filter: CoverageFilter, now: string): Promise<Coverage>;
}
