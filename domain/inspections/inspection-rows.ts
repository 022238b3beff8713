/**
 * The row mapper of `DatabaseInspectionStore` and the SQL of an inspection's case links, also read by the
 * building store for the house file's latest inspections.
 */
import type { CaseCategory } from '../cases/enums.ts';
import { isFlagged } from './presence.ts';
import type { Presence } from './presence.ts';
import type { Inspection, Judgement } from './store.ts';

export type Row = Record<string, unknown>;

/** An inspection from its row (or from the same row as JSON, inside the house file's query). */
export function toInspection(r: Row): Inspection {
  const links = new Map(
    ((r.case_links as { category: string; case_id: string; number: string; joined: boolean }[] | null) ?? []).map((l) => [l.category, l]),
  );
  const hazards = (r.hazards as { category: CaseCategory; description: string }[]).map((h) => {
    const link = links.get(h.category);
    return { ...h, caseId: link?.case_id ?? null, caseNumber: link?.number ?? null, joined: link?.joined ?? false };
  });
  return {
    id: r.id as string,
    buildingCode: r.building_code as string,
    address: (r.address as string | null) ?? null,
    regionCode: r.region_code as string,
    villageName: (r.village_name as string | null) ?? null,
    kind: r.kind as Inspection['kind'],
    campaignId: (r.campaign_id as string | null) ?? null,
    campaignName: (r.campaign_name as string | null) ?? null,
    inspectorId: r.inspector_id as string,
    inspectorName: r.inspector_name as string,
    judgement: r.judgement as Judgement,
    hazards,
    notes: (r.notes as string | null) ?? null,
    files: (r.files as Inspection['files'] | null) ?? [],
    position:
      r.latitude == null
        ? null
        : { latitude: r.latitude as number, longitude: r.longitude as number, accuracy: (r.accuracy_m as number | null) ?? null },
    distanceM: (r.distance_m as number | null) ?? null,
    presence: r.presence as Presence,
    flagged: isFlagged(r.presence as string),
    inspectedAt: new Date(r.inspected_at as Date | string).toISOString(),
    receivedAt: new Date(r.received_at as Date | string).toISOString(),
  };
}

/** The cases an inspection's hazards opened or joined, as JSON (correlated on `i`). */
export const CASE_LINKS = `(SELECT json_agg(json_build_object('category', l.category, 'case_id', l.case_id, 'number', c.number, 'joined', l.joined))
   FROM inspection_cases l JOIN cases c ON c.id = l.case_id WHERE l.inspection_id = i.id)`;

/** The house file's latest inspections as a JSON column (correlated on `b`), read with `toInspection`. */
export const HOUSE_INSPECTIONS_SQL = `(SELECT coalesce(json_agg(x ORDER BY x.inspected_at DESC), '[]'::json) FROM (
   SELECT i.*, ${CASE_LINKS} AS case_links FROM inspections i WHERE i.building_code = b.code ORDER BY i.inspected_at DESC LIMIT 50) x)`;
