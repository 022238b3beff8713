/**
 * The warning rules' queries on PostgreSQL, one named SQL query per kind of condition, each reading
 * only the thresholds its rule passes. Time windows are in definition days (`daySeconds` long), so
 * tests compress them like case deadlines. Distances are great-circle metres over WGS-84 coordinates,
 * with a bounding box first so the pairwise join stays within the neighbourhood.
 */
import type { WarningQueryName } from '../../definitions/warning-rules/index.ts';
import type { Db } from '../db.ts';
import { BUSINESS_USES } from '../buildings/enums.ts';
import { OPEN_CASE_STATUSES } from '../cases/enums.ts';
import type { QueryContext, WarningCandidate, WarningQueries } from './store.ts';

type Row = Record<string, unknown>;
type Thresholds = Readonly<Record<string, number>>;
type Query = (db: Db, t: Thresholds, ctx: QueryContext) => Promise<WarningCandidate[]>;

/** The threshold `name`; a rule without it is a definition error, so it throws. */
function need(t: Thresholds, name: string): number {
  const v = t[name];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`warning query threshold ${name} missing`);
  return v;
}

const since = (ctx: QueryContext, days: number) => new Date(ctx.now.getTime() - days * ctx.daySeconds * 1000).toISOString();
const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
const OPEN = (OPEN_CASE_STATUSES as readonly string[]).map((s) => `'${s}'`).join(', ');
/** Beijing's calendar day `days` days before `now` (YYYY-MM-DD): registry dates are days, whatever a definition day lasts. */
const beijingDaysBefore = (now: Date, days: number) =>
  new Date(now.getTime() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);
const BUSINESS = (BUSINESS_USES as readonly string[]).map((u) => `'${u}'`).join(', ');
/** Houses or cases listed on one warning at most (the evidence keeps the full counts). */
const LIST_CAP = 200;

/** ≥ minComplaints complaints within radiusMetres of one of them, all within withinDays; the densest per village. */
const complaintCluster: Query = async (db, t, ctx) => {
  const min = need(t, 'minComplaints');
  const radius = need(t, 'radiusMetres');
  const { rows } = (await db.raw(
    `WITH recent AS (
       SELECT id, tracking_no, region_code, building_code, latitude, longitude, created_at
       FROM complaints WHERE created_at >= :since AND created_at <= :now AND latitude IS NOT NULL AND longitude IS NOT NULL
     ), around AS (
       SELECT c.id AS centre, c.region_code, c.latitude, c.longitude, count(*)::int AS n,
              array_agg(n.tracking_no ORDER BY n.created_at) AS tracking_nos,
              array_agg(DISTINCT n.building_code) FILTER (WHERE n.building_code IS NOT NULL) AS codes,
              (array_agg(n.id ORDER BY n.created_at DESC, n.id DESC))[1] AS newest
       FROM recent c JOIN recent n
         ON abs(n.latitude - c.latitude) <= :deg AND abs(n.longitude - c.longitude) <= :deg / greatest(cos(radians(c.latitude)), 0.01)
        AND 12742000 * asin(sqrt(power(sin(radians(n.latitude - c.latitude) / 2), 2)
              + cos(radians(c.latitude)) * cos(radians(n.latitude)) * power(sin(radians(n.longitude - c.longitude) / 2), 2))) <= :radius
       GROUP BY c.id, c.region_code, c.latitude, c.longitude
     )
     SELECT DISTINCT ON (region_code) * FROM around WHERE n >= :min ORDER BY region_code, n DESC, newest`,
    { since: since(ctx, need(t, 'withinDays')), now: ctx.now.toISOString(), deg: radius / 111_000, radius, min },
  )) as { rows: Row[] };
  return rows.map((r) => ({
    subject: r.region_code as string,
    occurrence: r.newest as string,
    regionCode: r.region_code as string,
    buildingCodes: ((r.codes as string[] | null) ?? []).slice(0, LIST_CAP),
    caseIds: [],
    evidence: {
      complaints: r.n as number,
      trackingNos: (r.tracking_nos as string[]).slice(0, LIST_CAP),
      villageCode: r.region_code as string,
      latitude: r.latitude as number,
      longitude: r.longitude as number,
      radiusMetres: radius,
      withinDays: need(t, 'withinDays'),
    },
  }));
};

/**
 * Houses red now whose latest change of tier, within withinDays, was a rise to red from another tier. A
 * house's first assessment (no tier before: registered, imported, seeded) is not a rise, so an import
 * of thousands of houses raises no flood of warnings; its red houses are the tier lists' to show.
 */
