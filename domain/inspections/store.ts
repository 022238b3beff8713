/**
 * Inspections as the API reads them, scoped by the reader's CASL rules in SQL: the inspection with the
 * cases its hazards opened or joined and its photos, in one query per page.
 */
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import type { CaseCategory } from '../cases/enums.ts';
import type { Db } from '../db.ts';
import { paged } from '../paging.ts';
import type { ListParams, ListResult } from '../paging.ts';
import { isFlagged } from './presence.ts';
import type { Presence } from './presence.ts';

export const INSPECTION_SCOPE = { regionCode: 'i.region_code' };
export const INSPECTION_SORT = { inspectedAt: 'i.inspected_at', receivedAt: 'i.received_at' };

export type Judgement = 'serious' | 'some' | 'none';

export interface InspectionHazard {
  category: CaseCategory;
  description: string;
  caseId: string | null;
  caseNumber: string | null;
  joined: boolean;
}

export interface Inspection {
  id: string;
  buildingCode: string;
  address: string | null;
  regionCode: string;
  villageName: string | null;
  kind: 'daily' | 'special';
  campaignId: string | null;
  /** The special inspection (专项排查) it was recorded against, by name. */
  campaignName: string | null;
  inspectorId: string;
  inspectorName: string;
  judgement: Judgement;
  hazards: InspectionHazard[];
  notes: string | null;
  files: { id: string; name: string; mime: string; size: number }[];
  position: { latitude: number; longitude: number; accuracy: number | null } | null;
  distanceM: number | null;
  presence: Presence;
  flagged: boolean;
  inspectedAt: string;
  receivedAt: string;
}

export interface InspectionFilter {
  regionCode?: string | undefined;
  buildingCode?: string | undefined;
  judgement?: Judgement | undefined;
  flagged?: boolean | undefined;
  inspectorId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

type Row = Record<string, unknown>;

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
const CASE_LINKS = `(SELECT json_agg(json_build_object('category', l.category, 'case_id', l.case_id, 'number', c.number, 'joined', l.joined))
   FROM inspection_cases l JOIN cases c ON c.id = l.case_id WHERE l.inspection_id = i.id)`;

/** The house file's latest inspections as a JSON column (correlated on `b`), read with `toInspection`. */
export const HOUSE_INSPECTIONS_SQL = `(SELECT coalesce(json_agg(x ORDER BY x.inspected_at DESC), '[]'::json) FROM (
   SELECT i.*, ${CASE_LINKS} AS case_links FROM inspections i WHERE i.building_code = b.code ORDER BY i.inspected_at DESC LIMIT 50) x)`;

export class InspectionStore {
  constructor(private readonly db: Db) {}

  private base(db: Db = this.db, withFiles = true) {
    const q = db('inspections as i')
      .join('buildings as b', 'b.code', 'i.building_code')
      .leftJoin('regions as v', 'v.code', 'i.region_code')
      .leftJoin('campaigns as k', 'k.id', 'i.campaign_id')
      .select('i.*', 'b.address', 'v.name as village_name', 'k.name as campaign_name', db.raw(`${CASE_LINKS} AS case_links`));
    if (withFiles)
      q.select(
        db.raw(`(SELECT json_agg(json_build_object('id', f.id, 'name', f.name, 'mime', f.mime, 'size', f.size) ORDER BY f.created_at)
                   FROM inspection_files f WHERE f.inspection_id = i.id) AS files`),
      );
    return q;
  }

  async list(ability: AppAbility, params: ListParams & InspectionFilter): Promise<ListResult<Inspection>> {
    const query = whereAllowed(this.base(this.db, false), ability, 'read', 'Inspection', INSPECTION_SCOPE);
    if (params.regionCode) query.whereRaw('i.region_code LIKE ?', [`${params.regionCode}%`]);
    if (params.buildingCode) query.where('i.building_code', params.buildingCode.toUpperCase());
    if (params.judgement) query.where('i.judgement', params.judgement);
    if (params.flagged === true) query.whereIn('i.presence', ['far', 'missing']);
    if (params.flagged === false) query.whereNotIn('i.presence', ['far', 'missing']);
    if (params.inspectorId) query.where('i.inspector_id', params.inspectorId);
    if (params.from) query.whereRaw(`i.inspected_at >= (?::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`, [params.from]);
    if (params.to) query.whereRaw(`i.inspected_at < ((?::date) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`, [params.to]);
    return paged<Row, Inspection>(
      query,
      { ...params, order: params.order ?? 'desc' },
      INSPECTION_SORT,
      'inspectedAt',
      'i.id',
      toInspection,
    );
  }

  /** One inspection the ability may read (or any, with a null ability). */
  async find(ability: AppAbility | null, id: string, db: Db = this.db): Promise<Inspection | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const query = this.base(db).where('i.id', id);
    if (ability) whereAllowed(query, ability, 'read', 'Inspection', INSPECTION_SCOPE);
    const row = (await query.first()) as Row | undefined;
    return row && toInspection(row);
  }
}
