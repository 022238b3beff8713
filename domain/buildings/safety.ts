/**
 * Applies the safety-state rule (safety-state.ts) to one house inside the caller's transaction: reads
 * its cases and latest inspection, and records what changed as a change of the house file, with the
 * event that caused it as the source. Takes the house row's lock first, so two events of one house
 * (two of its cases closing at once) apply one after the other and the second sees the first.
 */
import { lockHouse } from '../cases/open-or-join.ts';
import type { Db } from '../db.ts';
import { refreshRiskTier } from '../risk/refresh.ts';
import { beijingDate } from '../time.ts';
import type { Judgement } from './enums.ts';
import { deriveSafetyState, safetyChanges } from './safety-state.ts';
import type { SafetyCase, SafetyState } from './safety-state.ts';
import { DatabaseBuildingStore } from './database-store.ts';
import type { BuildingFields } from './schema.ts';

export interface SafetyEvent {
  /** When the event happened (ISO 8601): its Beijing date dates a changed judgement. */
  at: string;
  actorId: string | null;
  actorName: string | null;
  /** `case:<id>`, `inspection:<id>`, `complaint:<id>`: where the house file's history links. */
  source: string;
}

/** The house's cases and latest inspection, as the rule reads them. */
async function inputs(
  trx: Db,
  code: string,
): Promise<{ cases: SafetyCase[]; latestInspection: { judgement: Judgement; date: string } | null }> {
  const [caseRows, inspection] = await Promise.all([
    trx('cases').where({ building_code: code }).select('severity', 'status', 'measures', 'closed_at') as Promise<
      { severity: 'serious' | 'general'; status: string; measures: string[] | null; closed_at: Date | null }[]
    >,
    trx('inspections').where({ building_code: code }).orderBy('inspected_at', 'desc').first('judgement', 'inspected_at') as Promise<
      { judgement: Judgement; inspected_at: Date } | undefined
    >,
  ]);
  return {
    cases: caseRows.map((r) => ({
      severity: r.severity,
      status: r.status,
      measures: r.measures,
      endedOn: r.closed_at ? beijingDate(r.closed_at.toISOString()) : null,
    })),
    latestInspection: inspection ? { judgement: inspection.judgement, date: beijingDate(inspection.inspected_at.toISOString()) } : null,
  };
}

/**
 * Brings the house's safety state up to date, then its risk tier (domain/risk: a case opened, closed or
 * cancelled, a judgement or a grade recorded all move it); answers the safety fields it changed (none:
 * nothing written). `also`: other fields the same event records (the appraisal grade a case closed
 * with), in the same change.
 */
export async function refreshSafetyState(
  trx: Db,
  code: string,
  event: SafetyEvent,
  also: Partial<BuildingFields> = {},
): Promise<Partial<BuildingFields>> {
  await lockHouse(trx, code);
  const buildings = new DatabaseBuildingStore(trx);
  const before = await buildings.find(null, code, trx);
  if (!before) return {};
  const recorded: SafetyState = {
    latestJudgement: before.latestJudgement,
    latestJudgementAt: before.latestJudgementAt,
    rectificationStatus: before.rectificationStatus,
    rectificationMeasures: before.rectificationMeasures,
  };
  const after = deriveSafetyState({ recorded, ...(await inputs(trx, code)), eventDate: beijingDate(event.at) });
  const extra = Object.fromEntries(Object.entries(also).filter(([k, v]) => before[k as keyof BuildingFields] !== v));
  const changes = { ...extra, ...safetyChanges(recorded, after) } as Partial<BuildingFields>;
  const { actorId, actorName, source } = event;
  if (Object.keys(changes).length > 0) await buildings.update(code, changes, before, { actorId, actorName, source }, trx);
  await refreshRiskTier(trx, code, source);
  return changes;
}

/** The fields the rule owns: an officer's edit or an import may set them only on a house with no open case. */
export const SAFETY_FIELDS = ['latestJudgement', 'latestJudgementAt', 'rectificationStatus', 'rectificationMeasures'] as const;

export const SAFETY_FIELDS_OWNED = '该房屋有未销号的隐患案件，排查结论、整治状态和整治措施由案件办理情况决定，不能直接修改';

/** Which of these houses have a case still open (not 销号 or 撤销). */
export async function housesWithOpenCases(db: Db, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = (await db('cases')
    .whereIn('building_code', codes as string[])
    .whereNotIn('status', ['closed', 'cancelled'])
    .distinct('building_code')) as { building_code: string }[];
  return new Set(rows.map((r) => r.building_code));
}