const tierRaisedToRed: Query = async (db, t, ctx) => {
  const { rows } = (await db.raw(
    `SELECT * FROM (
       SELECT DISTINCT ON (ch.building_code) ch.id, ch.building_code, ch.at, ch.from_tier, ch.to_tier, ch.reasons, b.village_code, b.risk_tier
       FROM building_risk_changes ch JOIN buildings b ON b.code = ch.building_code
       WHERE ch.at >= :since AND ch.at <= :now
       ORDER BY ch.building_code, ch.at DESC, ch.id DESC
     ) x WHERE to_tier = 'red' AND from_tier IS NOT NULL AND from_tier <> 'red' AND risk_tier = 'red'`,
    { since: since(ctx, need(t, 'withinDays')), now: ctx.now.toISOString() },
  )) as { rows: Row[] };
  return rows.map((r) => ({
    subject: r.building_code as string,
    occurrence: String(r.id),
    regionCode: r.village_code as string,
    buildingCodes: [r.building_code as string],
    caseIds: [],
    evidence: {
      buildingCode: r.building_code as string,
      fromTier: (r.from_tier as string | null) ?? null,
      toTier: 'red',
      changedAt: iso(r.at),
      reasons: ((r.reasons as { text?: string }[] | null) ?? []).map((x) => x.text ?? '').filter(Boolean),
    },
  }));
};

/** Open cases whose recheck failed minFailures times or more; each further failure is a new occurrence. */
const repeatedRecheckFailures: Query = async (db, t) => {
  const rows = (await db('cases')
    .whereRaw(`status IN (${OPEN})`)
    .where('recheck_failures', '>=', need(t, 'minFailures'))
    .select('id', 'number', 'building_code', 'region_code', 'recheck_failures', 'status', 'severity')) as Row[];
  return rows.map((r) => ({
    subject: r.id as string,
    occurrence: `failures-${String(r.recheck_failures)}`,
    regionCode: r.region_code as string,
    buildingCodes: [r.building_code as string],
    caseIds: [r.id as string],
    evidence: {
      caseNumber: r.number as string,
      recheckFailures: r.recheck_failures as number,
      caseStatus: r.status as string,
      severity: r.severity as string,
    },
  }));
};

/** Towns with at least minOpenCases open cases of which minSharePercent % or more are past their deadline. */
const townOverdueShare: Query = async (db, t, ctx) => {
  const { rows } = (await db.raw(
    `SELECT left(region_code, 9) AS town, count(*)::int AS open,
            count(*) FILTER (WHERE due_at < :now)::int AS overdue,
            (array_agg(id ORDER BY due_at) FILTER (WHERE due_at < :now))[1:${String(LIST_CAP)}] AS overdue_ids,
            (array_agg(DISTINCT building_code) FILTER (WHERE due_at < :now))[1:${String(LIST_CAP)}] AS codes
     FROM cases WHERE status IN (${OPEN})
     GROUP BY left(region_code, 9)
     HAVING count(*) >= :minOpen AND count(*) FILTER (WHERE due_at < :now) * 100 >= :share * count(*)`,
    { now: ctx.now.toISOString(), minOpen: need(t, 'minOpenCases'), share: need(t, 'minSharePercent') },
  )) as { rows: Row[] };
  return rows.map((r) => ({
    subject: r.town as string,
    occurrence: '',
    regionCode: r.town as string,
    buildingCodes: (r.codes as string[] | null) ?? [],
    caseIds: (r.overdue_ids as string[] | null) ?? [],
    evidence: {
      openCases: r.open as number,
      overdueCases: r.overdue as number,
      sharePercent: Math.round(((r.overdue as number) * 1000) / (r.open as number)) / 10,
      thresholdPercent: need(t, 'minSharePercent'),
    },
  }));
};

/**
 * Villages with minHouses or more red or orange houses whose latest judgement is dated before (Beijing
 * today − maxDays), or that were never judged. Judgements are dated by day, so this window is in
 * calendar days whatever a definition day lasts.
 */
