/** Rows of `inspection_due` (joined with the house and village) as the API reads them, and the coverage counts. */
import type { RiskTier } from '../../definitions/risk-tiers/index.ts';
import { COVERAGE_SQL } from './due-sql.ts';
import { COVERAGE_CLASSES } from './store.ts';
import type { CoverageCounts, DueItem, DueStatus } from './store.ts';

export type Row = Record<string, unknown>;
const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

export function toItem(r: Row, now: number): DueItem {
  const dueAt = iso(r.due_at) as string;
  const status = r.status as DueStatus;
  return {
    id: String(r.id),
    buildingCode: r.building_code as string,
    address: (r.address as string | null) ?? null,
    villageCode: r.village_code as string,
    villageName: (r.village_name as string | null) ?? null,
    riskTier: r.risk_tier as RiskTier,
    status,
    dueAt,
    overdue: status !== 'done' && Date.parse(dueAt) < now,
    basisAt: iso(r.basis_at),
    assigneeId: (r.assignee_id as string | null) ?? null,
    assigneeName: (r.assignee_name as string | null) ?? null,
    assignedDay: iso(r.assigned_day),
    inspectionId: (r.inspection_id as string | null) ?? null,
    doneAt: iso(r.done_at),
  };
}

export const zero = (): CoverageCounts => ({ due: 0, onTime: 0, late: 0, overdue: 0, pending: 0 });
export const COUNT_COLUMNS = COVERAGE_CLASSES.map((c) => `count(*) FILTER (WHERE ${COVERAGE_SQL[c]})::int AS "${c}"`).join(', ');
export const counts = (r: Row): CoverageCounts => ({
  due: r.due as number,
  onTime: r.onTime as number,
  late: r.late as number,
  overdue: r.overdue as number,
  pending: r.pending as number,
});
