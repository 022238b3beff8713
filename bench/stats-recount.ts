/**
 * The baseline of `bench:stats`: the cockpit's and the pivot's figures recounted per page from the raw
 * tables by GROUP BY (what the summary tables exist to avoid), straight through a bare pg pool: no HTTP,
 * no auth, no mapping. Each function runs the queries one page needs, in sequence, as one request would.
 */
import type pg from 'pg';

export interface Page {
  /** Region code prefix (district 6, town 9, village 12 digits). */
  region: string;
  /** Beijing dates, inclusive. */
  from: string;
  to: string;
}

const BJ = `'Asia/Shanghai'`;
const inPeriod = (column: string) => `(${column} AT TIME ZONE ${BJ})::date BETWEEN $2::date AND $3::date`;
const OPEN = `status NOT IN ('closed', 'cancelled')`;

/** Child level of a region: district → town (9), town → village (12). */
const childLength = (region: string) => (region.length <= 6 ? 9 : 12);

async function all(pool: pg.Pool, queries: [string, unknown[]][]): Promise<number> {
  let rows = 0;
  for (const [sql, params] of queries) rows += (await pool.query(sql, params)).rowCount ?? 0;
  return rows;
}

export function recountOverview(pool: pg.Pool, p: Page): Promise<number> {
  const a = [`${p.region}%`, p.from, p.to];
  return all(pool, [
    [
      `SELECT count(*), count(*) FILTER (WHERE use IN ('business', 'mixed')), count(*) FILTER (WHERE floors_above >= 3),
              count(*) FILTER (WHERE latest_judgement_at >= current_date - 90),
              count(*) FILTER (WHERE latest_judgement = 'serious'), count(*) FILTER (WHERE latest_judgement = 'some'),
              count(*) FILTER (WHERE latest_judgement = 'none'), count(*) FILTER (WHERE latest_judgement IS NULL),
              count(*) FILTER (WHERE risk_tier = 'red'), count(*) FILTER (WHERE risk_tier = 'orange'),
              count(*) FILTER (WHERE risk_tier = 'yellow'), count(*) FILTER (WHERE risk_tier = 'green'),
              count(*) FILTER (WHERE appraisal_grade = 'A'), count(*) FILTER (WHERE appraisal_grade = 'B'),
              count(*) FILTER (WHERE appraisal_grade = 'C'), count(*) FILTER (WHERE appraisal_grade = 'D')
       FROM buildings WHERE village_code LIKE $1`,
      a.slice(0, 1),
    ],
    [`SELECT category, severity, count(*) FROM cases WHERE region_code LIKE $1 AND ${OPEN} GROUP BY 1, 2`, a.slice(0, 1)],
    [
      `SELECT count(*) FILTER (WHERE status <> 'cancelled'), count(*) FILTER (WHERE status = 'closed')
       FROM cases WHERE region_code LIKE $1 AND ${inPeriod('created_at')}`,
      a,
    ],
    [`SELECT count(*) FROM cases WHERE region_code LIKE $1 AND ${OPEN} AND due_at < now()`, a.slice(0, 1)],
    [
      `SELECT count(DISTINCT e.case_id) FROM case_escalations e JOIN cases c ON c.id = e.case_id
       WHERE c.region_code LIKE $1 AND e.no = 1 AND ${inPeriod('e.requested_at')}`,
      a,
    ],
    [
      `SELECT count(*), count(*) FILTER (WHERE status = 'confirmed'), count(*) FILTER (WHERE status = 'unfounded')
       FROM complaints WHERE region_code LIKE $1 AND ${inPeriod('created_at')}`,
      a,
    ],
  ]);
}