const highRiskUninspected: Query = async (db, t, ctx) => {
  const before = beijingDaysBefore(ctx.now, need(t, 'maxDays'));
  const { rows } = (await db.raw(
    `SELECT village_code, count(*)::int AS n,
            count(*) FILTER (WHERE risk_tier = 'red')::int AS red,
            count(*) FILTER (WHERE latest_judgement_at IS NULL)::int AS never,
            (array_agg(code ORDER BY risk_tier = 'red' DESC, latest_judgement_at NULLS FIRST, code))[1:${String(LIST_CAP)}] AS codes
     FROM buildings
     WHERE risk_tier IN ('red', 'orange') AND (latest_judgement_at IS NULL OR latest_judgement_at < :before::date)
     GROUP BY village_code HAVING count(*) >= :min`,
    { before, min: need(t, 'minHouses') },
  )) as { rows: Row[] };
  return rows.map((r) => ({
    subject: r.village_code as string,
    occurrence: '',
    regionCode: r.village_code as string,
    buildingCodes: (r.codes as string[] | null) ?? [],
    caseIds: [],
    evidence: {
      villageCode: r.village_code as string,
      uninspectedHouses: r.n as number,
      redHouses: r.red as number,
      neverInspected: r.never as number,
      maxDays: need(t, 'maxDays'),
    },
  }));
};

/**
 * Houses still recorded for business use (经营, 三合一) although appraised C or D more than graceDays
 * calendar days ago (DOMAIN.md: such a house must stop business use; past the deadline it is a warning).
 * The registry's `use` is what the inspectors last recorded, so the condition ends when an inspection or
 * an officer records the business closed; a later appraisal is a new occurrence.
 */
const businessAtGradeCD: Query = async (db, t, ctx) => {
  const grace = need(t, 'graceDays');
  const rows = (await db('buildings')
    .whereRaw(`use IN (${BUSINESS})`)
    .whereIn('appraisal_grade', ['C', 'D'])
    .where('appraisal_date', '<', beijingDaysBefore(ctx.now, grace))
    .select('code', 'village_code', 'use', 'appraisal_grade', db.raw(`to_char(appraisal_date, 'YYYY-MM-DD') AS appraised_on`))
    .select(db.raw(`to_char(appraisal_date + ?::int, 'YYYY-MM-DD') AS deadline`, [grace]))
    .orderBy('code')) as Row[];
  return rows.map((r) => ({
    subject: r.code as string,
    occurrence: `appraised-${String(r.appraised_on)}`,
    regionCode: r.village_code as string,
    buildingCodes: [r.code as string],
    caseIds: [],
    evidence: {
      buildingCode: r.code as string,
      use: r.use as string,
      appraisalGrade: r.appraisal_grade as string,
      appraisalDate: r.appraised_on as string,
      deadline: r.deadline as string,
      graceDays: grace,
    },
  }));
};

/**
 * Towns whose backlog (cases registered and not yet closed or cancelled) rose at each of the last `weeks`
 * week ends (7 definition days apart, the latest being now) and stands at minOpenCases or more now: a
 * town falling further behind week after week, before its overdue share shows it.
 */
const townBacklogRising: Query = async (db, t, ctx) => {
  const weeks = need(t, 'weeks');
  const { rows } = (await db.raw(
    `SELECT left(c.region_code, 9) AS town, p.k, count(*)::int AS backlog
       FROM (SELECT k, :now::timestamptz - (k * :week) * interval '1 second' AS at FROM generate_series(0, :weeks) AS k) p
       JOIN cases c ON c.created_at <= p.at AND (c.closed_at IS NULL OR c.closed_at > p.at)
      GROUP BY 1, 2`,
    { now: ctx.now.toISOString(), week: 7 * ctx.daySeconds, weeks },
  )) as { rows: { town: string; k: number; backlog: number }[] };
  const byTown = new Map<string, number[]>();
  for (const r of rows) {
    const series = byTown.get(r.town) ?? Array.from({ length: weeks + 1 }, () => 0);
    series[weeks - r.k] = r.backlog; // oldest first
    byTown.set(r.town, series);
  }
  const min = need(t, 'minOpenCases');
  return [...byTown]
    .filter(([, s]) => (s.at(-1) ?? 0) >= min && s.every((n, i) => i === 0 || n > (s[i - 1] ?? 0)))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([town, series]) => ({
      subject: town,
      occurrence: '',
      regionCode: town,
      buildingCodes: [],
      caseIds: [],
      evidence: { weeklyBacklog: series, openCases: series.at(-1) ?? 0, weeks },
    }));
};

const QUERIES: Record<WarningQueryName, Query> = {
  complaintCluster,
  tierRaisedToRed,
  repeatedRecheckFailures,
  townOverdueShare,
  highRiskUninspected,
  businessAtGradeCD,
  townBacklogRising,
};

export class DatabaseWarningQueries implements WarningQueries {
  constructor(private readonly db: Db) {}

  run(name: WarningQueryName, thresholds: Readonly<Record<string, number>>, ctx: QueryContext): Promise<WarningCandidate[]> {
    return QUERIES[name](this.db, thresholds, ctx);
  }
}
