/**
 * `TimelineStore` on PostgreSQL: one UNION ALL over the tables that hold a house's safety events, each
 * branch on its table's house index, sorted and paged by the database (a house with years of history
 * is not read whole for a page).
 */
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import type { Db } from '../db.ts';
import type { ListResult } from '../paging.ts';
import type { TimelineEntry, TimelineKind, TimelineParams, TimelineStore } from './timeline-store.ts';

/** Each branch: kind, at, ref, data; `?` is the house code. */
const BRANCHES: Record<TimelineKind, string> = {
  judgement: `SELECT 'judgement', c.at, c.source, jsonb_build_object(
      'from', c.changes->'latestJudgement'->'before', 'to', c.changes->'latestJudgement'->'after',
      'date', c.changes->'latestJudgementAt'->'after', 'actorName', c.actor_name)
    FROM building_changes c WHERE c.building_code = ? AND c.changes ? 'latestJudgement'`,
  risk: `SELECT 'risk', r.at, 'risk:' || r.id, jsonb_build_object(
      'from', r.from_tier, 'to', r.to_tier, 'reasons', r.reasons, 'cause', r.cause, 'version', r.version)
    FROM building_risk_changes r WHERE r.building_code = ?`,
  case_opened: `SELECT 'case_opened', k.created_at, 'case:' || k.id, jsonb_build_object(
      'id', k.id, 'number', k.number, 'category', k.category, 'severity', k.severity, 'status', k.status, 'source', k.source)
    FROM cases k WHERE k.building_code = ?`,
  case_ended: `SELECT 'case_ended', k.closed_at, 'case:' || k.id, jsonb_build_object(
      'id', k.id, 'number', k.number, 'status', k.status, 'appraisalGrade', k.appraisal_grade)
    FROM cases k WHERE k.building_code = ? AND k.closed_at IS NOT NULL`,
  complaint: `SELECT 'complaint', p.created_at, 'complaint:' || p.id, jsonb_build_object(
      'id', p.id, 'trackingNo', p.tracking_no, 'category', p.category, 'status', p.status, 'caseId', p.case_id)
    FROM complaints p WHERE p.building_code = ?`,
  inspection: `SELECT 'inspection', i.inspected_at, 'inspection:' || i.id, jsonb_build_object(
      'id', i.id, 'kind', i.kind, 'judgement', i.judgement, 'inspectorName', i.inspector_name,
      'hazards', jsonb_array_length(i.hazards), 'presence', i.presence, 'campaignId', i.campaign_id)
    FROM inspections i WHERE i.building_code = ?`,
  campaign: `SELECT 'campaign', g.created_at, 'campaign:' || g.id, jsonb_build_object(
      'id', g.id, 'name', g.name, 'itemStatus', ci.status, 'doneAt', ci.done_at, 'hazardsFound', ci.hazards_found,
      'campaignStatus', g.status, 'dueAt', g.due_at)
    FROM campaign_items ci JOIN campaigns g ON g.id = ci.campaign_id WHERE ci.building_code = ?`,
  appraisal: `SELECT 'appraisal', (a.appraised_on::timestamp AT TIME ZONE 'Asia/Shanghai'), 'appraisal:' || a.id, jsonb_build_object(
      'id', a.id, 'grade', a.grade, 'agencyName', a.agency_name, 'reportNo', a.report_no,
      'agencyCheck', a.agency_check, 'nextDueOn', to_char(a.next_due_on, 'YYYY-MM-DD'))
    FROM building_appraisals a WHERE a.building_code = ?`,
};

export class DatabaseTimelineStore implements TimelineStore {
  constructor(private readonly db: Db) {}

  async timeline(ability: AppAbility, code: string, params: TimelineParams): Promise<ListResult<TimelineEntry> | undefined> {
    const house = await whereAllowed(this.db('buildings as b').where('b.code', code), ability, 'read', 'Building', {
      villageCode: 'b.village_code',
    }).first('b.code');
    if (!house) return undefined;
    const kinds = (params.kinds?.length ? params.kinds : (Object.keys(BRANCHES) as TimelineKind[])).filter((k) => k in BRANCHES);
    // `?` inside the SQL text is jsonb's key operator: knex would take it for a binding, so it is escaped.
    const union = kinds
      .map((k) => BRANCHES[k].replace(/c\.changes \? 'latestJudgement'/, `c.changes \\? 'latestJudgement'`))
      .join(' UNION ALL ');
    const bindings = kinds.map(() => code);
    const [count, page] = await Promise.all([
      this.db.raw(`SELECT count(*)::int AS n FROM (${union}) t(kind, at, ref, data)`, bindings) as Promise<{ rows: { n: number }[] }>,
      this.db.raw(`SELECT kind, at, ref, data FROM (${union}) t(kind, at, ref, data) ORDER BY at DESC, kind, ref LIMIT ? OFFSET ?`, [
        ...bindings,
        params.perPage,
        (params.page - 1) * params.perPage,
      ]) as Promise<{ rows: { kind: TimelineKind; at: Date; ref: string; data: Record<string, unknown> }[] }>,
    ]);
    return {
      total: count.rows[0]?.n ?? 0,
      data: page.rows.map((r) => ({ kind: r.kind, at: r.at.toISOString(), ref: r.ref, data: r.data })),
    };
  }
}
