/**
 * The baseline of the HTTP benchmarks: the same indexed queries behind a bare node:http handler with a
 * bare pg pool (no Express, no auth, no validation, no scoping, no mapping, no workflow).
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import pg from 'pg';
import { NOT_BY_EVIDENCE_SUBMITTER } from '../definitions/hazard-case/eligibility.ts';
import { EXACT_COUNT_LIMIT } from '../domain/cases/tasks.ts';

/**
 * The inbox's page of one view, as one hand-written indexed query and a count capped as the platform
 * caps it (never a full count, so the baseline is the cheaper side): the user is named in the query
 * string (`user`, `role`, `region`), where the platform reads it from the session.
 */
function inboxWhere(view: string, p: URLSearchParams): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const bind = (value: unknown, type: string) => `$${params.push(value)}::${type}`;
  const region = p.get('region') ?? '';
  const inRegion = () =>
    region.length === 12 ? `t.case_region_code = ${bind(region, 'text')}` : `t.case_region_code LIKE ${bind(`${region}%`, 'text')}`;
  const claimable = () =>
    `(t.status = 'open' AND ${inRegion()} AND t.roles @> ARRAY[${bind(p.get('role'), 'text')}]
      AND NOT (t.step = ANY(${bind([...NOT_BY_EVIDENCE_SUBMITTER], 'text[]')})
               AND EXISTS (SELECT 1 FROM cases k WHERE k.id = t.case_id AND k.evidence_submitter_id = ${bind(p.get('user'), 'uuid')})))`;
  const officer = ['district_admin', 'district_officer', 'town_officer'].includes(p.get('role') ?? '');
  const where: Record<string, () => string> = {
    claimable,
    mine: () => `t.status = 'claimed' AND t.assignee_id = ${bind(p.get('user'), 'uuid')}`,
    done: () => `t.status = 'completed' AND t.completed_by = ${bind(p.get('user'), 'uuid')}`,
    overdue: () =>
      `t.status IN ('open', 'claimed') AND t.due_at < now() AND ${officer ? inRegion() : `(t.assignee_id = ${bind(p.get('user'), 'uuid')} OR ${claimable()})`}`,
  };
  return { sql: (where[view] ?? (() => 'false'))(), params };
}

async function inboxPage(pool: pg.Pool, p: URLSearchParams): Promise<unknown> {
  const count = async (view: string) => {
    const { sql, params } = inboxWhere(view, p);
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM tasks t WHERE ${sql} LIMIT ${EXACT_COUNT_LIMIT + 1}) s`,
      params,
    );
    return rows[0]?.n as number;
  };
  const view = p.get('view') ?? 'claimable';
  if (view === 'counts') {
    return Object.fromEntries(await Promise.all(['mine', 'claimable', 'done', 'overdue'].map(async (v) => [v, await count(v)])));
  }
  const { sql, params } = inboxWhere(view, p);
  const [total, page] = await Promise.all([
    count(view),
    pool.query(
      `SELECT t.*, c.number AS case_number, c.severity, c.category, c.building_code, c.definition_version, c.evidence_submitter_id,
              b.address, v.name AS village_name, a.name AS assignee_name
       FROM tasks t JOIN cases c ON c.id = t.case_id JOIN buildings b ON b.code = c.building_code
       LEFT JOIN regions v ON v.code = c.region_code LEFT JOIN users a ON a.id = t.assignee_id
       WHERE ${sql} ORDER BY t.due_at, t.id LIMIT 25 OFFSET ($${params.length + 1} - 1) * 25`,
      [...params, Number(p.get('page') ?? 1)],
    ),
  ]);
  return { total, data: page.rows };
}

export async function startBareServer(databaseUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://bare');
    try {
      if (url.pathname.startsWith('/by-code/')) {
        const { rows } = await pool.query('SELECT * FROM buildings WHERE code = $1', [url.pathname.slice(9)]);
        res.writeHead(rows.length ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(rows[0] ?? null));
        return;
      }
      if (url.pathname === '/list') {
        const params = [
          `${url.searchParams.get('regionCode') ?? ''}%`,
          url.searchParams.get('use'),
          Number(url.searchParams.get('page') ?? 1),
        ];
        const where = 'WHERE village_code LIKE $1 AND use = $2';
        const [data, count] = await Promise.all([
          pool.query(`SELECT * FROM buildings ${where} ORDER BY year_built DESC, code LIMIT 25 OFFSET ($3 - 1) * 25`, params),
          pool.query(`SELECT count(*) FROM buildings ${where}`, params.slice(0, 2)),
        ]);
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ data: data.rows, total: Number(count.rows[0]?.count) }));
        return;
      }
      if (url.pathname === '/inbox') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(await inboxPage(pool, url.searchParams)));
        return;
      }
      if (url.pathname === '/complaints' && req.method === 'POST') {
        // The same row an Open311 request writes, parsed and inserted with nothing else.
        let raw = '';
        for await (const chunk of req) raw += String(chunk);
        const form = new URLSearchParams(raw);
        const { rows } = await pool.query(
          `INSERT INTO complaints (tracking_no, secret_hash, channel, building_code, region_code, category, description, verify_due_at, client_hash)
           VALUES ('TS' || to_char(now(), 'YYYYMMDD') || lpad(nextval('complaint_number_seq')::text, 6, '0'), $1, 'open311', $2::text,
                   substr($2::text, 1, 12), $3, $4, now() + interval '3 days', $1)
           RETURNING tracking_no`,
          ['0'.repeat(64), form.get('attribute[building_code]'), form.get('service_code'), form.get('description')],
        );
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify([{ service_request_id: rows[0]?.tracking_no }]));
        return;
      }
      res.writeHead(404).end();
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}