export function recountChildren(pool: pg.Pool, p: Page): Promise<number> {
  const n = childLength(p.region);
  const a = [`${p.region}%`, p.from, p.to];
  return all(pool, [
    [
      `SELECT substr(village_code, 1, ${n}), count(*), count(*) FILTER (WHERE risk_tier = 'red'),
              count(*) FILTER (WHERE latest_judgement_at >= current_date - 90)
       FROM buildings WHERE village_code LIKE $1 GROUP BY 1`,
      a.slice(0, 1),
    ],
    [
      `SELECT substr(region_code, 1, ${n}), count(*) FILTER (WHERE ${OPEN}), count(*) FILTER (WHERE ${OPEN} AND due_at < now())
       FROM cases WHERE region_code LIKE $1 GROUP BY 1`,
      a.slice(0, 1),
    ],
    [
      `SELECT substr(region_code, 1, ${n}), count(*) FILTER (WHERE status <> 'cancelled'), count(*) FILTER (WHERE status = 'closed')
       FROM cases WHERE region_code LIKE $1 AND ${inPeriod('created_at')} GROUP BY 1`,
      a,
    ],
  ]);
}

export function recountTrends(pool: pg.Pool, p: Page, interval: 'week' | 'month'): Promise<number> {
  const a = [`${p.region}%`, p.from, p.to];
  const bucket = (column: string) => `date_trunc('${interval}', ${column} AT TIME ZONE ${BJ})::date`;
  return all(pool, [
    [
      `SELECT ${bucket('created_at')}, count(*) FILTER (WHERE status <> 'cancelled')
       FROM cases WHERE region_code LIKE $1 AND ${inPeriod('created_at')} GROUP BY 1`,
      a,
    ],
    [
      `SELECT ${bucket('closed_at')}, count(*) FROM cases
       WHERE region_code LIKE $1 AND status = 'closed' AND ${inPeriod('closed_at')} GROUP BY 1`,
      a,
    ],
    [`SELECT ${bucket('created_at')}, count(*) FROM complaints WHERE region_code LIKE $1 AND ${inPeriod('created_at')} GROUP BY 1`, a],
    // The open backlog at the end of each interval: cases found by then and not closed or cancelled by then.
    [
      `SELECT s.start, count(c.id)
       FROM generate_series(date_trunc('${interval}', $2::date), $3::date, interval '1 ${interval}') AS s(start)
       LEFT JOIN cases c ON c.region_code LIKE $1 AND c.status <> 'cancelled'
         AND (c.created_at AT TIME ZONE ${BJ}) < s.start + interval '1 ${interval}'
         AND (c.closed_at IS NULL OR (c.closed_at AT TIME ZONE ${BJ}) >= s.start + interval '1 ${interval}')
       GROUP BY 1`,
      a,
    ],
  ]);
}

export function recountFunnel(pool: pg.Pool, p: Page): Promise<number> {
  const a = [`${p.region}%`, p.from, p.to];
  return all(pool, [
    [
      `SELECT step, count(*), count(*) FILTER (WHERE due_at < now())
       FROM tasks WHERE case_region_code LIKE $1 AND status IN ('open', 'claimed') GROUP BY 1`,
      a.slice(0, 1),
    ],
    [
      `SELECT step, count(*),
              percentile_cont(0.5) WITHIN GROUP (ORDER BY least(366, floor(extract(epoch FROM completed_at - created_at) / 86400))),
              percentile_cont(0.9) WITHIN GROUP (ORDER BY least(366, floor(extract(epoch FROM completed_at - created_at) / 86400))),
              avg((completed_at > due_at)::int)
       FROM tasks WHERE case_region_code LIKE $1 AND status = 'completed' AND ${inPeriod('completed_at')} GROUP BY 1`,
      a,
    ],
  ]);
}

