/**
 * `InspectionStore` on PostgreSQL, scoped by the reader's CASL rules in SQL: the inspection with the
 * cases its hazards opened or joined and its photos, in one query per page; the writes of recording one.
 */
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import type { CaseCategory } from '../cases/enums.ts';
import type { Db } from '../db.ts';
import { paged } from '../paging.ts';
import type { ListParams, ListResult } from '../paging.ts';
import { CASE_LINKS, toInspection } from './inspection-rows.ts';
import type { Row } from './inspection-rows.ts';
import type { Inspection, InspectionFilter, InspectionPhoto, InspectionStore, NewInspection } from './store.ts';

const INSPECTION_SCOPE = { regionCode: 'i.region_code' };
const INSPECTION_SORT: Record<string, string> = { inspectedAt: 'i.inspected_at', receivedAt: 'i.received_at' };

export class DatabaseInspectionStore implements InspectionStore {
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
    if (params.kind) query.where('i.kind', params.kind);
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

  async find(ability: AppAbility | null, id: string, db: Db = this.db): Promise<Inspection | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const query = this.base(db).where('i.id', id);
    if (ability) whereAllowed(query, ability, 'read', 'Inspection', INSPECTION_SCOPE);
    const row = (await query.first()) as Row | undefined;
    return row && toInspection(row);
  }

  async insert(input: NewInspection, tx: Db = this.db): Promise<boolean> {
    const { position } = input;
    const inserted = (await tx('inspections')
      .insert({
        id: input.id,
        building_code: input.buildingCode,
        region_code: input.regionCode,
        inspector_id: input.inspector.id,
        inspector_name: input.inspector.name,
        judgement: input.judgement,
        hazards: JSON.stringify(input.hazards),
        notes: input.notes,
        latitude: position?.latitude ?? null,
        longitude: position?.longitude ?? null,
        accuracy_m: position?.accuracy ?? null,
        distance_m: input.distanceM,
        presence: input.presence,
        inspected_at: input.inspectedAt,
      })
      .onConflict('id')
      .ignore()
      .returning('id')) as { id: string }[];
    return inserted.length > 0;
  }

  async attachFiles(inspectionId: string, fileIds: string[], tx: Db = this.db): Promise<void> {
    if (fileIds.length) await tx('inspection_files').whereIn('id', fileIds).update({ inspection_id: inspectionId });
  }

  async markSpecial(inspectionId: string, campaignId: string, tx: Db = this.db): Promise<void> {
    await tx('inspections').where({ id: inspectionId }).update({ kind: 'special', campaign_id: campaignId });
  }

  async linkCase(inspectionId: string, link: { caseId: string; category: CaseCategory; joined: boolean }, tx: Db = this.db): Promise<void> {
    await tx('inspection_cases').insert({
      inspection_id: inspectionId,
      case_id: link.caseId,
      category: link.category,
      joined: link.joined,
    });
  }

  async uploadsFor(userId: string, buildingCode: string, inspectionId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = (await this.db('inspection_files')
      .whereIn('id', ids)
      .where({ building_code: buildingCode, uploaded_by: userId })
      .where((q) => q.whereNull('inspection_id').orWhere('inspection_id', inspectionId))
      .whereNot('storage_key', 'pending')
      .select('id')) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async photo(id: string): Promise<InspectionPhoto | undefined> {
    const file = (await this.db('inspection_files as f')
      .join('buildings as b', 'b.code', 'f.building_code')
      .where('f.id', id)
      .whereNot('f.storage_key', 'pending')
      .first('f.storage_key', 'f.mime', 'f.name', 'b.village_code')) as
      { storage_key: string; mime: string; name: string; village_code: string } | undefined;
    return file && { storageKey: file.storage_key, mime: file.mime, name: file.name, regionCode: file.village_code };
  }
}
