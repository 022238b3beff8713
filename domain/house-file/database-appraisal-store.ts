/** `AppraisalStore` on PostgreSQL (building_appraisals, building_files; migration 20261207_0100). */
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import type { Db } from '../db.ts';
import { paged } from '../paging.ts';
import type { ListParams, ListResult } from '../paging.ts';
import { regionScopePrefix } from '../regions.ts';
import type { Appraisal, AppraisalFilter, AppraisalStore, HouseFileScan, NewAppraisal } from './appraisal-store.ts';

type Row = Record<string, unknown>;

const SORT: Record<string, string> = { appraisedOn: 'a.appraised_on', createdAt: 'a.created_at', grade: 'a.grade' };

const COLUMNS = [
  'a.id',
  'a.building_code',
  'a.region_code',
  'a.agency_name',
  'a.agency_qualification_no',
  'a.report_no',
  'a.grade',
  'a.scope',
  'a.report_file_id',
  'a.agency_check',
  'a.agencies_version',
  'a.recorded_by_name',
  'a.created_at',
  'b.address',
];

function toAppraisal(r: Row): Appraisal {
  return {
    id: r.id as string,
    buildingCode: r.building_code as string,
    regionCode: r.region_code as string,
    agencyName: r.agency_name as string,
    agencyQualificationNo: r.agency_qualification_no as string,
    reportNo: r.report_no as string,
    appraisedOn: r.appraised_on as string,
    grade: r.grade as Appraisal['grade'],
    scope: (r.scope as string | null) ?? null,
    reportFileId: (r.report_file_id as string | null) ?? null,
    nextDueOn: (r.next_due_on as string | null) ?? null,
    agencyCheck: r.agency_check as Appraisal['agencyCheck'],
    agenciesVersion: r.agencies_version as number,
    recordedByName: r.recorded_by_name as string,
    createdAt: (r.created_at as Date).toISOString(),
    address: (r.address as string | null) ?? null,
  };
}

export class DatabaseAppraisalStore implements AppraisalStore {
  constructor(private readonly db: Db) {}

  private base(db: Db = this.db) {
    return db('building_appraisals as a')
      .join('buildings as b', 'b.code', 'a.building_code')
      .select(
        ...COLUMNS,
        db.raw(`to_char(a.appraised_on, 'YYYY-MM-DD') AS appraised_on`),
        db.raw(`to_char(a.next_due_on, 'YYYY-MM-DD') AS next_due_on`),
      );
  }

  async add(input: NewAppraisal, trx: Db): Promise<Appraisal | false> {
    const rows = (await trx('building_appraisals')
      .insert({
        building_code: input.buildingCode,
        region_code: input.regionCode,
        agency_name: input.agencyName,
        agency_qualification_no: input.agencyQualificationNo,
        report_no: input.reportNo,
        appraised_on: input.appraisedOn,
        grade: input.grade,
        scope: input.scope,
        report_file_id: input.reportFileId,
        next_due_on: input.nextDueOn,
        agency_check: input.agencyCheck,
        agencies_version: input.agenciesVersion,
        recorded_by: input.recordedBy,
        recorded_by_name: input.recordedByName,
      })
      .onConflict(['agency_qualification_no', 'report_no'])
      .ignore()
      .returning('id')) as { id: string }[];
    const id = rows[0]?.id;
    if (!id) return false;
    return toAppraisal((await this.base(trx).where('a.id', id).first()) as Row);
  }

  list(ability: AppAbility, params: ListParams & AppraisalFilter): Promise<ListResult<Appraisal>> {
    const q = whereAllowed(this.base(), ability, 'read', 'Building', { villageCode: 'a.region_code' });
    if (params.buildingCode) q.where('a.building_code', params.buildingCode);
    if (params.regionCode) q.whereRaw('a.region_code LIKE ?', [`${regionScopePrefix(params.regionCode)}%`]);
    if (params.flagged === true) q.whereNot('a.agency_check', 'listed');
    if (params.flagged === false) q.where('a.agency_check', 'listed');
    if (params.grade) q.where('a.grade', params.grade);
    return paged<Row, Appraisal>(q, { ...params, order: params.order ?? 'desc' }, SORT, 'appraisedOn', 'a.created_at', toAppraisal);
  }

  async latest(code: string, trx: Db): Promise<Appraisal | undefined> {
    const row = (await this.base(trx)
      .where('a.building_code', code)
      .orderBy('a.appraised_on', 'desc')
      .orderBy('a.created_at', 'desc')
      .first()) as Row | undefined;
    return row && toAppraisal(row);
  }

  async scan(id: string, trx: Db = this.db): Promise<HouseFileScan | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const row = (await trx('building_files as f')
      .join('buildings as b', 'b.code', 'f.building_code')
      .where('f.id', id)
      .whereNot('f.storage_key', 'pending')
      .first('f.id', 'f.building_code', 'b.village_code', 'f.purpose', 'f.name', 'f.mime', 'f.storage_key')) as Row | undefined;
    if (!row) return undefined;
    return {
      id: row.id as string,
      buildingCode: row.building_code as string,
      villageCode: row.village_code as string,
      purpose: row.purpose as HouseFileScan['purpose'],
      name: row.name as string,
      mime: row.mime as string,
      storageKey: row.storage_key as string,
    };
  }
}