export function recountHome(pool: pg.Pool, p: Page, user: { id: string; role: string; region: string }): Promise<number> {
  const a = [`${p.region}%`, p.from, p.to];
  return all(pool, [
    [
      `SELECT count(*) FILTER (WHERE status = 'claimed' AND assignee_id = $2),
              count(*) FILTER (WHERE status = 'open' AND $3 = ANY (roles)),
              count(*) FILTER (WHERE due_at < now())
       FROM tasks WHERE region_code LIKE $1 AND status IN ('open', 'claimed')`,
      [`${user.region}%`, user.id, user.role],
    ],
    [`SELECT count(*) FROM complaints WHERE region_code LIKE $1 AND status = 'verifying'`, a.slice(0, 1)],
    [`SELECT count(*), count(*) FILTER (WHERE risk_tier = 'red') FROM buildings WHERE village_code LIKE $1`, a.slice(0, 1)],
    [
      `SELECT count(*) FILTER (WHERE ${OPEN}), count(*) FILTER (WHERE ${OPEN} AND due_at < now()),
              count(*) FILTER (WHERE status = 'closed' AND ${inPeriod('created_at')}),
              count(*) FILTER (WHERE status <> 'cancelled' AND ${inPeriod('created_at')})
       FROM cases WHERE region_code LIKE $1`,
      a,
    ],
  ]);
}

/** A pivot's dimension as an expression over buildings `b`, cases `c` and the origin `o`. */
function dimension(name: string, region: string): string {
  const house: Record<string, string> = {
    region: `substr(b.village_code, 1, ${childLength(region)})`,
    riskTier: 'b.risk_tier',
    use: 'b.use',
    businessCategory: `coalesce(b.business_category, 'none')`,
    floorsBand: 'stats_floors_band(b.floors_above)',
    structureType: 'b.structure_type',
    yearBand: 'stats_year_band(b.year_built)',
    appraisalGrade: `coalesce(b.appraisal_grade, 'none')`,
    latestJudgement: `coalesce(b.latest_judgement, 'none')`,
  };
  const kase: Record<string, string> = {
    category: 'c.category',
    severity: 'c.severity',
    origin: `CASE c.source WHEN 'inspection' THEN coalesce(i.kind, 'daily') ELSE c.source END`,
    month: `date_trunc('month', c.created_at AT TIME ZONE ${BJ})::date`,
  };
  const sql = house[name] ?? kase[name];
  if (!sql) throw new RangeError(`unknown pivot dimension ${name}`);
  return sql;
}

export interface PivotQuery {
  measure: 'houses' | 'hazardsFound' | 'hazardsClosed' | 'hazardsOpen' | 'hazardsOverdue' | 'rectificationRate';
  rows: string;
  cols: string | null;
}

export function recountPivot(pool: pg.Pool, p: Page, q: PivotQuery): Promise<number> {
  const keys = [dimension(q.rows, p.region), ...(q.cols ? [dimension(q.cols, p.region)] : [])];
  const groupBy = keys.map((_, i) => i + 1).join(', ');
  const select = keys.join(', ');
  if (q.measure === 'houses') {
    return all(pool, [[`SELECT ${select}, count(*) FROM buildings b WHERE b.village_code LIKE $1 GROUP BY ${groupBy}`, [`${p.region}%`]]]);
  }
  const from = `cases c JOIN buildings b ON b.code = c.building_code
    LEFT JOIN inspection_cases ic ON ic.case_id = c.id LEFT JOIN inspections i ON i.id = ic.inspection_id`;
  const found = `c.status <> 'cancelled' AND ${inPeriod('c.created_at')}`;
  const value = {
    hazardsFound: `count(*) FILTER (WHERE ${found})`,
    hazardsClosed: `count(*) FILTER (WHERE ${found} AND c.status = 'closed')`,
    hazardsOpen: `count(*) FILTER (WHERE c.${OPEN})`,
    hazardsOverdue: `count(*) FILTER (WHERE c.${OPEN} AND c.due_at < now())`,
    rectificationRate: `count(*) FILTER (WHERE ${found} AND c.status = 'closed')::float / nullif(count(*) FILTER (WHERE ${found}), 0)`,
  }[q.measure];
  return all(pool, [
    [
      `SELECT ${select}, ${value} FROM ${from} WHERE c.region_code LIKE $1 AND $2::date IS NOT NULL AND $3::date IS NOT NULL GROUP BY ${groupBy}`,
      [`${p.region}%`, p.from, p.to],
    ],
  ]);
}
